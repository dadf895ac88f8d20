package org.perinatalequity.charts;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;

/** Builds a fixed legend in the order items are added, each label once. */
final class Legend {

    private final Map<String, LegendItem> items = new LinkedHashMap<>();

    Legend marker(Symbols.Marker marker) {
        return add(new LegendItem(marker.legend(), null, null, null, true, marker.shape(), true, marker.fill(), true,
                Palette.DARK_GREY, new BasicStroke(1.5f), false, new Line2D.Double(), new BasicStroke(), Palette.TEXT));
    }

    Legend line(String label, Stroke stroke, Paint paint) {
        return add(new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, paint, false, paint,
                stroke, true, new Line2D.Double(-14, 0, 14, 0), stroke, paint));
    }

    Legend box(String label, Shape shape, Paint fill) {
        return add(new LegendItem(label, null, null, null, true, shape, true, fill, true, Palette.DARK_GREY,
                new BasicStroke(1f), false, new Line2D.Double(), new BasicStroke(), fill));
    }

    /** A text-only entry, e.g. what "*" means. */
    Legend note(String label) {
        return add(new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false, Palette.TEXT, false,
                Palette.TEXT, new BasicStroke(), false, new Line2D.Double(), new BasicStroke(), Palette.TEXT));
    }

    private Legend add(LegendItem item) {
        items.putIfAbsent(item.getLabel(), item);
        return this;
    }

    LegendItemCollection items() {
        LegendItemCollection c = new LegendItemCollection();
        items.values().forEach(c::add);
        return c;
    }
}
