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
 * Which months the loaded submissions cover (docs/board.md, "Complete periods"). A month is covered when every
 * provider with a loaded submission has one whose reporting period (MSD000 RPStartDate–RPEndDate) contains the
 * whole month: a month outside it holds only the history or the future that a submission happens to carry (bookings
 * of women who gave birth in the period, events dated after its end), never all of the month's events. A quarter or
 * financial year is covered when all its months are. Whether a covered month is also complete for one measure's
 * series (not truncated, no denominator far below its neighbours) is the trend's own rule.
 */
@Component
public class CompletePeriods {

    private final JdbcClient jdbc;

    CompletePeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The months covered now, from the submission table (a handful of rows: no cache needed). */
    public Coverage coverage() {
        Map<String, List<LocalDate[]>> byProvider = new TreeMap<>();
        jdbc.sql("SELECT provider, rp_start, rp_end FROM submission").query((rs, i) -> {
            byProvider.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new LocalDate[] {
                    rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate() });
            return null;
        }).list();
        NavigableSet<YearMonth> covered = null;
        LocalDate dataTo = null;
        for (List<LocalDate[]> periods : byProvider.values()) {
            NavigableSet<YearMonth> months = new TreeSet<>();
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
            }
            if (covered == null) {
                covered = months;
            } else {
                covered.retainAll(months);
            }
        }
        return new Coverage(covered == null ? new TreeSet<>() : covered, dataTo);
    }

    /**
     * @param months every covered month
     * @param dataTo the last day any loaded submission reports on (the "data to" date), or null when none is loaded
     */
    public record Coverage(NavigableSet<YearMonth> months, LocalDate dataTo) {

        public Coverage {
            months = java.util.Collections.unmodifiableNavigableSet(new TreeSet<>(months));
        }

        public boolean covers(YearMonth month) {
            return months.contains(month);
        }

        /**
         * Whether a period label of the fact table ({@code 2024-07}, {@code 2024-Q3}, {@code 2024/25}) is covered:
         * all its months are.
         */
        public boolean covers(Dimension period, String label) {
            return switch (period) {
                case MONTH -> covers(YearMonth.parse(label));
                case QUARTER -> {
                    YearMonth first = YearMonth.of(Integer.parseInt(label.substring(0, 4)),
                            3 * (Integer.parseInt(label.substring(6)) - 1) + 1);
                    yield covers(first) && covers(first.plusMonths(1)) && covers(first.plusMonths(2));
                }
                case FINANCIAL_YEAR -> {
                    YearMonth april = YearMonth.of(Integer.parseInt(label.substring(0, 4)), 4);
                    boolean all = true;
                    for (int i = 0; i < 12; i++) {
                        all &= covers(april.plusMonths(i));
                    }
                    yield all;
                }
                default -> throw new IllegalArgumentException(period.id() + " is not a period dimension");
            };
        }
    }
}
