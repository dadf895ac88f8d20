package org.perinatalequity.geography;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A GeoJSON FeatureCollection, streamed one feature at a time (a national LSOA file is hundreds of megabytes). The
 * coordinate system is the named {@code crs} member when the file has one (ONS downloads in British National Grid
 * do), otherwise read from the coordinates themselves: degrees within Great Britain are WGS84 (RFC 7946's default),
 * metres within the National Grid are EPSG:27700. JTS's own GeoJsonReader is not used: it drops the properties.
 */
final class GeoJsonBoundaries {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private enum Crs {
        WGS84("EPSG:4326"), BNG("EPSG:27700");

        final String label;

        Crs(String label) {
            this.label = label;
        }
    }

    private GeoJsonBoundaries() {
    }

    static BoundaryFile read(Path file, String fileName) throws IOException {
        Crs named = null;
        Crs crs = null;
        BoundaryReader.Collector collector = null;
        int feature = 0;
        try (JsonParser parser = MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BoundaryFormatException(fileName + " is not a GeoJSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("crs".equals(field)) {
                    named = namedCrs(parser.readValueAsTree(), fileName);
                } else if ("features".equals(field) && parser.currentToken() == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        feature++;
                        JsonNode node = parser.readValueAsTree();
                        JsonNode properties = node.path("properties");
                        if (collector == null) {
                            collector = new BoundaryReader.Collector(fileName, codeField(properties, fileName));
                        }
                        JsonNode geometry = node.path("geometry");
                        if (crs == null && geometry.isObject()) {
                            crs = named != null ? named : sniff(geometry, fileName, feature);
                        }
                        CodeField codeField = collector.codeField();
                        collector.add(feature, text(properties, codeField.field()),
                                codeField.nameField() == null ? null : text(properties, codeField.nameField()),
                                geometry(geometry, crs, fileName, feature));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BoundaryFormatException(fileName + " is not valid JSON after feature " + feature + ": "
                    + e.getOriginalMessage(), e);
        }
        if (collector == null) {
            throw new BoundaryFormatException(fileName + " holds no features");
        }
        return collector.result(BoundaryFile.Format.GEOJSON, (crs == null ? Crs.WGS84 : crs).label);
    }

    private static CodeField codeField(JsonNode properties, String fileName) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return CodeField.detect(names).orElseThrow(() -> new BoundaryFormatException(fileName
                + ": no area code field (" + CodeField.EXPECTED + ") in the properties of feature 1 (it has: "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + ")"));
    }

    private static @Nullable String text(JsonNode properties, String field) {
        JsonNode value = properties.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Crs namedCrs(JsonNode crs, String fileName) {
        String name = crs.path("properties").path("name").asText("");
        if (name.matches(".*EPSG:+27700")) {
            return Crs.BNG;
        }
        if (name.matches(".*EPSG:+4326") || name.endsWith("CRS84")) {
            return Crs.WGS84;
        }
        throw new BoundaryFormatException(fileName + ": coordinate system '" + name
                + "' is not supported (WGS84 EPSG:4326 or British National Grid EPSG:27700)");
    }

    private static Crs sniff(JsonNode geometry, String fileName, int feature) {
        JsonNode c = geometry.path("coordinates");
        while (c.isArray() && c.size() > 0 && c.get(0).isArray()) {
            c = c.get(0);
        }
        if (c.size() >= 2 && c.get(0).isNumber() && c.get(1).isNumber()) {
            double x = c.get(0).asDouble();
            double y = c.get(1).asDouble();
            if (x >= -10 && x <= 5 && y >= 48 && y <= 62) {
                return Crs.WGS84;
            }
            if (x >= -100_000 && x <= 800_000 && y >= -100_000 && y <= 1_300_000) {
                return Crs.BNG;
            }
            throw new BoundaryFormatException(fileName + ", feature " + feature + ": coordinates (" + x + ", " + y
                    + ") are neither WGS84 degrees nor British National Grid metres in Great Britain");
        }
        throw new BoundaryFormatException(fileName + ", feature " + feature + ": malformed geometry (no coordinates)");
    }

    private static @Nullable Geometry geometry(JsonNode geometry, @Nullable Crs crs, String fileName, int feature) {
        if (geometry.isMissingNode() || geometry.isNull()) {
            return null;
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.path("coordinates");
        try {
            return switch (type) {
                case "Polygon" -> polygon(coordinates, crs);
                case "MultiPolygon" -> {
                    if (!coordinates.isArray()) {
                        throw new IllegalArgumentException("coordinates are not an array");
                    }
                    Polygon[] parts = new Polygon[coordinates.size()];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = polygon(coordinates.get(i), crs);
                    }
                    yield BoundaryReader.FACTORY.createMultiPolygon(parts);
                }
                case "Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection" ->
                        throw new BoundaryFormatException(fileName + ", feature " + feature + ": a " + type
                                + " is not an area (Polygon or MultiPolygon expected)");
                default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new BoundaryFormatException(fileName + ", feature " + feature + ": malformed geometry ("
                    + e.getMessage() + ")", e);
        }
    }

    private static Polygon polygon(JsonNode rings, @Nullable Crs crs) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least one ring");
        }
        LinearRing shell = ring(rings.get(0), crs);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), crs);
        }
        return BoundaryReader.FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, @Nullable Crs crs) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new IllegalArgumentException("a ring needs at least 4 positions, has "
                    + (positions.isArray() ? positions.size() : 0));
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode p = positions.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("position " + (i + 1) + " of a ring is not [x, y]: " + p);
            }
            coordinates[i] = toGrid(p.get(0).asDouble(), p.get(1).asDouble(), crs);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new IllegalArgumentException("a ring is not closed (its first and last positions differ)");
        }
        return BoundaryReader.FACTORY.createLinearRing(coordinates);
    }

    private static Coordinate toGrid(double x, double y, @Nullable Crs crs) {
        Coordinate c;
        if (crs == Crs.WGS84) {
            double[] en = Osgb.toNationalGrid(x, y);
            c = new Coordinate(en[0], en[1]);
        } else {
            c = new Coordinate(x, y);
        }
        BoundaryReader.FACTORY.getPrecisionModel().makePrecise(c);
        return c;
    }
}
