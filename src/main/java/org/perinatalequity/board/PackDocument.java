package org.perinatalequity.board;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.charts.MdcIcons;
import org.perinatalequity.charts.Palette;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.SpcResult.PointType;

/**
 * A PDF written top to bottom on A4 landscape pages: real text in embedded DejaVu fonts (searchable, copyable),
 * wrapped paragraphs and tables that continue on the next page, and charts and icons drawn as vector paths. The
 * document carries its title and language (en-GB) and asks viewers to show the title. Every page has a footer with
 * the page number and, for demo data, "Synthetic data".
 */
final class PackDocument implements AutoCloseable {

    static final float WIDTH = PDRectangle.A4.getHeight();
    static final float HEIGHT = PDRectangle.A4.getWidth();
    static final float MARGIN = 40;

    private final PDDocument doc = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final String footer;
    private final Map<Integer, Boolean> glyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;
    private int pages;

    PackDocument(String title, String footer) {
        this.footer = footer;
        try {
            regular = font("fonts/DejaVuSans.ttf");
            bold = font("fonts/DejaVuSans-Bold.ttf");
        } catch (IOException e) {
            throw new UncheckedIOException("The board pack fonts cannot be read", e);
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject("Perinatal equity board pack");
        info.setCreator("Perinatal Equity Dashboard");
        doc.getDocumentCatalog().setLanguage("en-GB");
        PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        preferences.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(preferences);
    }

    private PDType0Font font(String resource) throws IOException {
        try (InputStream in = PackDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    /** Starts a new page; the text cursor goes to its top. */
    void newPage() {
        try {
            endPage();
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            pages++;
            y = HEIGHT - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endPage() throws IOException {
        if (cs != null) {
            text(footer + " · page " + pages, MARGIN, 20, regular, 8, Palette.DARK_GREY);
            cs.close();
            cs = null;
        }
    }

    /** Room left above the bottom margin. */
    float room() {
        return y - MARGIN;
    }

    /** A new page unless {@code height} still fits. */
    void need(float height) {
        if (room() < height) {
            newPage();
        }
    }

    float y() {
        return y;
    }

    void moveTo(float newY) {
        y = newY;
    }

    void heading(String text, float size) {
        need(size * 2.2f);
        y -= size * 1.3f;
        text(text, MARGIN, y, bold, size, Palette.TEXT);
        y -= size * 0.6f;
    }

    void paragraph(String text, float size) {
        paragraph(text, MARGIN, WIDTH - 2 * MARGIN, size, false, Palette.TEXT);
    }

    /** A wrapped paragraph at {@code x}, continuing on a new page when it runs out of room. */
    void paragraph(String text, float x, float width, float size, boolean strong, Color colour) {
        PDType0Font font = strong ? bold : regular;
        for (String line : wrap(text, font, size, width)) {
            need(size * 1.4f);
            y -= size * 1.3f;
            text(line, x, y, font, size, colour);
        }
        y -= size * 0.4f;
    }

    /** Paragraph lines from a given top, without moving the cursor; answers the height used. */
    float block(String text, float x, float top, float width, float size, boolean strong) {
        PDType0Font font = strong ? bold : regular;
        float at = top;
        for (String line : wrap(text, font, size, width)) {
            at -= size * 1.3f;
            text(line, x, at, font, size, Palette.TEXT);
        }
        return top - at + size * 0.4f;
    }

    /** A table cell with a Making Data Count icon drawn before its words. */
    record IconCell(MdcIcons.Icon icon, String text) {
    }

    private static final float CELL_ICON = 16;

    /**
     * A table with a bold header row, cells wrapped to the column widths, repeated header on a new page. A cell is a
     * String or an {@link IconCell}.
     *
     * @param widths column widths in points, summing to at most the page's text width
     */
    void table(List<String> header, float[] widths, List<? extends List<?>> rows, float size) {
        tableRow(header, widths, size, true);
        for (List<?> row : rows) {
            float height = rowHeight(row, widths, size);
            if (room() < height) {
                newPage();
                tableRow(header, widths, size, true);
            }
            tableRow(row, widths, size, false);
        }
        y -= size;
    }

    private float rowHeight(List<?> cells, float[] widths, float size) {
        float height = size * 1.25f;
        for (int i = 0; i < cells.size(); i++) {
            Object cell = cells.get(i);
            if (cell instanceof IconCell c) {
                height = Math.max(height, Math.max(CELL_ICON, wrap(c.text(), regular, size,
                        widths[i] - 9 - CELL_ICON).size() * size * 1.25f));
            } else {
                height = Math.max(height, wrap(cell == null ? "" : cell.toString(), regular, size, widths[i] - 6)
                        .size() * size * 1.25f);
            }
        }
        return height + 6;
    }

    private void tableRow(List<?> cells, float[] widths, float size, boolean header) {
        float height = rowHeight(cells, widths, size);
        need(height);
        try {
            float x = MARGIN;
            if (header) {
                cs.setNonStrokingColor(Palette.PALE_GREY);
                float total = 0;
                for (float w : widths) {
                    total += w;
                }
                cs.addRect(MARGIN, y - height, total, height);
                cs.fill();
            }
            cs.setStrokingColor(Palette.MID_GREY);
            cs.setLineWidth(0.5f);
            for (int i = 0; i < cells.size(); i++) {
                cs.setStrokingColor(Palette.MID_GREY);
                cs.setLineWidth(0.5f);
                cs.addRect(x, y - height, widths[i], height);
                cs.stroke();
                Object cell = cells.get(i);
                float at = y - 3;
                float indent = 3;
                String content = cell == null ? "" : cell.toString();
                if (cell instanceof IconCell c) {
                    icon(c.icon(), x + 3, y - 3, CELL_ICON);
                    indent = 6 + CELL_ICON;
                    content = c.text();
                }
                for (String line : wrap(content, header ? bold : regular, size, widths[i] - indent - 3)) {
                    at -= size * 1.25f;
                    text(line, x + indent, at + 2, header ? bold : regular, size, Palette.TEXT);
                }
                x += widths[i];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y -= height;
    }

    /** A Making Data Count icon as vector paths: the ring, the letter and the arrow, as on the page. */
    void icon(MdcIcons.Icon icon, float x, float top, float size) {
        try {
            float s = size / 40f;
            float cx = x + 20 * s;
            float cy = top - 20 * s;
            cs.setStrokingColor(icon.stroke());
            cs.setNonStrokingColor(Color.WHITE);
            cs.setLineWidth(4 * s);
            circle(cx, cy, 17 * s);
            cs.fillAndStroke();
            boolean arrow = icon.arrow() == MdcIcons.Arrow.UP || icon.arrow() == MdcIcons.Arrow.DOWN;
            float letterSize = 17 * s;
            float letterWidth = width(icon.letter(), bold, letterSize);
            float lx = (arrow ? x + 16 * s : cx) - letterWidth / 2;
            float ly = top - (icon.arrow() == MdcIcons.Arrow.FLAT ? 23 : 26) * s;
            text(icon.letter(), lx, ly, bold, letterSize, icon.stroke());
            cs.setLineWidth(3 * s);
            cs.setStrokingColor(icon.stroke());
            switch (icon.arrow()) {
                case UP -> arrowPath(x, top, s, 23, 11, 15);
                case DOWN -> arrowPath(x, top, s, 11, 23, 19);
                case FLAT -> {
                    cs.moveTo(x + 9 * s, top - 28 * s);
                    cs.lineTo(x + 31 * s, top - 28 * s);
                    cs.stroke();
                }
                case NONE -> {
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void arrowPath(float x, float top, float s, float from, float to, float wing) throws IOException {
        cs.moveTo(x + 29 * s, top - from * s);
        cs.lineTo(x + 29 * s, top - to * s);
        cs.moveTo(x + 25 * s, top - wing * s);
        cs.lineTo(x + 29 * s, top - to * s);
        cs.lineTo(x + 33 * s, top - wing * s);
        cs.stroke();
    }

    private void circle(float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
    }

    /**
     * The monthly SPC chart as vectors: the values joined by a line, each point a marker coloured by its Making
     * Data Count type (and hollow when its month is incomplete), the mean, the process limits (dashed; stepped for a
     * p-chart's limits per point) and the target (dash-dot). Axis labels are real text.
     */
    void spcChart(TrendResult trend, Measure measure, float x, float top, float w, float h) {
        List<TrendResult.Point> points = trend.points();
        try {
            cs.setStrokingColor(Palette.DARK_GREY);
            cs.setLineWidth(0.6f);
            cs.addRect(x, top - h, w, h);
            cs.stroke();
            List<Double> all = new ArrayList<>();
            for (TrendResult.Point p : points) {
                addIfPresent(all, p.value());
                if (p.complete()) {
                    addIfPresent(all, p.processLower(), p.processUpper());
                }
            }
            addIfPresent(all, trend.mean(), measure.target());
            if (all.isEmpty()) {
                text("No published values to chart", x + 8, top - h / 2, regular, 9, Palette.DARK_GREY);
                return;
            }
            double min = all.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = all.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double pad = Math.max((max - min) * 0.08, 0.5);
            min = Math.max(0, min - pad);
            max = max + pad;
            float left = x + 34;
            float plotW = w - 42;
            float bottom = top - h + 18;
            float plotH = h - 26;
            double lo = min;
            double span = max - min;
            java.util.function.DoubleUnaryOperator py = v -> bottom + (float) ((v - lo) / span * plotH);
            int n = points.size();
            java.util.function.IntToDoubleFunction px = i -> left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
            // y axis: four labelled gridlines
            cs.setLineWidth(0.3f);
            cs.setStrokingColor(Palette.PALE_GREY);
            for (int t = 0; t <= 4; t++) {
                double v = min + span * t / 4;
                float gy = (float) py.applyAsDouble(v);
                cs.moveTo(left, gy);
                cs.lineTo(left + plotW, gy);
                cs.stroke();
                text(String.format(java.util.Locale.UK, "%.1f", v), x + 2, gy - 3, regular, 6.5f, Palette.DARK_GREY);
            }
            for (int i = 0; i < n; i++) {
                if (i == 0 || i == n - 1 || i % 6 == 0) {
                    text(points.get(i).period(), (float) px.applyAsDouble(i) - 12, top - h + 5, regular, 6.5f,
                            Palette.DARK_GREY);
                }
            }
            if (trend.mean() != null) {
                horizontal(left, plotW, (float) py.applyAsDouble(trend.mean()), Palette.DARK_GREY, 1f, null);
            }
            if (measure.target() != null) {
                horizontal(left, plotW, (float) py.applyAsDouble(measure.target()), Palette.NHS_BLUE, 1.2f,
                        new float[] { 6, 2, 1, 2 });
            }
            limitLine(points, px, py, true);
            limitLine(points, px, py, false);
            // the series
            cs.setStrokingColor(Palette.MID_GREY);
            cs.setLineWidth(0.9f);
            cs.setLineDashPattern(new float[0], 0);
            boolean drawing = false;
            for (int i = 0; i < n; i++) {
                Double v = points.get(i).value();
                if (v == null) {
                    drawing = false;
                    continue;
                }
                float vx = (float) px.applyAsDouble(i);
                float vy = (float) py.applyAsDouble(v);
                if (drawing) {
                    cs.lineTo(vx, vy);
                } else {
                    cs.moveTo(vx, vy);
                    drawing = true;
                }
            }
            cs.stroke();
            if (points.stream().allMatch(p -> p.value() == null)) {
                text("Monthly values suppressed (small numbers); the lines are the mean and limits", left + 8,
                        top - 14, regular, 7.5f, Palette.DARK_GREY);
            }
            for (int i = 0; i < n; i++) {
                TrendResult.Point p = points.get(i);
                if (p.value() == null) {
                    continue;
                }
                Color colour = colour(p.spc());
                cs.setStrokingColor(Palette.stroke(colour));
                cs.setLineWidth(0.8f);
                circle((float) px.applyAsDouble(i), (float) py.applyAsDouble(p.value()), 2.6f);
                if (p.complete()) {
                    cs.setNonStrokingColor(colour);
                    cs.fillAndStroke();
                } else {
                    cs.setNonStrokingColor(Color.WHITE);
                    cs.fillAndStroke();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addIfPresent(List<Double> out, Double... values) {
        for (Double v : values) {
            if (v != null && !v.isNaN()) {
                out.add(v);
            }
        }
    }

    private void limitLine(List<TrendResult.Point> points, java.util.function.IntToDoubleFunction px,
            java.util.function.DoubleUnaryOperator py, boolean upper) throws IOException {
        cs.setStrokingColor(Palette.DARK_GREY);
        cs.setLineWidth(0.7f);
        cs.setLineDashPattern(new float[] { 3, 2 }, 0);
        boolean drawing = false;
        for (int i = 0; i < points.size(); i++) {
            Double v = upper ? points.get(i).processUpper() : points.get(i).processLower();
            if (v == null || !points.get(i).complete()) {
                drawing = false;
                continue;
            }
            float vx = (float) px.applyAsDouble(i);
            float vy = (float) py.applyAsDouble(v);
            if (drawing) {
                cs.lineTo(vx, vy);
            } else {
                cs.moveTo(vx, vy);
                drawing = true;
            }
        }
        cs.stroke();
        cs.setLineDashPattern(new float[0], 0);
    }

    private void horizontal(float left, float width, float at, Color colour, float line, float[] dash)
            throws IOException {
        cs.setStrokingColor(colour);
        cs.setLineWidth(line);
        cs.setLineDashPattern(dash == null ? new float[0] : dash, 0);
        cs.moveTo(left, at);
        cs.lineTo(left + width, at);
        cs.stroke();
        cs.setLineDashPattern(new float[0], 0);
    }

    private static Color colour(PointType spc) {
        if (spc == null) {
            return Palette.MDC_COMMON;
        }
        return switch (spc) {
            case SPECIAL_CAUSE_IMPROVEMENT -> Palette.MDC_IMPROVEMENT;
            case SPECIAL_CAUSE_CONCERN -> Palette.MDC_CONCERN;
            case SPECIAL_CAUSE_NEITHER -> Palette.MDC_NEITHER;
            case COMMON_CAUSE -> Palette.MDC_COMMON;
        };
    }

    void text(String text, float x, float baseline, boolean strong, float size) {
        text(text, x, baseline, strong ? bold : regular, size, Palette.TEXT);
    }

    private void text(String text, float x, float baseline, PDType0Font font, float size, Color colour) {
        try {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(colour);
            cs.newLineAtOffset(x, baseline);
            cs.showText(printable(text, font));
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with any character the font lacks replaced by "?", so one odd character never loses a page. */
    private String printable(String text, PDType0Font font) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            boolean ok = glyphs.computeIfAbsent(c, code -> {
                try {
                    font.encode(new String(Character.toChars(code)));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.append(ok ? new String(Character.toChars(c)) : "?");
        });
        return out.toString();
    }

    private float width(String text, PDType0Font font, float size) {
        try {
            return font.getStringWidth(printable(text, font)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> wrap(String text, PDType0Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= width || line.isEmpty()) {
                    line = new StringBuilder(candidate);
                } else {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    void save(OutputStream out) {
        try {
            endPage();
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (cs != null) {
                cs.close();
            }
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
