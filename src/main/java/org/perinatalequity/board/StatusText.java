package org.perinatalequity.board;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.stats.SpcResult.Assurance;
import org.perinatalequity.stats.SpcResult.PointType;

/**
 * How the board overview and the action plan put a measure's standing into words: the same sentence on the page,
 * in print and in the downloaded CSV. Symbols go with every Making Data Count reading so colour is never the only
 * cue.
 */
public final class StatusText {

    private static final String NOT_AVAILABLE = "not available";
    private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

    private StatusText() {
    }

    /**
     * The latest complete quarter's value with its counts ("45.2% (120 of 265)"); an incomplete quarter after it
     * (the end of the extract, outside a reporting period) is named and said not to be used, never shown as latest.
     */
    public static String latestText(TrendResult quarters, Measure measure) {
        List<TrendResult.Point> points = quarters.points();
        // A measure the board reads over rolling windows (BoardMeasures.ROLLING_MONTHS) names its window instead.
        String what = quarters.rollingMonths() > 1 ? quarters.rollingMonths() + " months" : "quarter";
        if (points.isEmpty()) {
            return "Latest complete " + what + ": no data";
        }
        TrendResult.Point latest = quarters.latestComplete().orElse(null);
        String text = latest == null ? "Latest complete " + what + ": " + NOT_AVAILABLE
                : "Latest complete " + what + " (" + (quarters.rollingMonths() > 1 ? "to " : "") + latest.period()
                        + "): " + withUnit(latest.value(), measure) + counts(latest);
        List<String> after = points.stream().filter(p -> latest == null || p.period().compareTo(latest.period()) > 0)
                .map(p -> p.period() + (p.complete() ? (p.suppressed() ? " suppressed (small numbers)"
                        : " not available") : " incomplete"))
                .toList();
        return after.isEmpty() || latest == null ? text : text + "; " + String.join(", ", after) + ", not used";
    }

    /** "(120 of 265)": the published (rounded when suppressed) numerator and denominator. */
    public static String counts(TrendResult.Point point) {
        if (point.numerator() == null || point.denominator() == null) {
            return "";
        }
        return " (" + whole(point.numerator()) + " of " + whole(point.denominator()) + ")";
    }

    /** "n = 1,265 in 2024-Q4; data to 31 March 2025": what a card's figure rests on. */
    public static String basisText(TrendResult quarters) {
        TrendResult.Point latest = quarters.latestComplete().orElse(null);
        String n = latest == null || latest.denominator() == null ? "n not available"
                : "n = " + whole(latest.denominator()) + " in " + (quarters.rollingMonths() > 1
                        ? "the " + quarters.rollingMonths() + " months to " : "") + latest.period();
        return n + "; data to " + (quarters.dataTo() == null ? NOT_AVAILABLE : date(quarters.dataTo()));
    }

    public static String date(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }

    /**
     * The target compared with the rate of the cohort it names, with the all-women rate beside it, for the same
     * quarter: "Target 75.0% for Black, Asian and Mixed women or IMD deciles 1–2: 41.0% (410 of 1,000) in 2024-Q4;
     * all women 35.0%".
     */
    public static String cohortText(Measure measure, BreakdownResult.Row cohort, String period,
            TrendResult.Point allWomen) {
        String rate = cohort == null ? NOT_AVAILABLE : cohort.value() == null
                ? NOT_AVAILABLE + (cohort.suppressed() ? " (suppressed: small numbers)" : "")
                : withUnit(cohort.value(), measure) + " (" + whole(cohort.numerator()) + " of "
                        + whole(cohort.denominator()) + ")";
        return "Target " + withUnit(measure.target(), measure) + " for " + cohortName(measure.targetCohort()) + ": "
                + rate + (period == null ? "" : " in " + period) + "; all women "
                + (allWomen == null || allWomen.value() == null ? NOT_AVAILABLE : withUnit(allWomen.value(), measure));
    }

    /** The cohort in words: "women from Black or Black British, Asian or Asian British or Mixed groups, or in IMD decile 1 or 2". */
    public static String cohortName(Measure.TargetCohort cohort) {
        List<String> parts = new java.util.ArrayList<>();
        cohort.any().forEach((dimension, values) -> {
            String list = values.size() == 1 ? values.get(0)
                    : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
            parts.add(switch (dimension) {
                case "ethnic_group" -> "women from " + list + " groups";
                case "imd_decile" -> "women in IMD decile " + list;
                case "imd_quintile" -> "women in IMD quintile " + list;
                default -> "women with " + dimension + " " + list;
            });
        });
        return String.join(", or ", parts);
    }

