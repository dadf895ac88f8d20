package org.perinatalequity.charts;

import java.awt.Color;
import java.util.List;

/**
 * Colours: the NHS identity colours for data visualisation in the NHSBSA order (user-expectations.md section 6), the
 * NHS text greys, and the Making Data Count point colours. Several brand colours (Orange, Light Blue, the tints) are
 * below the 3:1 non-text contrast WCAG 1.4.11 asks for on white, so markers always get a dark outline and lines use
 * {@link #stroke(Color)}, which darkens a colour until it reaches 3:1.
 */
public final class Palette {

    public static final Color NHS_BLUE = new Color(0x005EB8);
    public static final Color AQUA_GREEN = new Color(0x00A499);
    public static final Color PINK = new Color(0xAE2573);
    public static final Color ORANGE = new Color(0xED8B00);
    public static final Color GREEN = new Color(0x009639);
    public static final Color LIGHT_BLUE = new Color(0x41B6E6);

    /** The twelve categorical colours in order: the six identity colours, then their 50% tints. */
    public static final List<Color> CATEGORICAL = List.of(NHS_BLUE, AQUA_GREEN, PINK, ORANGE, GREEN, LIGHT_BLUE,
            new Color(0x80AFDC), new Color(0x80D2CC), new Color(0xD792B9), new Color(0xF6C580), new Color(0x80CB9C),
            new Color(0xA0DBF3));

    /** NHS Black: body text (14.4:1 on white). */
    public static final Color TEXT = new Color(0x212B32);
    /** NHS Dark Grey: secondary text, outlines and reference lines (7.7:1 on white). */
    public static final Color DARK_GREY = new Color(0x425563);
    /** NHS Mid Grey: used only where 3:1 is enough (3.7:1 on white), e.g. gridlines are lighter still. */
    public static final Color MID_GREY = new Color(0x768692);
    public static final Color PALE_GREY = new Color(0xE8EDEE);
    public static final Color WHITE = Color.WHITE;

    /** Making Data Count point colours (statistical-methods.md section 12.3, NHSRplotthedots). */
    public static final Color MDC_IMPROVEMENT = new Color(0x00B0F0);
    public static final Color MDC_CONCERN = new Color(0xE46C0A);
    public static final Color MDC_NEITHER = new Color(0x490092);
    public static final Color MDC_COMMON = new Color(0xA6A6A6);

    private Palette() {
    }

    /** The i-th categorical colour, cycling after twelve. */
    public static Color categorical(int i) {
        return CATEGORICAL.get(Math.floorMod(i, CATEGORICAL.size()));
    }

    /** WCAG 2.x contrast ratio of two colours, from 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The colour itself when it has 3:1 contrast on white, otherwise the same hue darkened just enough. */
    public static Color stroke(Color c) {
        Color out = c;
        while (contrast(out, WHITE) < 3.0) {
            out = new Color((int) (out.getRed() * 0.92), (int) (out.getGreen() * 0.92), (int) (out.getBlue() * 0.92));
        }
        return out;
    }

    /** Text on a filled cell: NHS Black or white, whichever contrasts more with the fill. */
    public static Color textOn(Color fill) {
        return contrast(TEXT, fill) >= contrast(WHITE, fill) ? TEXT : WHITE;
    }

    /** Linear blend from a to b (t = 0 gives a). */
    static Color blend(Color a, Color b, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u));
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
