package org.perinatalequity.charts;

import static org.perinatalequity.stats.Comparison.BETTER;
import static org.perinatalequity.stats.Comparison.NOT_COMPARED;
import static org.perinatalequity.stats.Comparison.SIMILAR;
import static org.perinatalequity.stats.Comparison.WORSE;

import java.util.ArrayList;
import java.util.List;

import org.perinatalequity.charts.ChartData.Group;
import org.perinatalequity.charts.ChartData.Point;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.Estimate;
import org.perinatalequity.stats.Proportions;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.PointType;

/** Chart inputs shaped like the breakdown service's answers, built from counts with real Wilson limits. */
final class Samples {

    static final ChartMeasure PRETERM = measure("Preterm births", null);
    static final ChartMeasure EARLY_BOOKING = measure("Booked by 10 weeks", 75.0);

    /** A suppressed group stands for 5 events in 40: hidden, but counted in the total. */
    private static final long SUPPRESSED_EVENTS = 5;
    private static final long SUPPRESSED_SIZE = 40;

    private Samples() {
    }

    static ChartMeasure measure(String name, Double target) {
        return new ChartMeasure(name, "%", 100, target, "births");
    }

    static Group row(String group, String group2, long x, long n, Comparison comparison) {
        Estimate e = Proportions.wilson(x, n, 0.95, 100);
        return new Group(group, group2, null, (double) n, e.value(), e.lower(), e.upper(), false, comparison);
    }

    static Group suppressedRow(String group, String group2) {
        return new Group(group, group2, null, (double) SUPPRESSED_SIZE, null, null, null, true, NOT_COMPARED);
    }

    static ChartData.Breakdown breakdown(String measure, String by, String byLabel, String by2, String by2Label,
            List<Group> rows, ChartData.Inequality inequality) {
        return new ChartData.Breakdown(measure, by, byLabel, by2, by2Label, "2024-04", "2025-03", true, "%",
                total(rows), rows, inequality);
    }

    /** Preterm births by IMD quintile: a gradient from 8.9% (most deprived) to 5.1%, Unknown suppressed. */
    static ChartData.Breakdown pretermByQuintile() {
        List<Group> rows = List.of(row("1", null, 312, 3500, WORSE), row("2", null, 231, 3100, WORSE),
                row("3", null, 170, 2700, SIMILAR), row("4", null, 140, 2500, BETTER),
                row("5", null, 118, 2300, BETTER), suppressedRow("Unknown", null));
        return breakdown("preterm", "imd_quintile", "IMD quintile (1 = most deprived)", null, null, rows,
                new ChartData.Inequality(-4.6, -5.9, -3.3, 0.58, 0.49, 0.68));
    }

    static ChartData.Breakdown earlyBookingByEthnicity() {
        List<Group> rows = List.of(row("White", null, 5200, 7000, SIMILAR), row("Mixed", null, 300, 420, SIMILAR),
                row("Asian or Asian British", null, 2100, 3000, WORSE),
                row("Black or Black British", null, 520, 820, WORSE), row("Any other ethnic group", null, 190, 260,
                        SIMILAR), row("Not stated", null, 60, 75, BETTER), suppressedRow("Missing", null));
        return breakdown("early_booking", "ethnic_group", "Ethnic group", null, null, rows, null);
    }

