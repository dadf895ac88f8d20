package org.perinatalequity.measures;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which months of a measure's series are complete (docs/board.md, "Complete periods"). A month is complete when
 * <ol>
 * <li>every provider with a loaded submission has one whose reporting period (MSD000 RPStartDate–RPEndDate)
 * contains the whole month: a month outside it holds only the history or the future that a submission happens to
 * carry (bookings of women who gave birth in the period, events dated after its end), never all of its events;</li>
 * <li>the extract's window does not truncate it: its last day plus the measure's {@code completeAfterDays} is on or
 * before the earliest provider's data-to date (a birth month of neonatal deaths needs 27 more days);</li>
 * <li>its whole-LMNS denominator is not far below its neighbours: under half the median monthly denominator of the
 * months passing 1 and 2, when that median is at least {@value #MIN_MEDIAN}. It is judged on the whole LMNS so
 * every breakdown group, filter and caller agrees on which months count.</li>
 * </ol>
 * A quarter or financial year is complete when all its months are.
 */
@Component
public class CompletePeriods {

    /** Below this median monthly denominator the series is too small for rule 3 to tell a gap from noise. */
    public static final int MIN_MEDIAN = 20;

    private final JdbcClient jdbc;

    CompletePeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The months covered now, from the MSDS submissions (a handful of rows: no cache needed). An MHSDS submission
     * (monthly, from a mental health provider) does not narrow the maternity coverage.
     */
    public Coverage coverage() {
        Map<String, List<LocalDate[]>> byProvider = new TreeMap<>();
        jdbc.sql("SELECT provider, rp_start, rp_end FROM submission WHERE dataset = 'MSDS'").query((rs, i) -> {
            byProvider.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new LocalDate[] {
                    rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate() });
            return null;
        }).list();
        NavigableSet<YearMonth> covered = null;
        LocalDate dataTo = null;
        LocalDate completeTo = null;
        for (List<LocalDate[]> periods : byProvider.values()) {
            NavigableSet<YearMonth> months = new TreeSet<>();
            LocalDate providerTo = null;
            for (LocalDate[] p : periods) {
                YearMonth first = YearMonth.from(p[0].getDayOfMonth() == 1 ? p[0] : p[0].plusMonths(1));
                YearMonth last = YearMonth.from(p[1]);
                if (!p[1].equals(last.atEndOfMonth())) {
                    last = last.minusMonths(1);
                }
                for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                    months.add(m);
                }
                dataTo = dataTo == null || p[1].isAfter(dataTo) ? p[1] : dataTo;
                providerTo = providerTo == null || p[1].isAfter(providerTo) ? p[1] : providerTo;
            }
            completeTo = completeTo == null || providerTo.isBefore(completeTo) ? providerTo : completeTo;
            if (covered == null) {
                covered = months;
            } else {
                covered.retainAll(months);
            }
        }
        return new Coverage(covered == null ? new TreeSet<>() : covered, dataTo, completeTo);
    }

    /**
     * The complete months of one measure's series (rules 1–3 of the class comment).
     *
     * @param lmnsDenominators the whole-LMNS denominator of each month (a month without an entry has 0)
     */
    public static NavigableSet<YearMonth> completeMonths(Coverage coverage, Measure measure,
            Map<YearMonth, Long> lmnsDenominators) {
        return completeMonths(coverage, measure.completeAfterDays(), lmnsDenominators);
    }

    static NavigableSet<YearMonth> completeMonths(Coverage coverage, int completeAfterDays,
            Map<YearMonth, Long> lmnsDenominators) {
        NavigableSet<YearMonth> windowed = new TreeSet<>();
        for (YearMonth m : coverage.months()) {
            if (coverage.completeTo() != null
                    && !m.atEndOfMonth().plusDays(completeAfterDays).isAfter(coverage.completeTo())) {
                windowed.add(m);
            }
        }
        if (windowed.isEmpty()) {
            return windowed;
        }
        long[] denominators = windowed.stream().mapToLong(m -> lmnsDenominators.getOrDefault(m, 0L)).sorted()
                .toArray();
        int n = denominators.length;
        double median = n % 2 == 1 ? denominators[n / 2] : (denominators[n / 2 - 1] + denominators[n / 2]) / 2.0;
        if (median < MIN_MEDIAN) {
            return windowed;
        }
        NavigableSet<YearMonth> complete = new TreeSet<>();
        for (YearMonth m : windowed) {
            if (lmnsDenominators.getOrDefault(m, 0L) >= median / 2) {
                complete.add(m);
            }
        }
        return complete;
    }

    /** The months of a period label of the fact table ({@code 2024-07}, {@code 2024-Q3}, {@code 2024/25}). */
    public static List<YearMonth> months(Dimension period, String label) {
        return switch (period) {
            case MONTH -> List.of(YearMonth.parse(label));
            case QUARTER -> {
                YearMonth first = YearMonth.of(Integer.parseInt(label.substring(0, 4)),
                        3 * (Integer.parseInt(label.substring(6)) - 1) + 1);
                yield List.of(first, first.plusMonths(1), first.plusMonths(2));
            }
            case FINANCIAL_YEAR -> {
                YearMonth april = YearMonth.of(Integer.parseInt(label.substring(0, 4)), 4);
                List<YearMonth> all = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    all.add(april.plusMonths(i));
                }
                yield List.copyOf(all);
            }
            default -> throw new IllegalArgumentException(period.id() + " is not a period dimension");
        };
    }

    /**
     * @param months every covered month (rule 1)
     * @param dataTo the last day any loaded submission reports on (the "data to" date), or null when none is loaded
     * @param completeTo the earliest of the providers' last reported days: the day up to which every provider's
     *        events are in (rule 2), or null when none is loaded
     */
    public record Coverage(NavigableSet<YearMonth> months, LocalDate dataTo, LocalDate completeTo) {

        public Coverage {
            months = java.util.Collections.unmodifiableNavigableSet(new TreeSet<>(months));
        }

        /** One provider, or providers reporting to the same day. */
        public Coverage(NavigableSet<YearMonth> months, LocalDate dataTo) {
            this(months, dataTo, dataTo);
        }

        public boolean covers(YearMonth month) {
            return months.contains(month);
        }

        /** Whether a period label of the fact table is covered: all its months are. */
        public boolean covers(Dimension period, String label) {
            return months.containsAll(CompletePeriods.months(period, label));
        }
    }
}
