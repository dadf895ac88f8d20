package org.perinatalequity.breakdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.perinatalequity.breakdown.query.GroupCount;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.DisclosureControl;
import org.perinatalequity.stats.InvalidInputException;
import org.perinatalequity.stats.Ratios;
import org.perinatalequity.stats.SiiInput;
import org.perinatalequity.stats.SiiResult;
import org.perinatalequity.stats.SlopeIndex;

import org.jspecify.annotations.Nullable;

/**
 * The statistics of a breakdown, from its counts alone (no database, no Spring): groups in display order, primary and
 * secondary suppression, Wilson limits, the Fingertips comparison with the LMNS total, ratios to a reference group
 * and the SII/RII over deprivation.
 */
final class BreakdownCalculator {

    /** SII simulation: PHE's default size, and a fixed seed so the same data always gives the same limits. */
    private static final int SII_REPETITIONS = SiiInput.DEFAULT_REPETITIONS;
    private static final long SII_SEED = 20231L;

    private BreakdownCalculator() {
    }

    /** The published total, the rows (in display order, without area names) and the inequality, if any. */
    record Rows(BreakdownResult.Row total, List<BreakdownResult.Row> rows, BreakdownResult.Inequality inequality) {
    }

    /**
     * @param counts the unrounded counts per group (any order)
     * @param reference a group of {@code by} to compare every row with, or null for no ratios
     * @throws InvalidRequestException when {@code reference} is not among the groups
     */
    static Rows calculate(Measure measure, Dimension by, Dimension by2, List<GroupCount> counts, boolean suppress,
            String reference) {
        return calculate(measure, by, by2, counts, null, suppress, reference);
    }

