package org.perinatalequity.breakdown.ui;

import com.vaadin.flow.component.AttachEvent;

import org.perinatalequity.charts.Charts;

/**
 * Charts laid out for the window they are shown in: below {@value #NARROW_WINDOW} px (a phone is 390) each chart is
 * drawn narrower with the same text size, instead of a wide SVG scaled down until its text is 3–4 px.
 */
final class ChartLayout {

    static final int NARROW_WINDOW = 860;
    private static final int NARROWEST_CHART = 320;
    /** The page's padding either side of a chart. */
    private static final int MARGINS = 48;

    private int windowWidth = Integer.MAX_VALUE;

    /** The width to draw a chart that is {@code wide} px in a wide window. */
    int width(int wide) {
        return windowWidth >= NARROW_WINDOW ? wide : Math.max(NARROWEST_CHART, Math.min(wide, windowWidth - MARGINS));
    }

    /** Follows the browser window's width from attach on; {@code redraw} runs when the charts' width changes. */
    void follow(AttachEvent event, Runnable redraw) {
        event.getUI().getPage().retrieveExtendedClientDetails(d -> resized(d.getWindowInnerWidth(), redraw));
        event.getUI().getPage().addBrowserWindowResizeListener(e -> resized(e.getWidth(), redraw));
    }

    private void resized(int width, Runnable redraw) {
        int before = width(Charts.WIDTH);
        windowWidth = width;
        if (width(Charts.WIDTH) != before) {
            redraw.run();
        }
    }
}
