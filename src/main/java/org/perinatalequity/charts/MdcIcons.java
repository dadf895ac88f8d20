package org.perinatalequity.charts;

import java.awt.Color;
import java.util.Locale;

/**
 * The Making Data Count summary icons (statistical-methods.md sections 12.4 and 12.5), drawn by the project: a
 * circle ringed in the usual colour (common cause grey, improvement blue, concern orange, neither purple; assurance
 * pass blue, fail orange, hit and miss grey) with a letter and an arrow inside, so the colour is never the only cue,
 * and a text equivalent for screen readers, tables and print. The same {@link Icon} draws the SVG on the page and
 * the vector icon in the PDF board pack.
 */
public final class MdcIcons {

    private MdcIcons() {
    }

    /** What an icon shows: its colour, the letter and arrow inside, and the words that say the same. */
    public record Icon(String id, Color colour, String letter, Arrow arrow, String text) {

        /** The ring and letter colour, darkened until it has 3:1 contrast on white (WCAG 1.4.11). */
        public Color stroke() {
            return Palette.stroke(colour);
        }

        /** A small inline SVG of {@code size} pixels, its {@code <title>} the text equivalent. */
        public String svg(int size) {
            String c = hex(stroke());
            StringBuilder svg = new StringBuilder();
            svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"equity-mdc-icon equity-mdc-").append(id)
                    .append("\" width=\"").append(size).append("\" height=\"").append(size)
                    .append("\" viewBox=\"0 0 40 40\" role=\"img\" aria-label=\"").append(escape(text))
                    .append("\"><title>").append(escape(text)).append("</title>")
                    .append("<circle cx=\"20\" cy=\"20\" r=\"17\" fill=\"#ffffff\" stroke=\"").append(c)
                    .append("\" stroke-width=\"4\"/>");
            String arrowPath = switch (arrow) {
                case UP -> "M29 23 L29 11 M25 15 L29 11 L33 15";
                case DOWN -> "M29 11 L29 23 M25 19 L29 23 L33 19";
                case FLAT -> "M9 28 L31 28";
                case NONE -> null;
            };
            double letterX = arrow == Arrow.UP || arrow == Arrow.DOWN ? 16 : 20;
            double letterY = arrow == Arrow.FLAT ? 23 : 26;
            svg.append("<text x=\"").append(fmt(letterX)).append("\" y=\"").append(fmt(letterY))
                    .append("\" text-anchor=\"middle\" font-family=\"Arial, Helvetica, sans-serif\""
                            + " font-weight=\"bold\" font-size=\"17\" fill=\"")
                    .append(c).append("\">").append(escape(letter)).append("</text>");
            if (arrowPath != null) {
                svg.append("<path d=\"").append(arrowPath).append("\" fill=\"none\" stroke=\"").append(c)
                        .append("\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
            }
            return svg.append("</svg>").toString();
        }
    }

    /** The arrow beside the letter: which side of the mean the special cause lies, or a flat line for none. */
    public enum Arrow {
        UP, DOWN, FLAT, NONE
    }

    /**
     * The variation icon of a chart from its last point's reading ({@code variation} as the trend and the SPC API
     * answer it) and where that point lies against the mean: H or L for high or low values, I, C or N for
     * improvement, concern or neither. A null variation (too few points) gives the "not assessed" icon.
     *
     * @param higherIsBetter the measure's polarity; null when it has none
     * @param lastAboveMean whether the last complete point lies above the mean, used where the polarity does not
     *        tell the side (neither improvement nor concern); null when unknown
     */
    public static Icon variation(String variation, Boolean higherIsBetter, Boolean lastAboveMean) {
        if (variation == null) {
            return new Icon("variation-none", Palette.MID_GREY, "–", Arrow.NONE,
                    "Variation not assessed: too few complete periods for an SPC reading");
        }
        return switch (variation) {
            case "special_cause_improvement" -> {
                boolean high = higherIsBetter == null ? Boolean.TRUE.equals(lastAboveMean) : higherIsBetter;
                yield new Icon(high ? "improvement-high" : "improvement-low", Palette.MDC_IMPROVEMENT,
                        high ? "H" : "L", high ? Arrow.UP : Arrow.DOWN, "Special cause variation: improvement ("
                                + (high ? "higher" : "lower") + " values)");
            }
            case "special_cause_concern" -> {
                boolean high = higherIsBetter == null ? Boolean.TRUE.equals(lastAboveMean) : !higherIsBetter;
                yield new Icon(high ? "concern-high" : "concern-low", Palette.MDC_CONCERN, high ? "H" : "L",
                        high ? Arrow.UP : Arrow.DOWN, "Special cause variation: concern ("
                                + (high ? "higher" : "lower") + " values)");
            }
            case "special_cause_neither", "special_cause_neutral_high", "special_cause_neutral_low" -> {
                boolean high = variation.endsWith("_high")
                        || !variation.endsWith("_low") && Boolean.TRUE.equals(lastAboveMean);
                yield new Icon(high ? "neither-high" : "neither-low", Palette.MDC_NEITHER, high ? "H" : "L",
                        high ? Arrow.UP : Arrow.DOWN, "Special cause variation: neither improvement nor concern ("
                                + (high ? "higher" : "lower") + " values)");
            }
            case "common_cause" -> new Icon("common-cause", Palette.MDC_COMMON, "C", Arrow.FLAT,
                    "Common cause variation: no significant change");
            default -> throw new IllegalArgumentException("Unknown SPC variation '" + variation + "'");
        };
    }

    /**
     * The assurance icon: P (consistently passing, blue), F (consistently failing, orange), ? (hit and miss,
     * grey); without a target, or with an assurance not assessed, a dash in grey that says so.
     */
    public static Icon assurance(String assurance, Double target) {
        if (target == null) {
            return new Icon("assurance-none", Palette.MID_GREY, "–", Arrow.NONE, "Assurance: no target set");
        }
        if (assurance == null) {
            return new Icon("assurance-none", Palette.MID_GREY, "–", Arrow.NONE,
                    "Assurance not assessed: too few complete periods");
        }
        return switch (assurance) {
            case "consistently_passing" -> new Icon("assurance-pass", Palette.MDC_IMPROVEMENT, "P", Arrow.NONE,
                    "Assurance: consistently passing the target");
            case "consistently_failing" -> new Icon("assurance-fail", Palette.MDC_CONCERN, "F", Arrow.NONE,
                    "Assurance: consistently failing the target");
            case "hit_and_miss" -> new Icon("assurance-hit-and-miss", Palette.MDC_COMMON, "?", Arrow.NONE,
                    "Assurance: hit and miss, the target lies within the process limits");
            default -> throw new IllegalArgumentException("Unknown SPC assurance '" + assurance + "'");
        };
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