    /**
     * @param total the total counted on its own, for a measure that counts distinct women (a woman seen in two
     *        months is in both months' rows but once in the total); null to add the groups up
     */
    static Rows calculate(Measure measure, Dimension by, Dimension by2, List<GroupCount> counts,
            @Nullable GroupCount total, boolean suppress, String reference) {
        counts = sorted(counts, by, by2);
        long totalNumerator = total != null ? total.numerator() : counts.stream().mapToLong(GroupCount::numerator).sum();
        long totalDenominator = total != null ? total.denominator()
                : counts.stream().mapToLong(GroupCount::denominator).sum();

        RowStatistics.Published totalPublished = RowStatistics.publish(totalNumerator, totalDenominator, suppress);
        List<RowStatistics.Published> published = counts.stream()
                .map(c -> RowStatistics.publish(c.numerator(), c.denominator(), suppress)).toList();
        if (suppress) {
            published = secondarySuppression(counts, published);
        }
        BreakdownResult.Row totalRow = RowStatistics.withComparison(RowStatistics.row("Total", null, totalNumerator,
                totalDenominator, totalPublished, measure, suppress), Comparison.NOT_COMPARED);
        List<BreakdownResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            GroupCount c = counts.get(i);
            BreakdownResult.Row row = RowStatistics.row(c.group(), c.group2(), c.numerator(), c.denominator(),
                    published.get(i), measure, suppress);
            rows.add(RowStatistics.compare(row, totalRow, measure));
        }
        rows = withRatios(rows, counts, by, reference, suppress);
        BreakdownResult.Inequality inequality = by.isDeprivation() && by2 == null
                ? inequality(measure.rareEvent() && suppress ? trueRows(counts, measure) : rows, measure) : null;
        return new Rows(totalRow, List.copyOf(rows), inequality);
    }

    /**
     * One row for the women of a target cohort: the counts of every group whose first value is in {@code first} or
     * second value in {@code second} (OR across the two dimensions), each event counted once, published like a
     * breakdown's total.
     */
    static BreakdownResult.Row cohortRow(Measure measure, List<GroupCount> counts, List<String> first,
            List<String> second, boolean suppress) {
        long numerator = 0;
        long denominator = 0;
        for (GroupCount c : counts) {
            if (first.contains(c.group()) || second.contains(c.group2())) {
                numerator += c.numerator();
                denominator += c.denominator();
            }
        }
        return RowStatistics.row("Target cohort", null, numerator, denominator,
                RowStatistics.publish(numerator, denominator, suppress), measure, suppress);
    }

    /** Hides one more row when exactly one is hidden, so it cannot be recovered from the total. */
    private static List<RowStatistics.Published> secondarySuppression(List<GroupCount> counts,
            List<RowStatistics.Published> published) {
        List<DisclosureControl.Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            cells.add(new DisclosureControl.Cell(String.valueOf(i), counts.get(i).numerator(), published.get(i).hidden()));
        }
        long total = counts.stream().mapToLong(GroupCount::numerator).sum();
        DisclosureControl.Suppressed result = DisclosureControl.suppress(cells,
                new DisclosureControl.Cell("total", total, DisclosureControl.isPrimarySuppressed(total)));
        List<RowStatistics.Published> out = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            RowStatistics.Published p = published.get(i);
            out.add(new RowStatistics.Published(p.numerator(), p.denominator(), result.rows().get(i).suppressed()));
        }
        return out;
    }

    private static List<BreakdownResult.Row> withRatios(List<BreakdownResult.Row> rows, List<GroupCount> counts,
            Dimension by, String reference, boolean suppress) {
        if (reference == null) {
            return rows;
        }
        List<GroupCount> references = counts.stream().filter(c -> c.group().equals(reference)).toList();
        if (references.isEmpty()) {
            throw new InvalidRequestException("Parameter 'reference': no group '" + reference + "' in " + by.id()
                    + " for this measure and period");
        }
        List<BreakdownResult.Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BreakdownResult.Row row = rows.get(i);
            GroupCount c = counts.get(i);
            GroupCount ref = references.stream().filter(r -> Objects.equals(r.group2(), c.group2())).findFirst()
                    .orElse(null);
            if (c == ref) {
                out.add(RowStatistics.asReference(row));
                continue;
            }
            if (row.value() == null || ref == null) {
                out.add(row);
                continue;
            }
            // Ratios use the same counts as the values: rounded when suppressed.
            double x = suppress ? DisclosureControl.roundCount(c.numerator()) : c.numerator();
            double n = suppress ? DisclosureControl.roundCount(c.denominator()) : c.denominator();
            double rx = suppress ? DisclosureControl.roundCount(ref.numerator()) : ref.numerator();
            double rn = suppress ? DisclosureControl.roundCount(ref.denominator()) : ref.denominator();
            try {
                out.add(RowStatistics.withRatio(row, Ratios.proportionRatio(x, n, rx, rn, 0.95)));
            } catch (InvalidInputException e) {
                out.add(row); // a zero count: the ratio is undefined
            }
        }
        return out;
    }

    /**
     * Rows from the true counts, for the SII of a rare outcome under suppression: its quantiles are often hidden
     * (1–7 events), yet the SII over all of them discloses no single count. Only the SII is published; the rows
     * stay hidden.
     */
    private static List<BreakdownResult.Row> trueRows(List<GroupCount> counts, Measure measure) {
        return counts.stream().map(c -> RowStatistics.row(c.group(), c.group2(), c.numerator(), c.denominator(),
                RowStatistics.publish(c.numerator(), c.denominator(), false), measure, false)).toList();
    }

    /** PHE SII over the deprivation quantiles (1 = most deprived); null unless every quantile has a value. */
    private static BreakdownResult.Inequality inequality(List<BreakdownResult.Row> rows, Measure measure) {
        List<SiiInput.Quantile> quantiles = new ArrayList<>();
        for (BreakdownResult.Row row : rows) {
            if (row.group().equals("Unknown")) {
                continue;
            }
            if (row.value() == null || row.lower95() == null || row.denominator() == null || row.denominator() == 0) {
                return null;
            }
            double m = measure.multiplier();
            quantiles.add(new SiiInput.Quantile(Integer.parseInt(row.group()), row.denominator(), row.value() / m,
                    row.lower95() / m, row.upper95() / m, null));
        }
        if (quantiles.size() < 5) {
            return null;
        }
        try {
            SiiResult r = SlopeIndex.calculate(new SiiInput(SiiInput.ValueType.PROPORTION, false, measure.multiplier(),
                    0.95, SII_REPETITIONS, quantiles), new SplittableRandom(SII_SEED));
            return new BreakdownResult.Inequality(r.sii(), r.siiLower(), r.siiUpper(), r.rii(), r.riiLower(),
                    r.riiUpper());
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** Groups in the dimension's display order (fixed lists first, then the rest by name; deciles by number). */
    static List<GroupCount> sorted(List<GroupCount> counts, Dimension by, Dimension by2) {
        Comparator<String> first = order(by);
        Comparator<String> second = by2 == null ? Comparator.nullsFirst(Comparator.naturalOrder()) : order(by2);
        return counts.stream().sorted(Comparator.comparing(GroupCount::group, first)
                .thenComparing(GroupCount::group2, Comparator.nullsFirst(second))).toList();
    }

    private static Comparator<String> order(Dimension dimension) {
        Map<String, Integer> fixed = new LinkedHashMap<>();
        for (String v : dimension.fixedValues()) {
            fixed.put(v, fixed.size());
        }
        return Comparator.comparing((String v) -> fixed.getOrDefault(v, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }
}
