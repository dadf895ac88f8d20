package org.perinatalequity.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The NHS maternity statistics disclosure rule (Maternity Services Monthly Statistics, CQIMs, the Maternity and
 * Neonatal Equalities dashboard; msds-v2.md section 4): 0 stays 0, 1–7 become 5, everything else is rounded to the
 * nearest 5; percentages come from the rounded numerator and denominator; rare-event rates per 1,000 come from the
 * unrounded counts but are hidden when the numerator is below 8. Added here: secondary suppression, so that a hidden
 * cell cannot be recovered by subtracting the others from their total.
 */
public final class DisclosureControl {

    /** Numerators below this (and above 0) are suppressed: the rare-event rule "not shown where the numerator is less than 8". */
    public static final double SUPPRESS_BELOW = 8;

    private DisclosureControl() {
    }

    /**
     * Rounds a count for publication. Exact halves (only possible for fractional inputs: x/5 of a whole count never
     * ends in .5) round half up, away from zero, as Spark SQL {@code round()} does in the CQIM and CoC code that
     * produces the published dashboard figures, rather than Python's half-to-even in the extract code; half up also
     * never publishes a count below the true one at a tie. Any count above 0 and at most 7, fractional ones included,
     * becomes 5, so a small non-zero count is never shown as 0.
     */
    public static long roundCount(double count) {
        if (!Double.isFinite(count) || count < 0) {
            throw new InvalidInputException("count", "must be ≥ 0");
        }
        if (count == 0) {
            return 0;
        }
        if (count <= 7) {
            return 5;
        }
        BigDecimal fives = BigDecimal.valueOf(count).divide(BigDecimal.valueOf(5));
        return fives.setScale(0, RoundingMode.HALF_UP).longValueExact() * 5;
    }

    /**
     * numerator / denominator × multiplier from the rounded counts, or {@code null} when the rounded denominator is 0
     * (":" not available).
     */
    public static Double roundedPercentage(double numerator, double denominator, double multiplier) {
        long roundedDenominator = roundCount(denominator);
        if (roundedDenominator == 0) {
            return null;
        }
        return roundCount(numerator) / (double) roundedDenominator * multiplier;
    }

    /** A rare-event rate from the unrounded counts, or {@code null} ("*") when 0 &lt; numerator &lt; 8. */
    public static Double rareEventRate(double numerator, double denominator, double multiplier) {
        if (isPrimarySuppressed(numerator) || denominator <= 0) {
            return null;
        }
        return numerator / denominator * multiplier;
    }

    /** A non-zero count below 8: hidden itself. Zero is published ("-"). */
    public static boolean isPrimarySuppressed(double count) {
        return count > 0 && count < SUPPRESS_BELOW;
    }

    /**
     * Secondary suppression over cells that add up to a published total (the rows of a breakdown and the LMNS total).
     * Cells arrive with their primary flag. If exactly one of all the cells, the total included, is suppressed, the
     * other cells and the total would give it away by subtraction, so one more row is suppressed: the smallest other
     * row by count, the first of equal ones, because hiding the smallest loses the least information. The total is
     * suppressed only when there is no other row to hide. With none or two or more suppressed, nothing changes.
     */
    public static Suppressed suppress(List<Cell> rows, Cell total) {
        long hidden = rows.stream().filter(Cell::suppressed).count() + (total.suppressed() ? 1 : 0);
        if (hidden != 1) {
            return new Suppressed(List.copyOf(rows), total);
        }
        int smallest = -1;
        for (int i = 0; i < rows.size(); i++) {
            Cell row = rows.get(i);
            if (!row.suppressed() && (smallest < 0 || row.count() < rows.get(smallest).count())) {
                smallest = i;
            }
        }
        if (smallest < 0) {
            return new Suppressed(List.copyOf(rows), total.withSuppressed());
        }
        List<Cell> out = new ArrayList<>(rows);
        out.set(smallest, rows.get(smallest).withSuppressed());
        return new Suppressed(List.copyOf(out), total);
    }

    /**
     * One cell of a breakdown: its key (the group), its unrounded count and whether it is hidden.
     */
    public record Cell(String key, double count, boolean suppressed) {

        /** A cell with its primary flag from {@link #isPrimarySuppressed(double)}. */
        public static Cell of(String key, double count) {
            return new Cell(key, count, isPrimarySuppressed(count));
        }

        Cell withSuppressed() {
            return new Cell(key, count, true);
        }
    }

    /** The cells after secondary suppression, in their original order. */
    public record Suppressed(List<Cell> rows, Cell total) {
    }
}
