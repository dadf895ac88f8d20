package org.perinatalequity.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extract is one submission at its reporting period's end: flat volumes across the period, open pregnancies
 * carried at both ends, nothing dated after RPEndDate but the agreed due dates.
 */
class ReportingPeriodTests {

    private static final int BIRTHS = 20_000;
    private static final LocalDate START = LocalDate.of(2023, 4, 1);
    private static final LocalDate END = LocalDate.of(2025, 3, 31);
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    static Path dir;
    static Extract extract;
    /** PregnancyID → birth date of its delivery (MSD301 joined to MSD401). */
    static final Map<String, LocalDate> birthOfPregnancy = new HashMap<>();

    @BeforeAll
    static void generate() {
        new DemoDataGenerator().generate(dir, BIRTHS, DemoDataGenerator.DEFAULT_SEED);
        extract = Extract.read(dir);
        Map<String, String> pregnancyOfDelivery = new HashMap<>();
        extract.rows("MSD301").forEach(d -> pregnancyOfDelivery.put(d.get("LabourDeliveryID"), d.get("PregnancyID")));
        extract.rows("MSD401").forEach(b -> birthOfPregnancy.put(pregnancyOfDelivery.get(b.get("LabourDeliveryID")),
                LocalDate.parse(b.get("PersonBirthDateBaby"))));
    }

    @Test
    void headerNamesTheFixedReportingPeriod() {
        assertThat(extract.rows("MSD000")).singleElement().satisfies(h -> {
            assertThat(h.get("RPStartDate")).isEqualTo(START.toString());
            assertThat(h.get("RPEndDate")).isEqualTo(END.toString());
        });
        assertThat(DemoDataGenerator.PERIOD_START).isEqualTo(START);
        assertThat(DemoDataGenerator.PERIOD_END).isEqualTo(END);
    }

    @Test
    void nothingButTheAgreedDueDateIsDatedAfterThePeriodEnds() {
        List<String> late = new ArrayList<>();
        int dates = 0;
        for (String table : MsdsLayout.TABLES) {
            for (Map<String, String> row : extract.rows(table)) {
                for (Map.Entry<String, String> cell : row.entrySet()) {
                    Optional<LocalDate> date = date(cell.getValue());
                    if (date.isPresent() && !cell.getKey().equals("EDDAgreed")) {
                        dates++;
                        if (date.get().isAfter(END)) {
                            late.add(table + "." + cell.getKey() + "=" + cell.getValue());
                        }
                    }
                }
            }
        }
        assertThat(dates).as("dates checked").isGreaterThan(400_000);
        assertThat(late).isEmpty();
        assertThat(extract.rows("MSD101")).extracting(b -> b.get("EDDAgreed"))
                .anyMatch(edd -> edd.compareTo(END.toString()) > 0);
    }

    @Test
    void bookingsLateInThePeriodAreThereWithoutABirthYet() {
        int open = 0;
        for (Map<String, String> booking : extract.rows("MSD101")) {
            if (birthOfPregnancy.containsKey(booking.get("PregnancyID"))) {
                continue;
            }
            open++;
            Optional<LocalDate> edd = date(booking.get("EDDAgreed"));
            // Not yet born at the period's end: due after it, or at most a couple of weeks before it (post-term).
            edd.ifPresent(d -> assertThat(d).as(booking.get("PregnancyID")).isAfter(END.minusDays(21)));
            date(booking.get("AntenatalAppDate")).ifPresent(d -> assertThat(d).isAfter(END.minusMonths(10)));
        }
        List<Map<String, String>> lastMonth = extract.rows("MSD101").stream()
                .filter(b -> date(b.get("AntenatalAppDate")).filter(d -> d.isAfter(END.minusMonths(1))).isPresent())
                .toList();
        assertThat(open).isGreaterThan(BIRTHS / 4);
        // Almost every booking in the period's last month is still open (only a very late booking gives birth).
        assertThat(lastMonth).hasSizeGreaterThan(BIRTHS / 30);
        assertThat(lastMonth.stream().filter(b -> !birthOfPregnancy.containsKey(b.get("PregnancyID"))).count())
                .isGreaterThan(lastMonth.size() * 9L / 10);
    }

    @Test
    void bookingsBeforeThePeriodBelongToPregnanciesStillOpenAtItsStart() {
        int earlier = 0;
        for (Map<String, String> booking : extract.rows("MSD101")) {
            Optional<LocalDate> date = date(booking.get("AntenatalAppDate"));
            if (date.isPresent() && date.get().isBefore(START)) {
                earlier++;
                assertThat(birthOfPregnancy.get(booking.get("PregnancyID"))).as(booking.get("PregnancyID"))
                        .isNotNull().isAfterOrEqualTo(START);
            }
        }
        assertThat(earlier).isGreaterThan(BIRTHS / 4);
        assertThat(birthOfPregnancy.values()).allMatch(d -> !d.isBefore(START) && !d.isAfter(END));
    }

    @Test
    void monthlyBookingsAndBirthsAreFlatAcrossThePeriod() {
        Map<YearMonth, Integer> bookings = new TreeMap<>();
        Map<YearMonth, Integer> births = new TreeMap<>();
        for (YearMonth m = YearMonth.from(START); !m.isAfter(YearMonth.from(END)); m = m.plusMonths(1)) {
            bookings.put(m, 0);
            births.put(m, 0);
        }
        extract.rows("MSD101").forEach(b -> date(b.get("AntenatalAppDate")).map(YearMonth::from)
                .ifPresent(m -> bookings.computeIfPresent(m, (k, n) -> n + 1)));
        extract.rows("MSD401").forEach(b -> births.computeIfPresent(
                YearMonth.from(LocalDate.parse(b.get("PersonBirthDateBaby"))), (k, n) -> n + 1));
        assertFlat("bookings", bookings);
        assertFlat("births", births);
        assertThat(births.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(BIRTHS);
    }

    private static void assertFlat(String what, Map<YearMonth, Integer> monthly) {
        assertThat(monthly).hasSize(24);
        double mean = monthly.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertThat(mean).as(what).isGreaterThan(BIRTHS / 24.0 * 0.9);
        monthly.forEach((month, n) -> assertThat((double) n).as("%s in %s (mean %.0f)", what, month, mean)
                .isBetween(mean * 0.85, mean * 1.15));
    }

    /** An ISO or dd/MM/yyyy date (the generator's broken mandatory dates), or empty for anything else. */
    private static Optional<LocalDate> date(String value) {
        if (value.length() != 10) {
            return Optional.empty();
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(value));
            } else if (value.matches("\\d{2}/\\d{2}/\\d{4}")) {
                return Optional.of(LocalDate.parse(value, UK_DATE));
            }
        } catch (DateTimeParseException e) {
            // 2024-02-30 and the like: impossible dates are a recorded defect, not a date.
        }
        return Optional.empty();
    }
}
