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
     * The last quarter's value with its period. When that quarter is suppressed (often a part quarter at the end of
     * the data), the latest quarter that has a value follows it, so the board still sees a figure.
     */
    public static String latestText(TrendResult quarters, Measure measure) {
        List<TrendResult.Point> points = quarters.points();
        if (points.isEmpty()) {
            return "Latest quarter: no data";
        }
        TrendResult.Point last = points.get(points.size() - 1);
        if (last.value() != null) {
            return "Latest quarter (" + last.period() + "): " + withUnit(last.value(), measure);
        }
        String text = "Latest quarter (" + last.period() + "): " + NOT_AVAILABLE
                + (last.suppressed() ? " (suppressed: small numbers)" : "");
        for (int i = points.size() - 2; i >= 0; i--) {
            TrendResult.Point earlier = points.get(i);
            if (earlier.value() != null) {
                return text + "; " + earlier.period() + ": " + withUnit(earlier.value(), measure);
            }
        }
        return text;
    }

    /** Making Data Count variation in words, with a symbol so that colour is never the only cue. */
    public static String variationText(String variation) {
        if (variation == null) {
            return "Variation: not enough data for an SPC reading";
        }
        return switch (variation) {
            case "special_cause_improvement" -> "▲ Special cause: improvement";
            case "special_cause_concern" -> "▼ Special cause: concern";
            case "special_cause_neither" -> "◆ Special cause: neither improvement nor concern";
            default -> "● Common cause: no significant change";
        };
    }

    /** Making Data Count assurance in words, with a symbol. */
    public static String assuranceText(String assurance, Double target) {
        if (target == null) {
            return "Assurance: no target set";
        }
        if (assurance == null) {
            return "Assurance: not assessed";
        }
        return switch (assurance) {
            case "consistently_passing" -> "Assurance: consistently passing the target ✓";
            case "consistently_failing" -> "Assurance: consistently failing the target ✗";
            default -> "Assurance: hit and miss, the target lies within the process limits ?";
        };
    }

    /** {@code a − b} with both values, or "not available" when either is missing or suppressed. */
    public static String gap(BreakdownResult result, String a, String b, Measure measure, String aLabel, String bLabel) {
        Double va = value(result, a);
        Double vb = value(result, b);
        if (va == null || vb == null) {
            return NOT_AVAILABLE + " (" + aLabel + " " + (va == null ? NOT_AVAILABLE : withUnit(va, measure)) + ", "
                    + bLabel + " " + (vb == null ? NOT_AVAILABLE : withUnit(vb, measure)) + ")";
        }
        double d = va - vb;
        return (d > 0 ? "+" : d < 0 ? "−" : "") + number(Math.abs(d)) + points(measure) + " (" + aLabel + " "
                + withUnit(va, measure) + ", " + bLabel + " " + withUnit(vb, measure) + ")";
    }

    public static String targetText(Measure measure) {
        return measure.target() == null ? "Target: none set" : "Target: " + withUnit(measure.target(), measure);
    }

    /** The gap between the most (1) and least (5) deprived quintiles, with the period it covers. */
    public static String deprivationGapText(BreakdownResult quintiles, Measure measure) {
        return "Most vs least deprived quintile: " + gap(quintiles, "1", "5", measure, "most deprived",
                "least deprived") + period(quintiles);
    }

    /** The gaps between Black and White and between Asian and White women, with the period. */
    public static String ethnicityGapText(BreakdownResult ethnicity, Measure measure) {
        return "Black vs White women: " + gap(ethnicity, "Black or Black British", "White", measure, "Black", "White")
                + "; Asian vs White women: " + gap(ethnicity, "Asian or Asian British", "White", measure, "Asian",
                        "White") + period(ethnicity);
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

    private static String number(double value) {
        return new DecimalFormat("#,##0.0", UK).format(value);
    }
}
