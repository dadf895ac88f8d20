package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * One chart element drawn as an XY annotation. The charts draw everything this way rather than through JFreeChart
 * renderers so that each element lands in its own SVG {@code <g class="...">}: that keeps whiskers, benchmark
 * lines and markers identifiable for styling, screen-reader tooling and tests. Coordinates are data values
 * (x on the domain axis, y on the range axis) whatever the plot's orientation.
 */
final class Mark extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;

    /** Draws in Java2D space, using the projection to place data values. */
    @FunctionalInterface
    interface Painter {
        void paint(Graphics2D g, Projection p);
    }

    /** Data values → Java2D points for one plot area, aware of a horizontal plot. */
    record Projection(XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range) {

        Point2D at(double x, double y) {
            RectangleEdge de = Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
            RectangleEdge re = Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
            double dx = domain.valueToJava2D(x, area, de);
            double ry = range.valueToJava2D(y, area, re);
            return plot.getOrientation() == PlotOrientation.VERTICAL ? new Point2D.Double(dx, ry)
                    : new Point2D.Double(ry, dx);
        }

        boolean horizontal() {
            return plot.getOrientation() == PlotOrientation.HORIZONTAL;
        }
    }

    private final transient String cssClass;
    private final transient Painter painter;

    Mark(String cssClass, Painter painter) {
        this.cssClass = cssClass;
        this.painter = painter;
    }

    String cssClass() {
        return cssClass;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
            int rendererIndex, PlotRenderingInfo info) {
        boolean svg = g2 instanceof SVGGraphics2D;
        if (svg) {
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("class", cssClass));
        }
        Paint paint = g2.getPaint();
        Stroke stroke = g2.getStroke();
        Font font = g2.getFont();
        painter.paint(g2, new Projection(plot, dataArea, domainAxis, rangeAxis));
        g2.setPaint(paint);
        g2.setStroke(stroke);
        g2.setFont(font);
        if (svg) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, cssClass);
        }
    }

    static Mark line(String cssClass, double x1, double y1, double x2, double y2, Stroke stroke, Paint paint) {
        return new Mark(cssClass, (g, p) -> {
            g.setStroke(stroke);
            g.setPaint(paint);
            g.draw(new Line2D.Double(p.at(x1, y1), p.at(x2, y2)));
        });
    }

    /** A confidence interval at x from lower to upper, with short end caps. */
    static Mark whisker(double x, double lower, double upper, Paint paint) {
        return new Mark("whisker", (g, p) -> {
            Point2D a = p.at(x, lower);
            Point2D b = p.at(x, upper);
            g.setStroke(new BasicStroke(2f));
            g.setPaint(paint);
            g.draw(new Line2D.Double(a, b));
            double cap = 5;
            for (Point2D end : new Point2D[] { a, b }) {
                g.draw(p.horizontal() ? new Line2D.Double(end.getX(), end.getY() - cap, end.getX(), end.getY() + cap)
                        : new Line2D.Double(end.getX() - cap, end.getY(), end.getX() + cap, end.getY()));
            }
        });
    }

    /** A marker shape centred on a data point, filled and outlined in dark grey so it always meets 3:1. */
    static Mark symbol(String cssClass, double x, double y, Shape shape, Paint fill) {
        return new Mark(cssClass, (g, p) -> {
            Point2D c = p.at(x, y);
            Shape s = AffineTransform.getTranslateInstance(c.getX(), c.getY()).createTransformedShape(shape);
            g.setPaint(fill);
            g.fill(s);
            g.setStroke(new BasicStroke(1.5f));
            g.setPaint(Palette.DARK_GREY);
            g.draw(s);
        });
    }

    /** Text at a data point, shifted by (dx, dy) pixels. */
    static Mark text(String cssClass, double x, double y, double dx, double dy, String text, Font font, Paint paint,
            TextAnchor anchor) {
        return new Mark(cssClass, (g, p) -> {
            Point2D c = p.at(x, y);
            g.setFont(font);
            g.setPaint(paint);
            TextUtils.drawAlignedString(text, g, (float) (c.getX() + dx), (float) (c.getY() + dy), anchor);
        });
    }

    /** A polyline through the points; a NaN y breaks the line. */
    static Mark path(String cssClass, double[] xs, double[] ys, Stroke stroke, Paint paint) {
        return new Mark(cssClass, (g, p) -> {
            Path2D.Double path = new Path2D.Double();
            boolean open = false;
            for (int i = 0; i < xs.length; i++) {
                if (Double.isNaN(ys[i])) {
                    open = false;
                    continue;
                }
                Point2D pt = p.at(xs[i], ys[i]);
                if (open) {
                    path.lineTo(pt.getX(), pt.getY());
                } else {
                    path.moveTo(pt.getX(), pt.getY());
                    open = true;
                }
            }
            g.setStroke(stroke);
            g.setPaint(paint);
            g.draw(path);
        });
    }

    static Stroke dashed(float width, float... dash) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }
}
