package org.perinatalequity.charts;

import java.util.List;

import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.stats.SpcResult;

/**
 * The charts' own input: a breakdown's groups and a trend's points, with only what is drawn or written in a chart's
 * words. The features map their read models to these records (one adapter each), so {@code charts} knows no feature.
 * Values and limits are on the measure's scale (% or per 1,000), unrounded; a null value is "no value", never zero.
 */
public final class ChartData {

    private ChartData() {
    }

    /**
     * A breakdown by one dimension, or two ({@code by2} non-null: heat map, small multiples).
     *
     * @param measure the measure's id, the title when no {@link ChartMeasure} is given
     * @param by the dimension's id: deprivation groups ({@code imd_quintile}, {@code imd_decile}) are named by it
     * @param byLabel the dimension's label for titles ("Ethnic group", "IMD quintile (1 = most deprived)")
     * @param suppressed whether small numbers were suppressed (said in the subtitle)
     * @param total the LMNS total, whose value is the benchmark line; null when there is none
     * @param inequality the SII and RII over deprivation quantiles, or null when not available
     */
    public record Breakdown(String measure, String by, String byLabel, String by2, String by2Label, String from,
            String to, boolean suppressed, String unit, Group total, List<Group> groups, Inequality inequality) {
    }

    /**
     * One group of a breakdown.
     *
     * @param group2 the value of the second dimension, null for a one-dimension breakdown
     * @param name the name of a coded group (an area's name), or null
     * @param denominator the group's size: its weight on the slope chart and its place on the funnel
     * @param comparison the Fingertips comparison with the LMNS total; null is "not compared"
     */
    public record Group(String group, String group2, String name, Double denominator, Double value, Double lower95,
            Double upper95, boolean suppressed, Comparison comparison) {

        /** "Leicester (E06000016)" for a named area, the group itself otherwise. */
        String label() {
            return name == null ? group : name + " (" + group + ")";
        }
    }

    /** Slope and relative index of inequality with their 95% limits. */
    public record Inequality(double sii, double siiLower95, double siiUpper95, double rii, double riiLower95,
            double riiUpper95) {
    }

    /**
     * A trend with its Making Data Count reading.
     *
     * @param target the target on the unit's scale, or null (the measure's is used then)
     * @param mean the centre line (of the latest chart period when rebased), or null
     * @param variation the chart's variation icon, null when not assessed
     * @param assurance the assurance icon, null without a target or when not assessed
     * @param chart the kind of SPC chart (XmR, p, Laney p′), said in the words
     * @param rollingMonths months summed into each point (1 for plain periods)
     * @param rebasedAt the periods that start a chart period with its own mean and limits
     */
    public record Trend(String measure, String unit, Double target, Double mean, SpcResult.PointType variation,
            SpcResult.Assurance assurance, List<Point> points, SpcInput.Chart chart, int rollingMonths,
            List<String> rebasedAt) {
    }

    /**
     * One period of a trend.
     *
     * @param processLower the lower process limit, null where not charted
     * @param spc the point type, null for a point that is not charted (incomplete, or no denominator)
     * @param complete false for a period not yet complete: drawn hollow, not used for the limits or icons
     * @param mean the centre line of the point's chart period, or null
     */
    public record Point(String period, Double value, Double processLower, Double processUpper,
            SpcResult.PointType spc, boolean suppressed, boolean complete, Double mean) {
    }
    /**
     * Estimates with their intervals down one axis (a forest plot): shares by pay band, likelihoods by indicator and
     * year. Each row may be hidden (suppressed) or have no value; references are labelled lines (a workforce's share,
     * the births' share, equality at 1) and the band a shaded range (the equitable band).
     *
     * @param unit "%" for shares, "" for ratios
     * @param ratio whether the values are ratios: then the axis is logarithmic, so 0.5 and 2 sit equally far from 1
     * @param band the shaded range, or null
     * @param compareLabel what each row's {@code compare} value is (the legend's words for its diamond), or null
     */
    public record Estimates(String title, String subtitle, String axisLabel, String unit, boolean ratio,
            List<Estimate> rows, List<Reference> references, Band band, String compareLabel) {
    }

    /**
     * One row: its label, value and 95% limits (either may be null), hidden when suppressed; {@code compare} is the
     * row's own point of comparison (a group's share of births beside its share of members), drawn as a diamond, or
     * null.
     */
    public record Estimate(String label, Double value, Double lower95, Double upper95, boolean suppressed,
            Double compare) {

        public Estimate(String label, Double value, Double lower95, Double upper95, boolean suppressed) {
            this(label, value, lower95, upper95, suppressed, null);
        }
    }

    /** A labelled vertical line across every row. */
    public record Reference(String label, double value) {
    }

    /** A shaded range across every row, with the words the legend gives it. */
    public record Band(String label, double lower, double upper) {
    }
}
