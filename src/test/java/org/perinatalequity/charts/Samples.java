package org.perinatalequity.charts;

import java.util.ArrayList;
import java.util.List;

import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownResult.Row;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.Estimate;
import org.perinatalequity.stats.Polarity;
import org.perinatalequity.stats.Proportions;
import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.PointType;

/** Read-model records shaped like the breakdown service's answers, built from counts with real Wilson limits. */
final class Samples {

    static final Measure PRETERM = measure("preterm", "Preterm births", Polarity.LOWER_IS_BETTER, null);
    static final Measure EARLY_BOOKING = measure("early_booking", "Booked by 10 weeks",
            Polarity.HIGHER_IS_BETTER, 75.0);

    private Samples() {
    }

    static Measure measure(String id, String name, Polarity polarity, Double target) {
        return new Measure(id, name, name, "%", 100, polarity, target, "events", "births", List.of(), "birth",
                "outcome", false, "select 1", 0, "Local definition", null, List.of("imd_quintile", "ethnic_group"),
                null);
    }

    static Row row(String group, String group2, long x, long n, String comparison) {
        Estimate e = Proportions.wilson(x, n, 0.95, 100);
        Estimate w = Proportions.wilson(x, n, 0.998, 100);
        return new Row(group, group2, (double) x, (double) n, e.value(), e.lower(), e.upper(), w.lower(), w.upper(),
                false, comparison == null ? null : Comparison.valueOf(comparison.toUpperCase(java.util.Locale.ROOT)),
                null, null, null);
    }

    static Row suppressedRow(String group, String group2) {
        return new Row(group, group2, 5.0, 40.0, null, null, null, null, null, true, Comparison.NOT_COMPARED, null, null, null);
    }

    /** Preterm births by IMD quintile: a gradient from 8.9% (most deprived) to 5.1%, Unknown suppressed. */
    static BreakdownResult pretermByQuintile() {
        List<Row> rows = List.of(row("1", null, 312, 3500, "worse"), row("2", null, 231, 3100, "worse"),
                row("3", null, 170, 2700, "similar"), row("4", null, 140, 2500, "better"),
                row("5", null, 118, 2300, "better"), suppressedRow("Unknown", null));
        return new BreakdownResult("preterm", "imd_quintile", null, "2024-04", "2025-03", true, "%", "2019", total(rows),
                rows, new BreakdownResult.Inequality(-4.6, -5.9, -3.3, 0.58, 0.49, 0.68));
    }

    static BreakdownResult earlyBookingByEthnicity() {
        List<Row> rows = List.of(row("White", null, 5200, 7000, "similar"), row("Mixed", null, 300, 420, "similar"),
                row("Asian or Asian British", null, 2100, 3000, "worse"),
                row("Black or Black British", null, 520, 820, "worse"), row("Any other ethnic group", null, 190, 260,
                        "similar"), row("Not stated", null, 60, 75, "better"), suppressedRow("Missing", null));
        return new BreakdownResult("early_booking", "ethnic_group", null, "2024-04", "2025-03", true, "%", "2019",
                total(rows), rows, null);
    }

