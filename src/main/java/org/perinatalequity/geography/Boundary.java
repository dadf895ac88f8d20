package org.perinatalequity.geography;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * One area of a boundary file: its code, its name when the file has one, and its polygon(s) in British National
 * Grid metres.
 *
 * @param feature the feature's number in the file, from 1, for messages
 */
public record Boundary(int feature, String code, @Nullable String name, Geometry shape) {
}
