package org.perinatalequity.charts;

/**
 * A rendered chart: the SVG (with {@code <title>} and {@code <desc>}), the same chart as PNG bytes, and its title and
 * text description for use beside the chart (alt text, caption, download metadata).
 */
public record ChartImage(String svg, byte[] png, String title, String description) {

    /** The SVG inside one {@code <div>}, because Vaadin's {@code Html} component needs a single root element. */
    public String html() {
        return "<div class=\"chart\">" + svg + "</div>";
    }
}
