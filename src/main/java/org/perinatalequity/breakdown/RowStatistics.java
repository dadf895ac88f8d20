package org.perinatalequity.breakdown;

import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.Comparisons;
import org.perinatalequity.stats.DisclosureControl;
import org.perinatalequity.stats.Estimate;
import org.perinatalequity.stats.Proportions;

/**
 * Turns counts into a published row: Wilson 95% and 99.8% limits on the measure's scale and, when suppressed,
 * the NHS maternity disclosure rule: counts 0 stay 0, 1–7 become 5, others round to the nearest 5; values and
 * limits come from the rounded counts, except rare-event rates, which come from the unrounded counts and are
 * hidden when the numerator is 1–7. Hidden rows show their rounded counts and no value.
 */
final class RowStatistics {

    private RowStatistics() {
    }

    /** Counts as published, and whether the row's value is hidden. */
    record Published(double numerator, double denominator, boolean hidden) {
    }

    static Published publish(long numerator, long denominator, boolean suppress) {
        if (!suppress) {
            return new Published(numerator, denominator, false);
        }
        boolean hidden = DisclosureControl.isPrimarySuppressed(numerator) || DisclosureControl.isPrimarySuppressed(denominator);
        return new Published(DisclosureControl.roundCount(numerator), DisclosureControl.roundCount(denominator), hidden);
    }

    /** Value and limits of a row: from the published counts, or the unrounded ones for a rare event. */
    static BreakdownResult.Row row(String group, String group2, long numerator, long denominator, Published published,
            Measure measure, boolean suppress) {
        if (published.hidden() || published.denominator() == 0) {
            return new BreakdownResult.Row(group, group2, published.numerator(), published.denominator(), null, null,
                    null, null, null, published.hidden(), Comparison.NOT_COMPARED, null, null, null);
        }
        boolean fromUnrounded = !suppress || measure.rareEvent();
        double x = fromUnrounded ? numerator : published.numerator();
        double n = fromUnrounded ? denominator : published.denominator();
        if (x > n) {
            // Women seen ÷ women who gave birth (a measure counting women): the numerator is not a subset of the
            // denominator and may exceed it; the value stands, but a Wilson interval of a proportion has no meaning.
            return new BreakdownResult.Row(group, group2, published.numerator(), published.denominator(),
                    x * measure.multiplier() / n, null, null, null, null, false, null, null, null, null);
        }
        Estimate e95 = Proportions.wilson(x, n, 0.95, measure.multiplier());
        Estimate e998 = Proportions.wilson(x, n, 0.998, measure.multiplier());
        return new BreakdownResult.Row(group, group2, published.numerator(), published.denominator(), e95.value(),
                e95.lower(), e95.upper(), e998.lower(), e998.upper(), false, null, null, null, null);
    }

    /** The Fingertips one-level label: the row's 95% interval against the LMNS total's value. */
    static BreakdownResult.Row compare(BreakdownResult.Row row, BreakdownResult.Row total, Measure measure) {
        if (row.value() == null) {
            return row;
        }
        Comparison label = Comparisons.overlap95(row.value(), row.lower95(), row.upper95(), total.value(),
                measure.polarity());
        return withComparison(row, label);
    }

    static BreakdownResult.Row withComparison(BreakdownResult.Row r, Comparison comparison) {
        return new BreakdownResult.Row(r.group(), r.group2(), r.numerator(), r.denominator(), r.value(), r.lower95(),
                r.upper95(), r.lower998(), r.upper998(), r.suppressed(), comparison, r.ratio(), r.ratioLower95(),
                r.ratioUpper95());
    }

    static BreakdownResult.Row withRatio(BreakdownResult.Row r, Estimate ratio) {
        return withRatio(r, ratio.value(), ratio.lower(), ratio.upper());
    }

    /** The reference group against itself: exactly 1, and no interval (it is not an estimate). */
    static BreakdownResult.Row asReference(BreakdownResult.Row r) {
        return withRatio(r, 1.0, null, null);
    }

    private static BreakdownResult.Row withRatio(BreakdownResult.Row r, Double ratio, Double lower, Double upper) {
        return new BreakdownResult.Row(r.group(), r.group2(), r.numerator(), r.denominator(), r.value(), r.lower95(),
                r.upper95(), r.lower998(), r.upper998(), r.suppressed(), r.comparison(), ratio, lower, upper);
    }
}