    /** Making Data Count variation in words, with a symbol so that colour is never the only cue. */
    public static String variationText(PointType variation) {
        return variation == null ? "Variation: not enough data for an SPC reading" : variation.text();
    }

    /** Making Data Count assurance in words, with a symbol. */
    public static String assuranceText(Assurance assurance, Double target) {
        if (target == null) {
            return "Assurance: no target set";
        }
        return "Assurance: " + (assurance == null ? "not assessed" : assurance.text());
    }

    /**
     * The one gap sentence of every page: "most deprived 2.9 percentage points higher than least deprived (most
     * deprived 40.0%, least deprived 37.1%)", or "not available" with whichever value is missing or suppressed.
     * Words carry the direction, so no sign has to be read; where a signed number is shown ({@link #signedGap}),
     * it is the comparison group minus the group of concern, the sign the inequalities page's SII has (least minus
     * most deprived).
     */
    public static String gap(BreakdownResult result, String a, String b, Measure measure, String aLabel, String bLabel) {
        Double va = value(result, a);
        Double vb = value(result, b);
        if (va == null || vb == null) {
            return aLabel + " vs " + bLabel + ": " + NOT_AVAILABLE + " (" + aLabel + " "
                    + (va == null ? NOT_AVAILABLE : withUnit(va, measure)) + ", " + bLabel + " "
                    + (vb == null ? NOT_AVAILABLE : withUnit(vb, measure)) + ")";
        }
        return shortGap(va, vb, measure, aLabel, bLabel, false) + " (" + aLabel + " " + withUnit(va, measure) + ", "
                + bLabel + " " + withUnit(vb, measure) + ")";
    }

    /** The sentence without the values: "most deprived 2.9 pts higher than least deprived", for the matrix. */
    public static String shortGap(BreakdownResult result, String a, String b, Measure measure, String aLabel,
            String bLabel) {
        Double va = value(result, a);
        Double vb = value(result, b);
        if (va == null || vb == null) {
            return aLabel + " vs " + bLabel + ": " + NOT_AVAILABLE;
        }
        return shortGap(va, vb, measure, aLabel, bLabel, true);
    }

    private static String shortGap(double va, double vb, Measure measure, String aLabel, String bLabel,
            boolean brief) {
        double d = va - vb;
        String size = number(Math.abs(d));
        if (size.equals(number(0))) {
            return aLabel + " the same as " + bLabel;
        }
        return aLabel + " " + size + (brief ? ("%".equals(measure.unit()) ? " pts" : " " + measure.unit())
                : points(measure)) + (d > 0 ? " higher" : " lower") + " than " + bLabel;
    }

    /** Comparison group minus group of concern (least minus most deprived, White minus Black): the SII's sign. */
    public static Double signedGap(BreakdownResult result, String concern, String comparison) {
        Double va = value(result, concern);
        Double vb = value(result, comparison);
        return va == null || vb == null ? null : vb - va;
    }

    public static String targetText(Measure measure) {
        return measure.target() == null ? "Target: none set" : "Target: " + withUnit(measure.target(), measure);
    }

    /**
     * Where the latest complete value stands against the target, only as far as its 95% interval allows: "below
     * the target" only when the whole interval is below it, "above" only when the whole interval is above, and
     * otherwise that the interval includes the target. Null when the measure has no target.
     */
    public static String targetStandingText(TrendResult headline, Measure measure) {
        if (measure.target() == null) {
            return null;
        }
        String target = "the " + withUnit(measure.target(), measure) + " target";
        TrendResult.Point latest = headline.latestComplete().orElse(null);
        if (latest == null || latest.value() == null) {
            return "Against " + target + ": " + NOT_AVAILABLE;
        }
        String value = withUnit(latest.value(), measure) + " in " + (headline.rollingMonths() > 1
                ? "the " + headline.rollingMonths() + " months to " : "") + latest.period();
        if (latest.lower95() == null || latest.upper95() == null) {
            return value + ": " + (latest.value() < measure.target() ? "lower" : "not lower") + " than " + target
                    + " (no confidence interval: more women counted than the denominator holds)";
        }
        String interval = " (95% interval " + number(latest.lower95()) + " to " + number(latest.upper95()) + ")";
        if (latest.upper95() < measure.target()) {
            return value + " is below " + target + interval;
        }
        if (latest.lower95() > measure.target()) {
            return value + " is above " + target + interval;
        }
        return value + ": not distinguishable from " + target + ", its 95% interval includes it" + interval;
    }

