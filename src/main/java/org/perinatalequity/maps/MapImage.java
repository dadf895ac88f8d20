package org.perinatalequity.maps;

import java.util.List;
import java.util.function.Supplier;

/** A rendered map: the SVG, the PNG drawn on demand, and the classes its legend shows (for tables and tests). */
public final class MapImage {

    private final String svg;
    private final Supplier<byte[]> png;
    private final List<Choropleth.MapClass> classes;

    MapImage(String svg, Supplier<byte[]> png, List<Choropleth.MapClass> classes) {
        this.svg = svg;
        this.png = png;
        this.classes = List.copyOf(classes);
    }

    public String svg() {
        return svg;
    }

    public byte[] png() {
        return png.get();
    }

    public List<Choropleth.MapClass> classes() {
        return classes;
    }
}
