package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Drawable;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The house style and the two outputs. Every chart is drawn once to an {@link SVGGraphics2D} and once to a
 * {@link BufferedImage}, from the same {@link Drawable}, so the SVG and the PNG always show the same thing.
 */
final class Rendering {

    static final int WIDTH = 800;
    static final int HEIGHT = 450;

    /** DejaVu Sans is on the server image; browsers without it fall back to Arial or their sans-serif. */
    static final String FAMILY = Arrays.asList(
            GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()).contains("DejaVu Sans")
                    ? "DejaVu Sans" : Font.SANS_SERIF;

    private Rendering() {
    }

    static Font font(int style, int size) {
        return new Font(FAMILY, style, size);
    }

    /** A chart in the house style: title, optional subtitle, legend at the bottom from the given items. */
    static JFreeChart chart(String title, String subtitle, XYPlot plot, LegendItemCollection legend) {
        styleXYPlot(plot);
        JFreeChart chart = new JFreeChart(null, font(Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Palette.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        TextTitle t = new TextTitle(title, font(Font.BOLD, 16), Palette.TEXT, RectangleEdge.TOP,
                HorizontalAlignment.LEFT, org.jfree.chart.ui.VerticalAlignment.CENTER, new RectangleInsets(2, 4, 2, 4));
        t.setMaximumLinesToDisplay(2);
        chart.setTitle(t);
        if (subtitle != null && !subtitle.isBlank()) {
            chart.addSubtitle(new TextTitle(subtitle, font(Font.PLAIN, 13), Palette.DARK_GREY, RectangleEdge.TOP,
                    HorizontalAlignment.LEFT, org.jfree.chart.ui.VerticalAlignment.CENTER,
                    new RectangleInsets(0, 4, 6, 4)));
        }
        if (legend != null && legend.getItemCount() > 0) {
            plot.setFixedLegendItems(legend);
            LegendTitle l = new LegendTitle(plot);
            l.setItemFont(font(Font.PLAIN, 12));
            l.setItemPaint(Palette.TEXT);
            l.setFrame(BlockBorder.NONE);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setHorizontalAlignment(HorizontalAlignment.LEFT);
            chart.addSubtitle(l);
        }
        return chart;
    }

    static void styleXYPlot(XYPlot plot) {
        plot.setBackgroundPaint(Palette.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(Palette.PALE_GREY);
        plot.setRangeGridlinePaint(Palette.PALE_GREY);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i));
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i));
        }
    }

    static void styleAxis(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(font(Font.PLAIN, 13));
        axis.setLabelPaint(Palette.TEXT);
        axis.setTickLabelFont(font(Font.PLAIN, 12));
        axis.setTickLabelPaint(Palette.TEXT);
        axis.setAxisLinePaint(Palette.DARK_GREY);
        axis.setTickMarkPaint(Palette.DARK_GREY);
    }

    /** A value axis over [lower, upper] with a little room either side. */
    static NumberAxis valueAxis(String label, double lower, double upper) {
        NumberAxis axis = new NumberAxis(label);
        double span = upper - lower;
        double pad = span > 0 ? span * 0.06 : Math.max(1, Math.abs(upper) * 0.1);
        double from = lower - pad;
        if (lower >= 0 && from < 0) {
            from = 0; // rates and percentages are never negative: no axis room below zero
        }
        axis.setRange(from, upper + pad);
        return axis;
    }

    /** The chart shown when there is nothing to draw: the title and a sentence saying so. */
    static ChartImage noData(String title, int width, int height) {
        XYPlot plot = new XYPlot();
        plot.setNoDataMessage(ChartText.NO_DATA);
        plot.setNoDataMessageFont(font(Font.PLAIN, 16));
        plot.setNoDataMessagePaint(Palette.TEXT);
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        x.setVisible(false);
        y.setVisible(false);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return render(chart(title, null, plot, null), width, height, title, title + ": " + ChartText.NO_DATA + ".");
    }

    static ChartImage render(Drawable drawable, int width, int height, String title, String description) {
        return new ChartImage(svg(drawable, width, height, title, description), () -> png(drawable, width, height), title,
                description);
    }

    /**
     * The SVG with {@code role="img"}, a {@code <title>} and a {@code <desc>} referenced by {@code aria-labelledby},
     * and a viewBox so it scales to its container. The id is derived from the content so that it is stable.
     */
    static String svg(Drawable drawable, int width, int height, String title, String description) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // Double quotes: JFreeSVG writes attributes in single quotes, so a single-quoted family name would end the
        // style attribute early and leave the browser to guess the font and its size (text would overflow).
        g.setFontFunction(family -> "\"" + family + "\", Arial, sans-serif");
        drawable.draw(g, new Rectangle2D.Double(0, 0, width, height));
        String id = "chart-" + Integer.toHexString((title + "\n" + description).hashCode());
        String element = g.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
        int open = element.indexOf('>');
        return element.substring(0, open)
                .replaceFirst("<svg ", "<svg role='img' aria-labelledby='" + id + "-title " + id + "-desc' "
                        + "style='max-width:100%;height:auto' ")
                + "><title id='" + id + "-title'>" + ChartText.xml(title) + "</title><desc id='" + id + "-desc'>"
                + ChartText.xml(description) + "</desc>" + element.substring(open + 1);
    }

    static byte[] png(Drawable drawable, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setPaint(Palette.WHITE);
            g.fillRect(0, 0, width, height);
            drawable.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
