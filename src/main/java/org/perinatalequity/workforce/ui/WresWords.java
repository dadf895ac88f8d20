package org.perinatalequity.workforce.ui;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.perinatalequity.workforce.Assessment;
import org.perinatalequity.workforce.GroupFigures;
import org.perinatalequity.workforce.WresIndicator;

/** The words and symbols of the Workforce equality page; each says only what the figures show. */
final class WresWords {

    /** The nine indicators in plain words (docs/workforce.md). */
    static final List<String> NAMES = List.of(
            "BME share of staff, by pay band",
            "White applicants appointed from shortlisting, relative to BME applicants",
            "BME staff entering a formal disciplinary investigation, relative to White staff",
            "White staff accessing non-mandatory training and CPD, relative to BME staff",
            "Harassment, bullying or abuse from patients, relatives or the public (staff survey)",
            "Harassment, bullying or abuse from staff (staff survey)",
            "Believing the organisation gives equal opportunities for career progression (staff survey)",
            "Discrimination at work from a manager or colleague (staff survey)",
            "BME share of the board's voting members against the workforce");

    private WresWords() {
    }

    static String name(int indicator) {
        return NAMES.get(indicator - 1);
    }

    /** How the likelihood is put: above 1 is always to BME staff's disadvantage. */
    static String direction(int indicator) {
        return switch (indicator) {
            case 2, 4, 7 -> "White ÷ BME";
            case 3, 5, 6, 8 -> "BME ÷ White";
            default -> "share, not a likelihood";
        };
    }

    static String figures(GroupFigures g) {
        if (g.suppressed()) {
            return "hidden (fewer than the threshold)";
        }
        if (g.numerator() == null || g.denominator() == null) {
            return "no data";
        }
        return percent(g.value()) + " (" + count(g.numerator()) + " of " + count(g.denominator()) + ")";
    }

    static String likelihood(WresIndicator i) {
        if (i.relativeLikelihood() == null) {
            return "–";
        }
        String value = number(i.relativeLikelihood());
        return i.lower95() == null ? value : value + " (" + number(i.lower95()) + " to " + number(i.upper95()) + ")";
    }

    /** A symbol and words: never "adverse" unless the whole interval lies beyond the band. */
    static String assessment(WresIndicator i, double lower, double upper) {
        String band = number(lower) + "–" + number(upper);
        return switch (i.assessment()) {
            case ADVERSE -> "▲ Adverse: the whole 95% interval is above " + number(upper)
                    + ", so BME staff are at a disadvantage beyond chance and beyond the equitable band";
            case FAVOURABLE -> "▼ Favourable to BME staff: the whole 95% interval is below " + number(lower);
            case EQUITABLE -> "● Within the equitable band: the 95% interval reaches into " + band
                    + ", so no clear disparity";
            case NOT_ASSESSED -> "– Not assessed: " + whyNot(i);
        };
    }

    static String assessmentShort(@Nullable Assessment a) {
        if (a == null) {
            return "–";
        }
        return switch (a) {
            case ADVERSE -> "▲ adverse";
            case FAVOURABLE -> "▼ favourable";
            case EQUITABLE -> "● equitable";
            case NOT_ASSESSED -> "– not assessed";
        };
    }

    private static String whyNot(WresIndicator i) {
        if (i.indicator() == 1 || i.indicator() == 9) {
            return "a share, compared in the table below, not a likelihood";
        }
        if (i.white().suppressed() || i.bme().suppressed()) {
            return "counts too small to show";
        }
        if (i.white().numerator() == null && i.bme().numerator() == null) {
            return "no data for this year";
        }
        return "a count of zero (or a return that does not add up), so no interval";
    }

    static String percent(@Nullable Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%.1f%%", value);
    }

    static String number(@Nullable Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%.2f", value);
    }

    /** A count, or "hidden" where suppression left it out (null). */
    static String hiddenOr(@Nullable Double value) {
        return value == null ? "hidden" : count(value);
    }

    /** "p = 0.042", and "p < 0.001" rather than a p of 0.000 (a test never gives exactly 0). */
    static String pValue(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.UK, "p = %.3f", p);
    }

    static String count(@Nullable Double value) {
        if (value == null) {
            return "–";
        }
        return value == Math.rint(value) ? String.format(Locale.UK, "%,d", value.longValue())
                : String.format(Locale.UK, "%,.1f", value);
    }
}
