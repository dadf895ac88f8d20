package org.perinatalequity.maps;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * One area of a map: its code (the SVG path id), name, shape in British National Grid metres, value (null when
 * suppressed or not computable), and how it compares with the LMNS.
 *
 * @param valueText the value as the reader should see it, e.g. {@code "12.3%"}, used in the area's title
 */
public record MapArea(String code, String name, Geometry shape, @Nullable Double value, String valueText,
        boolean suppressed, Significance significance) {

    /** The second cue of a map: significance against the LMNS, drawn as an outline, never as colour. */
    public enum Significance {
        /** Significantly worse (or higher, for a measure without a polarity): a thick solid outline. */
        WORSE_OR_HIGHER,
        /** Significantly better (or lower): a dashed outline. */
        BETTER_OR_LOWER,
        /** Similar, or not compared: the thin border every area has. */
        SIMILAR
    }
}
