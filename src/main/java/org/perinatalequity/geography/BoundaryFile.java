package org.perinatalequity.geography;

import java.util.List;

/**
 * What a boundary file held: how it was recognised (format, coordinate system, code field), its areas in British
 * National Grid metres, and the features it skipped or repaired, each named by feature number and reason.
 *
 * @param crs {@code EPSG:27700} or {@code EPSG:4326} (as read; the shapes are always in EPSG:27700)
 */
public record BoundaryFile(String fileName, Format format, String crs, CodeField codeField, List<Boundary> boundaries,
        List<String> warnings) {

    public enum Format {
        GEOJSON("GeoJSON"), GEOPACKAGE("GeoPackage");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** "ONS LSOA 2021 boundaries (GeoJSON, EPSG:4326, LSOA21CD)". */
    public String description() {
        return codeField.level().name() + " " + codeField.vintage() + " boundaries (" + format.label() + ", " + crs
                + ", " + codeField.field() + ")";
    }
}
