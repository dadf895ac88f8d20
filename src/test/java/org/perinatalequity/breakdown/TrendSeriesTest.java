package org.perinatalequity.breakdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.perinatalequity.breakdown.query.GroupCount;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Polarity;
import org.perinatalequity.stats.Spc;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.stats.SpcInput.Chart;
import org.perinatalequity.stats.SpcResult;
import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.PointType;

/** Trends from hand-built and random counts: completeness, true counts under suppression, rolling rates, rebasing. */
class TrendSeriesTest {

    private static final YearMonth START = YearMonth.of(2023, 4);

    private static Measure measure(Polarity polarity, Double target, boolean rare) {
        return new Measure("m", "M", "M", "%", 100, polarity, target, "events", "women", List.of("plan"), "booking",
                "outcome", rare, "select 1", 0, "Local definition", null, List.of(), null);
    }

    private static List<GroupCount> monthly(long[] x, long[] n) {
        List<GroupCount> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(new GroupCount(START.plusMonths(i).toString(), null, x[i], n[i]));
        }
        return out;
    }

    private static Set<YearMonth> months(int from, int to) {
        Set<YearMonth> out = new TreeSet<>();
        for (int i = from; i < to; i++) {
            out.add(START.plusMonths(i));
        }
        return out;
    }

    private static TrendResult build(Measure m, List<GroupCount> counts, Set<YearMonth> complete, boolean suppress,
            Chart chart) {
        return TrendSeries.build(m, Dimension.MONTH, counts, complete, LocalDate.of(2025, 3, 31), suppress, chart, 1,
                TrendSeries.Rebase.none());
    }

    /**
     * Over 500 random short series of small counts (so that rounding to 5 and the 1–7 rule bite), the chart served
     * with suppression on is the chart of the true counts of the complete periods: the same mean, limits, point
     * types, variation and assurance as with suppression off, and as {@link Spc} on the true rates. Reading the
     * displayed (rounded) values instead would have changed the variation or assurance of many of them.
     */
    @Test
    void suppressionNeverChangesTheReading() {
        SplittableRandom random = new SplittableRandom(11);
        int differFromDisplayed = 0;
        for (int run = 0; run < 500; run++) {
            int k = 8 + random.nextInt(20);
            long[] x = new long[k];
            long[] n = new long[k];
            double p = 0.1 + 0.8 * random.nextDouble();
            for (int i = 0; i < k; i++) {
                n[i] = 3 + random.nextInt(40);
                for (int j = 0; j < n[i]; j++) {
                    x[i] += random.nextDouble() < p + (i > k / 2 ? 0.1 : 0) ? 1 : 0;
                }
                x[i] = Math.min(x[i], n[i]);
            }
            Set<YearMonth> complete = months(random.nextInt(3), k - random.nextInt(3));
            Polarity polarity = Polarity.values()[random.nextInt(3)];
            Double target = random.nextBoolean() ? null : 100 * p + random.nextInt(21) - 10;
            Measure m = measure(polarity, target, false);
            Chart chart = Chart.values()[random.nextInt(3)];
            List<GroupCount> counts = monthly(x, n);

            TrendResult shown = build(m, counts, complete, true, chart);
            TrendResult exact = build(m, counts, complete, false, chart);
            assertThat(shown.variation()).isEqualTo(exact.variation());
            assertThat(shown.assurance()).isEqualTo(exact.assurance());
            assertThat(shown.mean()).isEqualTo(exact.mean());
            for (int i = 0; i < k; i++) {
                TrendResult.Point a = shown.points().get(i);
                TrendResult.Point b = exact.points().get(i);
                assertThat(a.spc()).isEqualTo(b.spc());
                assertThat(a.processLower()).isEqualTo(b.processLower());
                assertThat(a.processUpper()).isEqualTo(b.processUpper());
                assertThat(a.complete()).isEqualTo(complete.contains(START.plusMonths(i)));
                if (!a.complete()) {
                    assertThat(a.spc()).isNull();
                }
            }

            // The reading as an independent calculation on the true counts of the complete months.
            List<Double> rates = new ArrayList<>();
            List<Double> events = new ArrayList<>();
            List<Double> totals = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                if (complete.contains(START.plusMonths(i)) && n[i] > 0) {
                    rates.add(100.0 * x[i] / n[i]);
                    events.add((double) x[i]);
                    totals.add((double) n[i]);
                }
            }
            SpcInput.Improvement improvement = TrendSeries.improvement(m);
            SpcResult truth = Spc.calculate(chart == Chart.XMR ? SpcInput.xmr(rates, improvement).withTarget(target)
                    : SpcInput.p(events, totals, improvement).withChart(chart)
                            .withTarget(target == null ? null : target / 100));
            assertThat(shown.variation()).isEqualTo(truth.variation());
            assertThat(shown.assurance()).isEqualTo(truth.assurance());

            // What a reading of the displayed values would have said (XmR over the published complete values).
            List<Double> displayed = shown.points().stream().filter(TrendResult.Point::complete)
                    .map(TrendResult.Point::value).filter(Objects::nonNull).toList();
            if (displayed.size() >= 2) {
                SpcResult naive = Spc.calculate(SpcInput.xmr(displayed, improvement).withTarget(target));
                SpcResult trueXmr = Spc.calculate(SpcInput.xmr(rates, improvement).withTarget(target));
                if (naive.variation() != trueXmr.variation() || naive.assurance() != trueXmr.assurance()) {
                    differFromDisplayed++;
                }
            }
        }
        assertThat(differFromDisplayed).as("series whose rounded display would change the reading")
                .isGreaterThan(25);
    }

    /** XmR of the rates by default: limits on the measure's scale from the moving ranges of the monthly rates. */
    @Test
    void xmrOfTheRatesOverCompleteMonthsOnly() {
        // Rates 50, 60, 50, 60 % and a cut-off fifth month (1 of 2) that is incomplete.
        long[] x = { 50, 60, 50, 60, 1 };
        long[] n = { 100, 100, 100, 100, 2 };
        TrendResult t = build(measure(Polarity.HIGHER_IS_BETTER, 90.0, false), monthly(x, n), months(0, 4),
                false, Chart.XMR);
        // Mean 55, MR̄ 10: limits 55 ± 26.6.
        assertThat(t.mean()).isCloseTo(55.0, within(1e-9));
        assertThat(t.points().get(0).processUpper()).isCloseTo(81.6, within(1e-9));
        assertThat(t.points().get(0).processLower()).isCloseTo(28.4, within(1e-9));
        assertThat(t.points().get(0).mean()).isCloseTo(55.0, within(1e-9));
        assertThat(t.assurance()).isEqualTo(Assurance.CONSISTENTLY_FAILING);
        assertThat(t.variation()).isEqualTo(PointType.COMMON_CAUSE);
        assertThat(t.chart()).isEqualTo("xmr");
        TrendResult.Point last = t.points().get(4);
        assertThat(last.complete()).isFalse();
        assertThat(last.spc()).isNull();
        assertThat(last.processUpper()).isNull();
        assertThat(last.value()).isCloseTo(50.0, within(1e-9));
        assertThat(t.latestComplete()).get().extracting(TrendResult.Point::period).isEqualTo("2023-07");
    }

    /** Rolling 12 months: each point sums the twelve months to its own; complete only when all twelve are. */
    @Test
    void rollingWindowsSumTwelveMonths() {
        long[] x = new long[15];
        long[] n = new long[15];
        for (int i = 0; i < 15; i++) {
            x[i] = i + 1;
            n[i] = 1000;
        }
        TrendResult t = TrendSeries.build(measure(Polarity.LOWER_IS_BETTER, null, true), Dimension.MONTH,
                monthly(x, n), months(0, 14), LocalDate.of(2024, 6, 30), true, Chart.XMR, 12,
                TrendSeries.Rebase.none());
        assertThat(t.rollingMonths()).isEqualTo(12);
        assertThat(t.points()).extracting(TrendResult.Point::period).containsExactly("2024-03", "2024-04", "2024-05",
                "2024-06");
        // 2024-03: months 1..12 → 78 events of 12,000 (rare event: the value from the true counts).
        assertThat(t.points().get(0).value()).isCloseTo(100.0 * 78 / 12000, within(1e-9));
        assertThat(t.points().get(1).value()).isCloseTo(100.0 * (78 - 1 + 13) / 12000, within(1e-9));
        assertThat(t.points()).extracting(TrendResult.Point::complete).containsExactly(true, true, true, false);
    }

    /**
     * Rolling windows of a measure that counts women: each point takes its window's own distinct counts (a woman
     * seen in several months of it is one woman), not the sum of its months; a window with no count is 0 of 0.
     */
    @Test
    void rollingWindowsOfWomenTakeEachWindowsOwnCounts() {
        long[] x = new long[14];
        long[] n = new long[14];
        java.util.Arrays.fill(x, 10);
        java.util.Arrays.fill(n, 100);
        Map<YearMonth, GroupCount> windows = new java.util.TreeMap<>();
        windows.put(START.plusMonths(11), new GroupCount("2024-03", null, 70, 1200));
        windows.put(START.plusMonths(12), new GroupCount("2024-04", null, 75, 1200));
        TrendResult t = TrendSeries.build(measure(Polarity.HIGHER_IS_BETTER, 10.0, false), Dimension.MONTH,
                monthly(x, n), windows, months(0, 14), LocalDate.of(2024, 6, 30), false, Chart.XMR, 12,
                TrendSeries.Rebase.none());
        assertThat(t.points()).extracting(TrendResult.Point::period).containsExactly("2024-03", "2024-04", "2024-05");
        assertThat(t.points()).extracting(TrendResult.Point::numerator).containsExactly(70.0, 75.0, 0.0);
        assertThat(t.points().get(0).value()).as("70 women of 1,200, not the months' 120").isCloseTo(
                100.0 * 70 / 1200, within(1e-9));
        assertThat(t.points().get(2).value()).isNull();
    }

    /** A rebase month starts a new period at the first complete point on or after it, with its own mean. */
    @Test
    void rebasingGivesEachPeriodItsOwnMean() {
        long[] x = { 10, 12, 10, 12, 40, 42, 40, 42 };
        long[] n = { 100, 100, 100, 100, 100, 100, 100, 100 };
        Measure m = measure(Polarity.HIGHER_IS_BETTER, null, false);
        TrendResult t = TrendSeries.build(m, Dimension.MONTH, monthly(x, n), months(0, 8), null, false, Chart.XMR, 1,
                new TrendSeries.Rebase(List.of(START.plusMonths(4)), true));
        assertThat(t.rebasedAt()).containsExactly("2023-08");
        assertThat(t.points().get(0).mean()).isCloseTo(11.0, within(1e-9));
        assertThat(t.points().get(7).mean()).isCloseTo(41.0, within(1e-9));
        assertThat(t.mean()).isCloseTo(41.0, within(1e-9));
        assertThatThrownBy(() -> TrendSeries.build(m, Dimension.MONTH, monthly(x, n), months(0, 8), null, false,
                Chart.XMR, 1, new TrendSeries.Rebase(List.of(START.plusMonths(7)), true)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'rebase'");
        // From a setting, a month too recent to chart is left out rather than refused.
        TrendResult quiet = TrendSeries.build(m, Dimension.MONTH, monthly(x, n), months(0, 8), null, false, Chart.XMR,
                1, new TrendSeries.Rebase(List.of(START.plusMonths(7)), false));
        assertThat(quiet.rebasedAt()).isEmpty();
    }

    /** Quarters are complete only when their three months are. */
    @Test
    void quartersNeedAllTheirMonths() {
        List<GroupCount> quarters = List.of(new GroupCount("2023-Q2", null, 30, 300),
                new GroupCount("2023-Q3", null, 33, 300), new GroupCount("2023-Q4", null, 3, 20));
        TrendResult t = TrendSeries.build(measure(Polarity.NONE, null, false), Dimension.QUARTER, quarters,
                months(0, 8), null, false, Chart.XMR, 1, TrendSeries.Rebase.none());
        assertThat(t.points()).extracting(TrendResult.Point::complete).containsExactly(true, true, false);
        assertThat(t.points().get(2).spc()).isNull();
        assertThat(t.points().get(1).spc()).isEqualTo(PointType.COMMON_CAUSE);
    }
}