    /** Ethnic group × IMD quintile, one cell suppressed and one combination missing. */
    static ChartData.Breakdown pretermByEthnicityAndQuintile() {
        String[] groups = { "White", "Asian or Asian British", "Black or Black British", "Mixed" };
        List<Group> rows = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            for (int q = 1; q <= 5; q++) {
                if (g == 3 && q == 5) {
                    rows.add(suppressedRow(groups[g], String.valueOf(q)));
                    continue;
                }
                long n = 400 + 150L * (5 - q) + 90L * g;
                long x = Math.round(n * (0.05 + 0.008 * (5 - q) + 0.012 * g));
                rows.add(row(groups[g], String.valueOf(q), x, n, q <= 2 ? WORSE : q == 3 ? SIMILAR : BETTER));
            }
        }
        return breakdown("preterm", "ethnic_group", "Ethnic group", "imd_quintile",
                "IMD quintile (1 = most deprived)", rows, null);
    }

    /** The LMNS total of the rows, suppressed ones included (their counts are hidden, not removed). */
    static Group total(List<Group> rows) {
        long x = 0;
        long n = 0;
        for (Group r : rows) {
            x += r.suppressed() ? SUPPRESSED_EVENTS : Math.round(r.value() * r.denominator() / 100);
            n += r.denominator().longValue();
        }
        return row("Total", null, x, n, NOT_COMPARED);
    }

    /** Place breakdown for a funnel: one small area far above the average, one large area below. */
    static ChartData.Breakdown pretermByDistrict() {
        List<Group> rows = List.of(row("LE1", null, 60, 400, WORSE), row("LE2", null, 150, 2400, SIMILAR),
                row("LE3", null, 190, 3000, SIMILAR), row("LE4", null, 150, 3600, BETTER),
                row("LE5", null, 80, 1200, SIMILAR), row("LE11", null, 40, 700, SIMILAR),
                row("LE12", null, 19, 260, SIMILAR), suppressedRow("LE15", null));
        return breakdown("preterm", "postcode_district", "Postcode district", null, null, rows, null);
    }

    static ChartData.Trend trend(String measure, Double target, double mean, PointType variation,
            Assurance assurance, List<Point> points) {
        return new ChartData.Trend(measure, "%", target, mean, variation, assurance, points, SpcInput.Chart.XMR, 1,
                List.of());
    }

    /** Twelve months of booking by 10 weeks rising over the last seven (special cause improvement). */
    static ChartData.Trend earlyBookingTrend() {
        double[] values = { 61.0, 62.5, 60.8, 61.9, 62.2, 61.4, 63.0, 64.1, 65.2, 66.0, 67.4, 68.9 };
        List<Point> points = new ArrayList<>();
        double mean = 63.7;
        for (int i = 0; i < values.length; i++) {
            double n = 900 + 20 * i;
            double sigma = 100 * Math.sqrt(mean / 100 * (1 - mean / 100) / n);
            PointType spc = i >= 5 ? PointType.SPECIAL_CAUSE_IMPROVEMENT : PointType.COMMON_CAUSE;
            String period = String.format("%d-%02d", i < 9 ? 2024 : 2025, (i + 3) % 12 + 1);
            if (i == 2) {
                points.add(new Point(period, null, null, null, null, true, true, null));
                continue;
            }
            points.add(new Point(period, values[i], mean - 3 * sigma, mean + 3 * sigma, spc, false, true, null));
        }
        return trend("early_booking", 75.0, mean, PointType.SPECIAL_CAUSE_IMPROVEMENT,
                Assurance.CONSISTENTLY_FAILING, points);
    }

    /** A trend of constant-ish values with a given mean, to fill grid panels. */
    static ChartData.Trend flatTrend(String measure, double base, Double target) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double v = base + ((i * 7) % 5 - 2) * 0.3;
            String period = String.format("%d-%02d", i < 9 ? 2024 : 2025, (i + 3) % 12 + 1);
            points.add(new Point(period, v, base - 2, base + 2,
                    i == 11 ? PointType.SPECIAL_CAUSE_CONCERN : PointType.COMMON_CAUSE, false, true, null));
        }
        return trend(measure, target, base, PointType.SPECIAL_CAUSE_CONCERN, null, points);
    }

    /** The trend with its first {@code head} and last {@code tail} periods incomplete (no SPC reading). */
    static ChartData.Trend withIncompleteEnds(ChartData.Trend t, int head, int tail) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < t.points().size(); i++) {
            Point p = t.points().get(i);
            boolean complete = i >= head && i < t.points().size() - tail;
            points.add(complete ? p : new Point(p.period(), p.value(), null, null, null, p.suppressed(), false, null));
        }
        return trend(t.measure(), t.target(), t.mean(), t.variation(), t.assurance(), points);
    }

    /** The trend rebased at point {@code at}: the mean 2 points higher from there. */
    static ChartData.Trend rebased(ChartData.Trend t, int at) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < t.points().size(); i++) {
            Point p = t.points().get(i);
            double mean = t.mean() + (i >= at ? 2 : 0);
            points.add(new Point(p.period(), p.value(), p.processLower(), p.processUpper(), p.spc(), p.suppressed(),
                    p.complete(), mean));
        }
        return new ChartData.Trend(t.measure(), t.unit(), t.target(), t.mean() + 2, t.variation(), t.assurance(),
                points, SpcInput.Chart.XMR, 1, List.of(t.points().get(at).period()));
    }
}
