package org.perinatalequity.charts;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.SpcResult.PointType;

/**
 * Marker shapes, centred on (0, 0). Every comparison and special-cause type has its own shape as well as its own
 * colour, so that colour is never the only cue (WCAG 1.4.1).
 */
final class Symbols {

    static final double SIZE = 12;

    /**
     * A marker: CSS class (what it means, then its shape's name, since the SVG writes every transformed shape as a
     * {@code <path>}), shape, fill, and the legend text.
     */
    record Marker(String cssClass, Shape shape, Color fill, String legend) {
    }

    private Symbols() {
    }

    static Shape circle(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    static Shape square(double size) {
        double s = size * 0.9;
        return new Rectangle2D.Double(-s / 2, -s / 2, s, s);
    }

    static Shape diamond(double size) {
        double r = size * 0.65;
        return polygon(0, -r, r, 0, 0, r, -r, 0);
    }

    static Shape triangleUp(double size) {
        double r = size * 0.62;
        return polygon(0, -r, r, r * 0.8, -r, r * 0.8);
    }

    static Shape triangleDown(double size) {
        double r = size * 0.62;
        return polygon(0, r, r, -r * 0.8, -r, -r * 0.8);
    }

    static Shape cross(double size) {
        double r = size / 2;
        double w = size / 6;
        return polygon(-r, -r + w, -w, 0, -r, r - w, -r + w, r, 0, w, r - w, r, r, r - w, w, 0, r, -r + w, r - w, -r,
                0, -w, -r + w, -r);
    }

    /** The marker for a Fingertips comparison against the LMNS total; null is "not compared". */
    static Marker comparison(Comparison comparison) {
        Comparison key = comparison == null ? Comparison.NOT_COMPARED : comparison;
        return switch (key) {
            case BETTER, BEST -> new Marker("better circle", circle(SIZE), Palette.NHS_BLUE,
                    "Better than LMNS (circle)");
            case WORSE, WORST -> new Marker("worse square", square(SIZE), Palette.ORANGE, "Worse than LMNS (square)");
            case SIMILAR -> new Marker("similar diamond", diamond(SIZE), Palette.WHITE, "Similar to LMNS (open diamond)");
            case HIGHER -> new Marker("higher triangle-up", triangleUp(SIZE), Palette.NHS_BLUE, "Higher than LMNS (triangle up)");
            case LOWER -> new Marker("lower triangle-down", triangleDown(SIZE), Palette.NHS_BLUE,
                    "Lower than LMNS (triangle down)");
            case NOT_COMPARED -> new Marker("not-compared cross", cross(SIZE), Palette.MID_GREY, "Not compared (cross)");
        };
    }

    /** The Making Data Count marker for a point type; null (not charted) is drawn as common cause. */
    static Marker spc(PointType type) {
        PointType key = type == null ? PointType.COMMON_CAUSE : type;
        return switch (key) {
            case SPECIAL_CAUSE_IMPROVEMENT -> new Marker("improvement circle", circle(SIZE * 1.15), Palette.MDC_IMPROVEMENT,
                    "Special cause: improvement (blue circle)");
            case SPECIAL_CAUSE_CONCERN -> new Marker("concern square", square(SIZE * 1.15), Palette.MDC_CONCERN,
                    "Special cause: concern (orange square)");
            case SPECIAL_CAUSE_NEITHER -> new Marker("neither diamond", diamond(SIZE * 1.15), Palette.MDC_NEITHER,
                    "Special cause: neither (purple diamond)");
            case COMMON_CAUSE -> new Marker("common-cause small-circle", circle(SIZE * 0.6), Palette.MDC_COMMON,
                    "Common cause (small grey dot)");
        };
    }

    /**
     * An incomplete period (docs/board.md, "Complete periods"): a hollow circle, never a special-cause colour, since
     * the point takes no part in the limits, the rules or the icons.
     */
    static Marker incomplete() {
        return new Marker("incomplete hollow-circle", circle(SIZE * 0.85), Palette.WHITE,
                "Incomplete period (hollow circle): not used for the limits, rules or icons");
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