    /** Ethnic group × IMD quintile, one cell suppressed and one combination missing. */
    static BreakdownResult pretermByEthnicityAndQuintile() {
        String[] groups = { "White", "Asian or Asian British", "Black or Black British", "Mixed" };
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            for (int q = 1; q <= 5; q++) {
                if (g == 3 && q == 5) {
                    rows.add(suppressedRow(groups[g], String.valueOf(q)));
                    continue;
                }
                long n = 400 + 150L * (5 - q) + 90L * g;
                long x = Math.round(n * (0.05 + 0.008 * (5 - q) + 0.012 * g));
                rows.add(row(groups[g], String.valueOf(q), x, n, q <= 2 ? "worse" : q == 3 ? "similar" : "better"));
            }
        }
        return new BreakdownResult("preterm", "ethnic_group", "imd_quintile", "2024-04", "2025-03", true, "%", "2019",
                total(rows), rows, null);
    }

    static Row total(List<Row> rows) {
        long x = 0;
        long n = 0;
        for (Row r : rows) {
            x += r.numerator().longValue();
            n += r.denominator().longValue();
        }
        return row("Total", null, x, n, "not_compared");
    }

    /** Place breakdown for a funnel: one small area far above the average, one large area below. */
    static BreakdownResult pretermByDistrict() {
        List<Row> rows = List.of(row("LE1", null, 60, 400, "worse"), row("LE2", null, 150, 2400, "similar"),
                row("LE3", null, 190, 3000, "similar"), row("LE4", null, 150, 3600, "better"),
                row("LE5", null, 80, 1200, "similar"), row("LE11", null, 40, 700, "similar"),
                row("LE12", null, 19, 260, "similar"), suppressedRow("LE15", null));
        return new BreakdownResult("preterm", "postcode_district", null, "2024-04", "2025-03", true, "%", "2019",
                total(rows), rows, null);
    }

    /** Twelve months of booking by 10 weeks rising over the last seven (special cause improvement). */
    static TrendResult earlyBookingTrend() {
        double[] values = { 61.0, 62.5, 60.8, 61.9, 62.2, 61.4, 63.0, 64.1, 65.2, 66.0, 67.4, 68.9 };
        List<TrendResult.Point> points = new ArrayList<>();
        double mean = 63.7;
        for (int i = 0; i < values.length; i++) {
            double n = 900 + 20 * i;
            double sigma = 100 * Math.sqrt(mean / 100 * (1 - mean / 100) / n);
            PointType spc = i >= 5 ? PointType.SPECIAL_CAUSE_IMPROVEMENT : PointType.COMMON_CAUSE;
            String period = String.format("%d-%02d", i < 9 ? 2024 : 2025, (i + 3) % 12 + 1);
            if (i == 2) {
                points.add(new TrendResult.Point(period, 5.0, n, null, null, null, null, null, null, true, true));
                continue;
            }
            Estimate e = Proportions.wilson(Math.round(values[i] * n / 100), n, 0.95, 100);
            points.add(new TrendResult.Point(period, (double) Math.round(values[i] * n / 100), n, values[i], e.lower(),
                    e.upper(), mean - 3 * sigma, mean + 3 * sigma, spc, false, true));
        }
        return new TrendResult("early_booking", "month", true, "%", 75.0, mean, PointType.SPECIAL_CAUSE_IMPROVEMENT,
                Assurance.CONSISTENTLY_FAILING, points, null);
    }

    /** A trend of constant-ish values with a given mean, to fill grid panels. */
    static TrendResult flatTrend(String measure, double base, Double target) {
        List<TrendResult.Point> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double v = base + ((i * 7) % 5 - 2) * 0.3;
            String period = String.format("%d-%02d", i < 9 ? 2024 : 2025, (i + 3) % 12 + 1);
            points.add(new TrendResult.Point(period, v * 10, 1000.0, v, v - 1.2, v + 1.2, base - 2, base + 2,
                    i == 11 ? PointType.SPECIAL_CAUSE_CONCERN : PointType.COMMON_CAUSE, false, true));
        }
        return new TrendResult(measure, "month", true, "%", target, base, PointType.SPECIAL_CAUSE_CONCERN, null, points,
                null);
    }

    /** The trend with its first {@code head} and last {@code tail} periods incomplete (no SPC reading). */
    static TrendResult withIncompleteEnds(TrendResult t, int head, int tail) {
        List<TrendResult.Point> points = new ArrayList<>();
        for (int i = 0; i < t.points().size(); i++) {
            TrendResult.Point p = t.points().get(i);
            boolean complete = i >= head && i < t.points().size() - tail;
            points.add(complete ? p : new TrendResult.Point(p.period(), p.numerator(), p.denominator(), p.value(),
                    p.lower95(), p.upper95(), null, null, null, p.suppressed(), false));
        }
        return new TrendResult(t.measure(), t.by(), t.suppressed(), t.unit(), t.target(), t.mean(), t.variation(),
                t.assurance(), points, t.dataTo());
    }

    /** The trend rebased at point {@code at}: the mean 2 points higher from there. */
    static TrendResult rebased(TrendResult t, int at) {
        List<TrendResult.Point> points = new ArrayList<>();
        for (int i = 0; i < t.points().size(); i++) {
            TrendResult.Point p = t.points().get(i);
            double mean = t.mean() + (i >= at ? 2 : 0);
            points.add(new TrendResult.Point(p.period(), p.numerator(), p.denominator(), p.value(), p.lower95(),
                    p.upper95(), p.processLower(), p.processUpper(), p.spc(), p.suppressed(), p.complete(), mean));
        }
        return new TrendResult(t.measure(), t.by(), t.suppressed(), t.unit(), t.target(), t.mean() + 2, t.variation(),
                t.assurance(), points, t.dataTo(), "xmr", 1, List.of(t.points().get(at).period()));
    }
}
