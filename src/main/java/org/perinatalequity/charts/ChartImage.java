package org.perinatalequity.charts;

import java.util.function.Supplier;

/**
 * A rendered chart: the SVG (with {@code <title>} and {@code <desc>}), the same chart as PNG bytes, and its title and
 * text description for use beside the chart (alt text, caption, download metadata). Pages show the SVG; the PNG is
 * drawn only when someone downloads it, and then once.
 */
public final class ChartImage {

    private final String svg;
    private final Supplier<byte[]> pngRenderer;
    private final String title;
    private final String description;
    private byte[] png;

    ChartImage(String svg, Supplier<byte[]> pngRenderer, String title, String description) {
        this.svg = svg;
        this.pngRenderer = pngRenderer;
        this.title = title;
        this.description = description;
    }

    public String svg() {
        return svg;
    }

    public synchronized byte[] png() {
        if (png == null) {
            png = pngRenderer.get();
        }
        return png.clone();
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The SVG inside one {@code <div>}, because Vaadin's {@code Html} component needs a single root element. */
    public String html() {
        return "<div class=\"chart\">" + svg + "</div>";
    }
}
