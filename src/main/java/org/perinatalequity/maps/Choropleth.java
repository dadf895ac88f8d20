package org.perinatalequity.maps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.perinatalequity.charts.Palette;

/**
 * A choropleth map following the Analysis Function's and FingertipsNext's conventions
 * (standardisation-maps-benchmarks.md §2.2–2.3): at most five classes of a single-hue sequential NHS-blue ramp
 * (quantile breaks, so each class holds about as many areas), each class's range and count of areas in the legend;
 * significance against the LMNS as a second cue that is not colour (a thick solid outline for significantly worse or
 * higher, a dashed one for better or lower); suppressed areas hatched grey and labelled; every area an SVG
 * {@code <path id="CODE">} with a {@code <title>} naming it and its value or "suppressed". British National Grid is
 * drawn as x = easting, y = −northing: no projection is needed for one LMNS.
 */
public final class Choropleth {

    /** Light to dark: NHS pale blue to NHS dark blue, each step at least 1.3:1 from the next, with dark borders. */
    static final List<Color> RAMP = List.of(new Color(0xE3F0FA), new Color(0xA9D2F2), new Color(0x5DA9E4),
            Palette.NHS_BLUE, new Color(0x003087));
    private static final Color HATCH_BACK = Palette.PALE_GREY;
    private static final Color HATCH_LINE = Palette.DARK_GREY;
    private static final int LEGEND_WIDTH = 270;
    private static final int TOP = 44;
    private static final int PAD = 12;

    /** One class of the legend: its colour, its values' range and how many areas it holds. */
    public record MapClass(Color colour, double lower, double upper, int areas) {
    }

    /** The words of a map: title, the legend's heading, and what the outlines and the hatching mean. */
    public record MapText(String title, String valueHeading, String worseLabel, String betterLabel,
            String suppressedLabel) {
    }

    private Choropleth() {
    }

    public static MapImage render(List<MapArea> areas, MapText text, int width, int height) {
        return render(areas, List.of(), text, width, height);
    }

    /**
     * A point drawn over the areas (a community hub, say): a diamond, filled dark when {@code primary} (a hub) and
     * white otherwise, so the two kinds differ by more than colour; its {@code <title>} is {@code label}. Points
     * outside the areas' extent are left out (the map is fitted to the areas).
     */
    public record MapPoint(String id, String label, double easting, double northing, boolean primary) {
    }

    /** The points' two legend entries: what a filled and what a white diamond is. */
    public record PointKey(String primaryLabel, String otherLabel) {
    }

    public static MapImage render(List<MapArea> areas, List<MapPoint> points, MapText text, int width, int height) {
        return render(areas, points, new PointKey("Hub", "Other"), text, width, height);
    }

    public static MapImage render(List<MapArea> areas, List<MapPoint> points, PointKey key, MapText text, int width,
            int height) {
        return render(areas, points, key, text, width, height, "");
    }

    /**
     * With every id of the SVG (areas, points, title, description, hatch pattern) prefixed by {@code idPrefix}, so
     * a second map on the same page (the need map beside a measure map of the same areas) repeats no id.
     */
    public static MapImage render(List<MapArea> areas, List<MapPoint> points, PointKey key, MapText text, int width,
            int height, String idPrefix) {
        List<MapClass> classes = classes(areas);
        Envelope extent = new Envelope();
        areas.forEach(a -> extent.expandToInclude(a.shape().getEnvelopeInternal()));
        List<MapPoint> shown = points.stream().filter(p -> extent.contains(p.easting(), p.northing())).toList();
        Frame frame = new Frame(extent, width - LEGEND_WIDTH, height);
        String svg = svg(areas, classes, text, frame, width, height, shown, key, idPrefix);
        return new MapImage(svg, () -> png(areas, classes, text, frame, width, height, shown, key), classes);
    }

    private static final double POINT = 6;

    private static String diamond(double x, double y) {
        return String.format(Locale.ROOT, "M%.1f %.1fL%.1f %.1fL%.1f %.1fL%.1f %.1fZ", x, y - POINT, x + POINT, y, x,
                y + POINT, x - POINT, y);
    }

