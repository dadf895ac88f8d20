package org.perinatalequity.charts;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.perinatalequity.stats.Comparison;

/** Numbers and names as the charts write them, in titles, labels and the {@code <desc>} text. */
final class ChartText {

    static final String NO_DATA = "No data for this selection";
    static final String SUPPRESSED_NOTE = "* = suppressed: small numbers hidden to protect "
            + "confidentiality (not zero)";

    private ChartText() {
    }

    /** One decimal place, UK style (1,234.5); "no value" for null or not finite. */
    static String number(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "no value";
        }
        DecimalFormat f = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setRoundingMode(RoundingMode.HALF_UP); // as published tables round (6.25 → 6.3), not banker's rounding
        return f.format(v);
    }

    /** A value with its unit: "7.5%", "4.2 per 1,000". */
    static String value(Double v, String unit) {
        if (v == null || !Double.isFinite(v)) {
            return "no value";
        }
        if (unit == null || unit.isBlank()) {
            return number(v);
        }
        return "%".equals(unit) ? number(v) + "%" : number(v) + " " + unit;
    }

    /** "(95% CI 6.8 to 8.2)", or empty when the limits are missing. */
    static String ci(Double lower, Double upper) {
        if (lower == null || upper == null) {
            return "";
        }
        return " (95% CI " + number(lower) + " to " + number(upper) + ")";
    }

    /** Counts without decimals: "1,234". */
    static String count(Double v) {
        if (v == null) {
            return "no count";
        }
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK)).format(v);
    }

    /** A group as a reader names it: deprivation groups get their kind ("quintile 1"), others stay as they are. */
    static String group(String dimensionId, String group) {
        if (group == null) {
            return "Total";
        }
        if ("Unknown".equals(group)) {
            return group;
        }
        if ("imd_quintile".equals(dimensionId)) {
            return "quintile " + group;
        }
        if ("imd_decile".equals(dimensionId)) {
            return "decile " + group;
        }
        return group;
    }

    /** Short axis label for a group: "Q1", "D10" for deprivation, the name otherwise. */
    static String shortGroup(String dimensionId, String group) {
        if ("imd_quintile".equals(dimensionId) && !"Unknown".equals(group)) {
            return "Q" + group;
        }
        if ("imd_decile".equals(dimensionId) && !"Unknown".equals(group)) {
            return "D" + group;
        }
        return group;
    }

    /**
     * A dimension's label as a title writes it, "ethnic group", "IMD quintile (1 = most deprived)": lower case
     * unless it starts with an acronym; empty for none.
     */
    static String dimension(String label) {
        if (label == null || label.isEmpty()) {
            return "";
        }
        boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
        return acronym ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** A comparison label as a phrase: "worse than LMNS", "similar to LMNS", "not compared". */
    static String comparison(Comparison comparison) {
        if (comparison == null) {
            return "not compared";
        }
        return switch (comparison) {
            case SIMILAR -> "similar to LMNS";
            case BETTER, WORSE, HIGHER, LOWER -> comparison.label() + " than LMNS";
            case BEST, WORST -> comparison.label() + " (beyond the 99.8% limits of LMNS)";
            case NOT_COMPARED -> "not compared";
        };
    }

    static String period(String from, String to) {
        if (from == null || to == null) {
            return "";
        }
        return from.equals(to) ? ", " + from : ", " + from + " to " + to;
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
