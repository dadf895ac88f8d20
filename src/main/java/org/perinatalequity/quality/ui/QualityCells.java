package org.perinatalequity.quality.ui;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.perinatalequity.system.ui.Panels;

/**
 * Shared pieces of the data-quality pages. A valid-percentage cell carries its value, a symbol and a tint, so colour
 * is never the only cue: ✓ meets the threshold, ! is within 5 points below it, ✗ is further below. The tints are
 * light and the text the theme's dark grey (#212B32), at least 12:1 contrast on each (WCAG 2.2 AA).
 */
final class QualityCells {

    /** Items without a configured threshold are judged against the CQIMDQ minimum. */
    static final double DEFAULT_THRESHOLD = 70;
    private static final double NEAR = 5;

    enum Band {
        MEETS("✓", "meets the threshold", "#dff0e3"),
        NEAR("!", "just below the threshold", "#fff4cc"),
        BELOW("✗", "below the threshold", "#f9d6d5"),
        NONE("–", "no records", "transparent");

        final String symbol;
        final String description;
        final String background;

        Band(String symbol, String description, String background) {
            this.symbol = symbol;
            this.description = description;
            this.background = background;
        }
    }

    private QualityCells() {
    }

    static Band band(Double percent, double threshold) {
        if (percent == null) {
            return Band.NONE;
        }
        if (percent >= threshold) {
            return Band.MEETS;
        }
        return percent >= threshold - NEAR ? Band.NEAR : Band.BELOW;
    }

    /** "96.5%", or "–" without records. */
    static String percent(Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%.1f%%", value);
    }

    /** The cell text: symbol and value, e.g. "✓ 96.5%"; a dash alone without records. */
    static String text(Double percent, double threshold) {
        return percent == null ? Band.NONE.symbol : band(percent, threshold).symbol + " " + percent(percent);
    }

    static Span cell(Double percent, double threshold) {
        Band band = band(percent, threshold);
        Span span = new Span(text(percent, threshold));
        span.getElement().setAttribute("title", percent(percent) + " valid: " + band.description + " ("
                + percent(threshold) + ")");
        span.getStyle().set("background", band.background).set("color", "#212b32").set("display", "block")
                .set("padding", "0 var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-s)")
                .set("font-variant-numeric", "tabular-nums").set("text-align", "end");
        span.addClassName("quality-cell-" + band.name().toLowerCase(Locale.ROOT));
        return span;
    }

    static Paragraph legend() {
        Paragraph legend = note("Each cell is the percentage of records with a valid value. ✓ meets the item's"
                + " threshold, ! is within 5 points below it, ✗ is further below, – means no records.");
        legend.setId("quality-legend");
        return legend;
    }

    static Paragraph note(String text) {
        return Panels.note(text);
    }

    /** A link that downloads a CSV written when it is clicked, so the file always holds the current data. */
    static Anchor csvDownload(String id, String label, String fileName, Supplier<byte[]> csv) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = csv.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv;charset=UTF-8",
                    bytes.length);
        }), label);
        anchor.setId(id);
        return anchor;
    }

    /** A white panel headed by an H2 that also names the region for assistive technology. */
    static Section section(String id, String heading, Component... content) {
        Section section = Panels.section(id, heading, content);
        section.setId(id);
        return section;
    }
}