    /** The gap between the most (1) and least (5) deprived quintiles, with the period it covers. */
    public static String deprivationGapText(BreakdownResult quintiles, Measure measure) {
        return "Deprivation: " + gap(quintiles, "1", "5", measure, "most deprived quintile", "least deprived")
                + period(quintiles);
    }

    /** Ethnic groups of the plan (Black, Asian and Mixed) against White women, with the period. */
    public static String ethnicityGapText(BreakdownResult ethnicity, Measure measure) {
        return "Ethnicity: " + String.join("; ", ETHNIC_GAPS.entrySet().stream()
                .map(e -> gap(ethnicity, e.getKey(), "White", measure, e.getValue(), "White women")).toList())
                + period(ethnicity);
    }

    /** The matrix's short gaps: one line per gap dimension of the measure, or "none (data quality)". */
    public static List<String> shortGaps(Measure measure, BreakdownResult quintiles, BreakdownResult ethnicity) {
        List<String> out = new java.util.ArrayList<>();
        if (measure.gapDimensions().contains("imd_quintile")) {
            out.add(shortGap(quintiles, "1", "5", measure, "Most deprived", "least"));
        }
        if (measure.gapDimensions().contains("ethnic_group")) {
            ETHNIC_GAPS.forEach((group, label) -> out.add(shortGap(ethnicity, group, "White", measure,
                    label.replace(" women", ""), "White")));
        }
        return out;
    }

    /** Group of concern → how a sentence names it; each is compared with White women. */
    static final Map<String, String> ETHNIC_GAPS;

    static {
        Map<String, String> gaps = new LinkedHashMap<>();
        gaps.put("Black or Black British", "Black women");
        gaps.put("Asian or Asian British", "Asian women");
        gaps.put("Mixed", "Mixed ethnicity women");
        ETHNIC_GAPS = java.util.Collections.unmodifiableMap(gaps);
    }

    /**
     * The data-quality gates (docs/data-quality.md) the given results fall below for the whole selection, or null
     * when they all pass: a gap resting on poorly recorded ethnicity or postcode is flagged, not shown as fact.
     */
    public static String dataQualityText(List<BreakdownResult> results) {
        Map<String, BreakdownResult.GateFailure> failures = new LinkedHashMap<>();
        for (BreakdownResult result : results) {
            if (result.dataQuality() != null) {
                result.dataQuality().failures().stream().filter(f -> f.group() == null)
                        .forEach(f -> failures.putIfAbsent(f.item(), f));
            }
        }
        if (failures.isEmpty()) {
            return null;
        }
        return "⚠ Data quality below threshold, read the gaps with care: " + String.join("; ", failures.values()
                .stream().map(f -> QualityItem.fromId(f.item()).map(QualityItem::label).orElse(f.item()) + " "
                        + (f.validPercent() == null ? NOT_AVAILABLE : number(f.validPercent()) + "% valid")
                        + " (needs " + number(f.threshold()) + "%)")
                .toList());
    }

    private static Double value(BreakdownResult result, String group) {
        return result.rows().stream().filter(r -> group.equals(r.group()) && !r.suppressed())
                .map(BreakdownResult.Row::value).findFirst().orElse(null);
    }

    private static String period(BreakdownResult result) {
        return result.from() == null ? "" : "; " + result.from() + " to " + result.to() + ".";
    }

    private static String points(Measure measure) {
        return "%".equals(measure.unit()) ? " percentage points" : " " + measure.unit();
    }

    public static String withUnit(double value, Measure measure) {
        return "%".equals(measure.unit()) ? number(value) + "%" : number(value) + " " + measure.unit();
    }

    private static String whole(double value) {
        return new DecimalFormat("#,##0", UK).format(value);
    }

    private static String number(double value) {
        return new DecimalFormat("#,##0.0", UK).format(value);
    }
}
