package org.perinatalequity.breakdown;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perinatalequity.breakdown.query.AgeBandCount;
import org.perinatalequity.breakdown.query.AgeBandQuery;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.DisclosureControl;
import org.perinatalequity.stats.Standardisation;
import org.perinatalequity.stats.Standardisation.IndirectlyStandardised;

/**
 * {@code adjust=maternal_age} (DESIGN.md section 8): each row's indirectly standardised ratio. Expected = Σ over the
 * age bands of the row's records in the band × the whole LMNS's rate in that band over the same period (whatever the
 * other filters); ratio = observed ÷ expected with exact limits under 10 observed and Byar's from 10
 * ({@link Standardisation#indirectlyStandardisedRatio}); adjustedValue = ratio × the LMNS's rate (the same records,
 * so it is the indirectly standardised rate). Records without the mother's birth date have no band and are left out
 * of observed and expected alike.
 *
 * <p>Under suppression a hidden row, or one whose observed count is 1–7, has no adjustment, and the others use the
 * rounded observed count (nearest 5), as the row's own value uses rounded counts, and the LMNS's rates by band come
 * from its rounded counts: neither ratio × expected nor expected itself can then give back an exact count.
 */
final class AgeAdjustment {

    /** The bands of the adjustment, in order (the age in completed years on the event date). */
    static final List<String> BANDS = List.of("<20", "20-24", "25-29", "30-34", "35-39", "40+");

    private static final double CONFIDENCE = 0.95;

    private final AgeBandQuery query;

    AgeAdjustment(AgeBandQuery query) {
        this.query = query;
    }

    /** The rows and the total with their adjustment. */
    record Adjusted(BreakdownResult.Row total, List<BreakdownResult.Row> rows) {
    }

    Adjusted adjust(Measure measure, BreakdownRequest request, YearMonth from, YearMonth to,
            BreakdownResult.Row total, List<BreakdownResult.Row> rows) {
        List<AgeBandCount> counts = from == null ? List.of()
                : query.count(measure.id(), request.by(), request.by2(), from.atDay(1), to.atEndOfMonth(),
                        request.filters());
        return apply(measure, counts, total, rows, request.suppress());
    }

    /** The arithmetic, from the counts alone (unit-tested on hand-worked numbers). */
    static Adjusted apply(Measure measure, List<AgeBandCount> counts, BreakdownResult.Row total,
            List<BreakdownResult.Row> rows, boolean suppress) {
        double[] referenceCount = new double[BANDS.size()];
        double[] referencePopulation = new double[BANDS.size()];
        Map<List<String>, double[][]> groups = new LinkedHashMap<>();
        double[][] all = new double[2][BANDS.size()];
        for (AgeBandCount c : counts) {
            int band = BANDS.indexOf(c.band());
            if (band < 0) {
                throw new IllegalStateException("fact_event has maternal age band '" + c.band()
                        + "', not one of " + BANDS);
            }
            referenceCount[band] += c.referenceNumerator();
            referencePopulation[band] += c.referenceDenominator();
            double[][] group = groups.computeIfAbsent(key(c.group(), c.group2()), k -> new double[2][BANDS.size()]);
            group[0][band] += c.numerator();
            group[1][band] += c.denominator();
            all[0][band] += c.numerator();
            all[1][band] += c.denominator();
        }
        if (suppress) {
            // The standard from published (rounded) counts too: otherwise the unfiltered total's expected would be
            // the LMNS's exact event count, and a narrow period's would give back a count the rounding hides.
            for (int i = 0; i < BANDS.size(); i++) {
                referenceCount[i] = DisclosureControl.roundCount(referenceCount[i]);
                referencePopulation[i] = DisclosureControl.roundCount(referencePopulation[i]);
            }
        }
        double events = 0;
        double people = 0;
        for (int i = 0; i < BANDS.size(); i++) {
            events += referenceCount[i];
            people += referencePopulation[i];
        }
        double lmnsRate = people == 0 ? 0 : events / people * measure.multiplier();
        Strata strata = Strata.of(referenceCount, referencePopulation);
        List<BreakdownResult.Row> out = new ArrayList<>(rows.size());
        for (BreakdownResult.Row row : rows) {
            double[][] group = groups.get(key(row.group(), row.group2()));
            out.add(adjusted(row, group, strata, lmnsRate, suppress, people > 0));
        }
        return new Adjusted(adjusted(total, all, strata, lmnsRate, suppress, people > 0), List.copyOf(out));
    }

    /** The bands the LMNS has records in (a group has none in the others: the LMNS holds every group). */
    private record Strata(int[] bands, double[] referenceCount, double[] referencePopulation) {

        static Strata of(double[] count, double[] population) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < population.length; i++) {
                if (population[i] > 0) {
                    kept.add(i);
                }
            }
            int[] bands = kept.stream().mapToInt(Integer::intValue).toArray();
            double[] c = new double[bands.length];
            double[] p = new double[bands.length];
            for (int j = 0; j < bands.length; j++) {
                c[j] = count[bands[j]];
                p[j] = population[bands[j]];
            }
            return new Strata(bands, c, p);
        }
    }

    private static BreakdownResult.Row adjusted(BreakdownResult.Row row, double[][] group, Strata strata,
            double lmnsRate, boolean suppress, boolean anyReference) {
        BreakdownResult.Adjusted none = new BreakdownResult.Adjusted(null, null, null);
        if (group == null || !anyReference) {
            // No record of the group has an age: nothing observed, nothing expected.
            return row.withAdjustment(suppress && row.suppressed() ? none
                    : new BreakdownResult.Adjusted(0.0, 0.0, null), null, null, null);
        }
        double observed = 0;
        double[] population = new double[strata.bands().length];
        for (int j = 0; j < strata.bands().length; j++) {
            population[j] = group[1][strata.bands()[j]];
            observed += group[0][strata.bands()[j]];
        }
        if (suppress) {
            if (row.suppressed() || DisclosureControl.isPrimarySuppressed((long) observed)) {
                return row.withAdjustment(none, null, null, null);
            }
            observed = DisclosureControl.roundCount((long) observed);
        }
        IndirectlyStandardised ratio = Standardisation.indirectlyStandardisedRatio(observed, population,
                strata.referenceCount(), strata.referencePopulation(), 1, CONFIDENCE);
        Double adjustedValue = ratio.value() == null ? null : ratio.value() * lmnsRate;
        return row.withAdjustment(new BreakdownResult.Adjusted(observed, ratio.expected(), adjustedValue),
                ratio.value(), ratio.lower(), ratio.upper());
    }

    private static List<String> key(String group, String group2) {
        return Arrays.asList(group, group2);
    }
}