    private static void pointsSvg(StringBuilder b, List<MapPoint> points, Frame f, String prefix) {
        if (points.isEmpty()) {
            return;
        }
        b.append("<g class=\"points\">");
        for (MapPoint p : points) {
            b.append("<path id=\"").append(esc(prefix + p.id())).append("\" class=\"point")
                    .append(p.primary() ? " primary" : "").append("\" d=\"").append(diamond(f.x(p.easting()),
                            f.y(p.northing()))).append("\" fill=\"").append(p.primary() ? hex(Palette.TEXT) : "#FFFFFF")
                    .append("\" stroke=\"").append(hex(Palette.TEXT)).append("\" stroke-width=\"1.5\"><title>")
                    .append(esc(p.label())).append("</title></path>");
        }
        b.append("</g>");
    }

    private static void pointsLegendSvg(StringBuilder b, List<MapPoint> points, PointKey key, int x, int height) {
        int y = height - 2 * 22 - PAD;
        for (boolean primary : new boolean[] { true, false }) {
            if (points.stream().noneMatch(p -> p.primary() == primary)) {
                continue;
            }
            b.append("<g class=\"legend-point\" font-size=\"13\" fill=\"").append(hex(Palette.TEXT))
                    .append("\"><path d=\"").append(diamond(x + 9, y + 7)).append("\" fill=\"")
                    .append(primary ? hex(Palette.TEXT) : "#FFFFFF").append("\" stroke=\"").append(hex(Palette.TEXT))
                    .append("\" stroke-width=\"1.5\"/><text x=\"").append(x + 26).append("\" y=\"").append(y + 12)
                    .append("\">").append(esc(primary ? key.primaryLabel() : key.otherLabel())).append("</text></g>");
            y += 22;
        }
    }

    private static void pointsPng(Graphics2D g, List<MapPoint> points, PointKey key, Frame f, int legendX,
            int height) {
        g.setStroke(new BasicStroke(1.5f));
        for (MapPoint p : points) {
            Path2D d = diamondPath(f.x(p.easting()), f.y(p.northing()));
            g.setPaint(p.primary() ? Palette.TEXT : Color.WHITE);
            g.fill(d);
            g.setPaint(Palette.TEXT);
            g.draw(d);
        }
        int y = height - 2 * 22 - PAD;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (boolean primary : new boolean[] { true, false }) {
            if (points.stream().noneMatch(p -> p.primary() == primary)) {
                continue;
            }
            Path2D d = diamondPath(legendX + 9, y + 7);
            g.setPaint(primary ? Palette.TEXT : Color.WHITE);
            g.fill(d);
            g.setPaint(Palette.TEXT);
            g.draw(d);
            g.drawString(primary ? key.primaryLabel() : key.otherLabel(), legendX + 26, y + 12);
            y += 22;
        }
    }

    private static Path2D diamondPath(double x, double y) {
        Path2D d = new Path2D.Double();
        d.moveTo(x, y - POINT);
        d.lineTo(x + POINT, y);
        d.lineTo(x, y + POINT);
        d.lineTo(x - POINT, y);
        d.closePath();
        return d;
    }

