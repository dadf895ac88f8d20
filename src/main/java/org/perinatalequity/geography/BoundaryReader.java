package org.perinatalequity.geography;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Reads an ONS boundary file as downloaded, recognised from its content (never its name): a GeoJSON
 * FeatureCollection in WGS84 or British National Grid, or a GeoPackage (SQLite, the OGC GeoPackage tables). Shapes
 * come back in British National Grid metres. A file with no area code field, or with a geometry that cannot be read,
 * is refused ({@link BoundaryFormatException}: file, feature, reason); a feature without a code, with a code of the
 * wrong shape, a duplicate or an empty geometry is skipped with a warning; an invalid polygon (a self-touching ring)
 * is repaired with a warning.
 */
public final class BoundaryReader {

    /** Boundaries are drawn, not surveyed: a centimetre grid keeps WKB small and repairs exact. */
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(100), 27700);

    private BoundaryReader() {
    }

    /** The boundary format of a file from its first bytes, or empty when it is not a boundary file. */
    public static Optional<BoundaryFile.Format> sniff(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String text = new String(head, 0, n, StandardCharsets.UTF_8);
        if (text.startsWith("SQLite format 3\0")) {
            return Optional.of(BoundaryFile.Format.GEOPACKAGE);
        }
        String trimmed = text.replace("\uFEFF", "").stripLeading();
        if (trimmed.startsWith("{") && trimmed.replaceAll("\\s", "").contains("\"FeatureCollection\"")) {
            return Optional.of(BoundaryFile.Format.GEOJSON);
        }
        return Optional.empty();
    }

    public static BoundaryFile read(Path file, String fileName) {
        try {
            BoundaryFile.Format format = sniff(file).orElseThrow(() -> new BoundaryFormatException(fileName
                    + " is neither a GeoJSON FeatureCollection nor a GeoPackage"));
            return switch (format) {
                case GEOJSON -> GeoJsonBoundaries.read(file, fileName);
                case GEOPACKAGE -> GeoPackageBoundaries.read(file, fileName);
            };
        } catch (IOException e) {
            throw new BoundaryFormatException(fileName + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Collects a file's features, checking each the same way whatever the format. */
    static final class Collector {
        private final String fileName;
        private final CodeField codeField;
        private final List<Boundary> boundaries = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        Collector(String fileName, CodeField codeField) {
            this.fileName = fileName;
            this.codeField = codeField;
        }

        CodeField codeField() {
            return codeField;
        }

        void add(int feature, @Nullable String rawCode, @Nullable String name, @Nullable Geometry shape) {
            String code = rawCode == null ? "" : rawCode.strip();
            if (code.isEmpty()) {
                warn(feature, "has no " + codeField.field() + ": skipped");
                return;
            }
            if (!codeField.level().isCode(code)) {
                warn(feature, codeField.field() + " '" + code + "' is not " + article(codeField.level()) + " code: skipped");
                return;
            }
            if (shape == null || shape.isEmpty()) {
                warn(feature, "(" + code + ") has no geometry: skipped");
                return;
            }
            if (!(shape instanceof Polygonal)) {
                throw new BoundaryFormatException(fileName + ", feature " + feature + " (" + code + "): a "
                        + shape.getGeometryType() + " is not an area (Polygon or MultiPolygon expected)");
            }
            if (!seen.add(code)) {
                warn(feature, "(" + code + ") repeats a code already read: skipped");
                return;
            }
            Geometry valid = shape;
            IsValidOp check = new IsValidOp(shape);
            if (!check.isValid()) {
                valid = GeometryFixer.fix(shape);
                warn(feature, "(" + code + ") had an invalid polygon (" + check.getValidationError().getMessage()
                        + "): repaired");
            }
            boundaries.add(new Boundary(feature, code, name == null || name.isBlank() ? null : name.strip(), valid));
        }

        void warn(int feature, String reason) {
            warnings.add(fileName + ", feature " + feature + " " + reason);
        }

        BoundaryFile result(BoundaryFile.Format format, String crs) {
            if (boundaries.isEmpty()) {
                throw new BoundaryFormatException(fileName + " holds no area with a " + codeField.field()
                        + " and a geometry" + (warnings.isEmpty() ? "" : " (" + warnings.get(0) + ")"));
            }
            return new BoundaryFile(fileName, format, crs, codeField, List.copyOf(boundaries), List.copyOf(warnings));
        }

        private static String article(AreaLevel level) {
            return switch (level) {
                case LSOA -> "an LSOA";
                case MSOA -> "an MSOA";
                case WARD -> "a ward";
                case LAD -> "a local authority district";
            };
        }
    }
}