    /** Quantile classes over the distinct values shown (suppressed and null values take no class). */
    static List<MapClass> classes(List<MapArea> areas) {
        List<Double> values = areas.stream().filter(a -> !a.suppressed() && a.value() != null).map(MapArea::value)
                .sorted().toList();
        long distinct = values.stream().distinct().count();
        int k = (int) Math.min(RAMP.size(), distinct);
        List<MapClass> classes = new ArrayList<>();
        if (k == 0) {
            return classes;
        }
        List<Double> lowers = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double lower = values.get(i * values.size() / k);
            if (lowers.isEmpty() || lower > lowers.get(lowers.size() - 1)) {
                lowers.add(lower);
            }
        }
        for (int i = 0; i < lowers.size(); i++) {
            double lo = lowers.get(i);
            Double hi = i + 1 < lowers.size() ? lowers.get(i + 1) : null;
            List<Double> in = values.stream().filter(v -> v >= lo && (hi == null || v < hi)).toList();
            int colour = lowers.size() == 1 ? 3 : Math.round(i * (RAMP.size() - 1) / (float) (lowers.size() - 1));
            classes.add(new MapClass(RAMP.get(colour), in.get(0), in.get(in.size() - 1), in.size()));
        }
        return classes;
    }

    static @Nullable MapClass classOf(MapArea area, List<MapClass> classes) {
        if (area.suppressed() || area.value() == null) {
            return null;
        }
        MapClass found = null;
        for (MapClass c : classes) {
            if (area.value() >= c.lower()) {
                found = c;
            }
        }
        return found;
    }

    /** Easting/northing → pixels, fitted into the map's part of the image with its aspect kept. */
    private record Frame(Envelope extent, double scale, double left, double top) {
        Frame(Envelope extent, int width, int height) {
            this(extent, Math.min((width - 2.0 * PAD) / Math.max(1, extent.getWidth()),
                    (height - TOP - PAD) / Math.max(1, extent.getHeight())), PAD, TOP);
        }

        double x(double easting) {
            return left + (easting - extent.getMinX()) * scale;
        }

        double y(double northing) {
            return top + (extent.getMaxY() - northing) * scale;
        }
    }

    // ------------------------------------------------------------------ SVG

    private static String svg(List<MapArea> areas, List<MapClass> classes, MapText text, Frame f, int width,
            int height, List<MapPoint> points, PointKey key, String prefix) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(esc(prefix)).append("map-title ").append(esc(prefix))
                .append("map-desc\" font-family=\"Arial, sans-serif\">");
        b.append("<title id=\"").append(esc(prefix)).append("map-title\">").append(esc(text.title())).append("</title>");
        b.append("<desc id=\"").append(esc(prefix)).append("map-desc\">").append(esc(description(areas, classes, text)))
                .append("</desc>");
        b.append("<defs><pattern id=\"").append(esc(prefix)).append("hatch-suppressed\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"")
                .append(hex(HATCH_BACK)).append("\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"")
                .append(hex(HATCH_LINE)).append("\" stroke-width=\"2\"/></pattern></defs>");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>");
        b.append("<text x=\"").append(PAD).append("\" y=\"26\" font-size=\"17\" font-weight=\"bold\" fill=\"")
                .append(hex(Palette.TEXT)).append("\">").append(esc(text.title())).append("</text>");
        b.append("<g class=\"areas\">");
        for (MapArea a : areas) {
            MapClass c = classOf(a, classes);
            String fill = a.suppressed() ? "url(#" + esc(prefix) + "hatch-suppressed)" : c == null ? "#FFFFFF"
                    : hex(c.colour());
            b.append("<path id=\"").append(esc(prefix + a.code())).append("\" class=\"area")
                    .append(a.suppressed() ? " suppressed" : "").append("\" d=\"").append(pathData(a.shape(), f))
                    .append("\" fill=\"").append(fill).append("\" fill-rule=\"evenodd\" stroke=\"")
                    .append(hex(Palette.DARK_GREY)).append("\" stroke-width=\"0.5\"><title>")
                    .append(esc(title(a))).append("</title></path>");
        }
        b.append("</g><g class=\"significance\" aria-hidden=\"true\" fill=\"none\" pointer-events=\"none\">");
        for (MapArea a : areas) {
            if (a.suppressed() || a.significance() == MapArea.Significance.SIMILAR) {
                continue;
            }
            boolean worse = a.significance() == MapArea.Significance.WORSE_OR_HIGHER;
            b.append("<path class=\"").append(worse ? "worse" : "better").append("\" d=\"")
                    .append(pathData(a.shape(), f)).append("\" stroke=\"").append(hex(Palette.TEXT))
                    .append(worse ? "\" stroke-width=\"2.5\"/>" : "\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>");
        }
        b.append("</g>");
        pointsSvg(b, points, f, prefix);
        legendSvg(b, areas, classes, text, width - LEGEND_WIDTH + 10, prefix);
        pointsLegendSvg(b, points, key, width - LEGEND_WIDTH + 10, height);
        return b.append("</svg>").toString();
    }

    private static void legendSvg(StringBuilder b, List<MapArea> areas, List<MapClass> classes, MapText text, int x,
            String prefix) {
        b.append("<g class=\"legend\" font-size=\"13\" fill=\"").append(hex(Palette.TEXT)).append("\">");
        int y = TOP + 10;
        b.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-weight=\"bold\">")
                .append(esc(text.valueHeading())).append("</text>");
        y += 12;
        for (MapClass c : classes) {
            b.append("<g class=\"legend-class\"><rect x=\"").append(x).append("\" y=\"").append(y)
                    .append("\" width=\"18\" height=\"14\" fill=\"").append(hex(c.colour())).append("\" stroke=\"")
                    .append(hex(Palette.DARK_GREY)).append("\"/><text x=\"").append(x + 26).append("\" y=\"")
                    .append(y + 12).append("\">").append(esc(classLabel(c))).append("</text></g>");
            y += 22;
        }
        y += 8;
        if (areas.stream().anyMatch(a -> !a.suppressed() && a.significance() == MapArea.Significance.WORSE_OR_HIGHER)) {
            b.append("<g class=\"legend-worse\"><rect x=\"").append(x).append("\" y=\"").append(y)
                    .append("\" width=\"18\" height=\"14\" fill=\"#FFFFFF\" stroke=\"").append(hex(Palette.TEXT))
                    .append("\" stroke-width=\"2.5\"/><text x=\"").append(x + 26).append("\" y=\"").append(y + 12)
                    .append("\">").append(esc(text.worseLabel())).append("</text></g>");
            y += 22;
        }
        if (areas.stream().anyMatch(a -> !a.suppressed() && a.significance() == MapArea.Significance.BETTER_OR_LOWER)) {
            b.append("<g class=\"legend-better\"><rect x=\"").append(x).append("\" y=\"").append(y)
                    .append("\" width=\"18\" height=\"14\" fill=\"#FFFFFF\" stroke=\"").append(hex(Palette.TEXT))
                    .append("\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/><text x=\"").append(x + 26)
                    .append("\" y=\"").append(y + 12).append("\">").append(esc(text.betterLabel())).append("</text></g>");
            y += 22;
        }
        long suppressed = areas.stream().filter(MapArea::suppressed).count();
        if (suppressed > 0) {
            b.append("<g class=\"legend-suppressed\"><rect x=\"").append(x).append("\" y=\"").append(y)
                    .append("\" width=\"18\" height=\"14\" fill=\"url(#").append(esc(prefix)).append("hatch-suppressed)\" stroke=\"")
                    .append(hex(Palette.DARK_GREY)).append("\"/><text x=\"").append(x + 26).append("\" y=\"")
                    .append(y + 12).append("\">").append(esc(text.suppressedLabel() + " (" + areas(suppressed) + ")"))
                    .append("</text></g>");
        }
        b.append("</g>");
    }

    private static String pathData(Geometry g, Frame f) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p) {
                ring(d, p.getExteriorRing(), f);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(d, p.getInteriorRingN(h), f);
                }
            }
        }
        return d.toString();
    }

    private static void ring(StringBuilder d, LineString ring, Frame f) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 0; i < cs.length - 1; i++) {
            d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f", f.x(cs[i].x), f.y(cs[i].y)));
        }
        d.append('Z');
    }

    // ------------------------------------------------------------------ PNG

    private static byte[] png(List<MapArea> areas, List<MapClass> classes, MapText text, Frame f, int width,
            int height, List<MapPoint> points, PointKey key) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setPaint(Palette.TEXT);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            g.drawString(text.title(), PAD, 26);
            TexturePaint hatch = hatch();
            for (MapArea a : areas) {
                MapClass c = classOf(a, classes);
                Path2D path = path(a.shape(), f);
                g.setPaint(a.suppressed() ? hatch : c == null ? Color.WHITE : c.colour());
                g.fill(path);
                g.setPaint(Palette.DARK_GREY);
                g.setStroke(new BasicStroke(0.5f));
                g.draw(path);
            }
            for (MapArea a : areas) {
                if (a.suppressed() || a.significance() == MapArea.Significance.SIMILAR) {
                    continue;
                }
                g.setPaint(Palette.TEXT);
                g.setStroke(stroke(a.significance()));
                g.draw(path(a.shape(), f));
            }
            legendPng(g, areas, classes, text, hatch, width - LEGEND_WIDTH + 10);
            pointsPng(g, points, key, f, width - LEGEND_WIDTH + 10, height);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BasicStroke stroke(MapArea.Significance s) {
        return s == MapArea.Significance.WORSE_OR_HIGHER ? new BasicStroke(2.5f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 5f, 3f }, 0f);
    }

    private static void legendPng(Graphics2D g, List<MapArea> areas, List<MapClass> classes, MapText text,
            TexturePaint hatch, int x) {
        int y = TOP + 10;
        g.setPaint(Palette.TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(text.valueHeading(), x, y);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        y += 12;
        for (MapClass c : classes) {
            key(g, x, y, c.colour(), new BasicStroke(1f), classLabel(c));
            y += 22;
        }
        y += 8;
        if (areas.stream().anyMatch(a -> !a.suppressed() && a.significance() == MapArea.Significance.WORSE_OR_HIGHER)) {
            key(g, x, y, Color.WHITE, stroke(MapArea.Significance.WORSE_OR_HIGHER), text.worseLabel());
            y += 22;
        }
        if (areas.stream().anyMatch(a -> !a.suppressed() && a.significance() == MapArea.Significance.BETTER_OR_LOWER)) {
            key(g, x, y, Color.WHITE, stroke(MapArea.Significance.BETTER_OR_LOWER), text.betterLabel());
            y += 22;
        }
        long suppressed = areas.stream().filter(MapArea::suppressed).count();
        if (suppressed > 0) {
            Rectangle2D box = new Rectangle2D.Double(x, y, 18, 14);
            g.setPaint(hatch);
            g.fill(box);
            key(g, x, y, null, new BasicStroke(1f), text.suppressedLabel() + " (" + areas(suppressed) + ")");
        }
    }

    private static void key(Graphics2D g, int x, int y, @Nullable Color fill, BasicStroke stroke, String label) {
        Rectangle2D box = new Rectangle2D.Double(x, y, 18, 14);
        if (fill != null) {
            g.setPaint(fill);
            g.fill(box);
        }
        g.setPaint(Palette.TEXT);
        g.setStroke(stroke);
        g.draw(box);
        g.drawString(label, x + 26, y + 12);
    }

    private static TexturePaint hatch() {
        BufferedImage tile = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
        Graphics2D t = tile.createGraphics();
        t.setPaint(HATCH_BACK);
        t.fillRect(0, 0, 6, 6);
        t.setPaint(HATCH_LINE);
        t.setStroke(new BasicStroke(1.5f));
        t.drawLine(0, 6, 6, 0);
        t.dispose();
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, 6, 6));
    }

    private static Path2D path(Geometry geometry, Frame f) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon p) {
                ring(path, p.getExteriorRing(), f);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h), f);
                }
            }
        }
        return path;
    }

    private static void ring(Path2D path, LineString ring, Frame f) {
        Coordinate[] cs = ring.getCoordinates();
        path.moveTo(f.x(cs[0].x), f.y(cs[0].y));
        for (int i = 1; i < cs.length - 1; i++) {
            path.lineTo(f.x(cs[i].x), f.y(cs[i].y));
        }
        path.closePath();
    }

    // ------------------------------------------------------------------ words

    /** "Leicester 001A (E01900001): 12.3%" or "…: suppressed". */
    static String title(MapArea a) {
        String name = a.name().equals(a.code()) ? a.code() : a.name() + " (" + a.code() + ")";
        return name + ": " + (a.suppressed() ? "suppressed" : a.value() == null ? "no value" : a.valueText())
                + switch (a.significance()) {
                    case WORSE_OR_HIGHER -> a.suppressed() ? "" : ", significantly worse or higher than the LMNS";
                    case BETTER_OR_LOWER -> a.suppressed() ? "" : ", significantly better or lower than the LMNS";
                    case SIMILAR -> "";
                };
    }

    static String classLabel(MapClass c) {
        return number(c.lower()) + (c.upper() > c.lower() ? " to " + number(c.upper()) : "") + " (" + areas(c.areas())
                + ")";
    }

    private static String areas(long n) {
        return n + (n == 1 ? " area" : " areas");
    }

    private static String number(double v) {
        return String.format(Locale.UK, Math.abs(v) >= 100 ? "%,.0f" : "%.1f", v);
    }

    private static String description(List<MapArea> areas, List<MapClass> classes, MapText text) {
        StringBuilder d = new StringBuilder("Map of " + areas(areas.size()) + " in " + classes.size()
                + " classes: ");
        for (int i = 0; i < classes.size(); i++) {
            d.append(i > 0 ? "; " : "").append(classLabel(classes.get(i)));
        }
        long suppressed = areas.stream().filter(MapArea::suppressed).count();
        if (suppressed > 0) {
            d.append(". ").append(text.suppressedLabel()).append(": ").append(areas(suppressed));
        }
        return d.append(". The same figures are in the table beside the map.").toString();
    }

    private static String hex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
