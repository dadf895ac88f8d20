package org.perinatalequity.geography;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A GeoPackage (OGC 12-128r18): an SQLite file whose {@code gpkg_contents} names its feature tables and
 * {@code gpkg_geometry_columns} each table's geometry column and coordinate system. The first feature table is read;
 * each geometry is a GeoPackage binary blob: the {@code GP} header (version, flags, SRS id, an optional envelope)
 * followed by standard WKB. Opened read-only; the file is never changed.
 */
final class GeoPackageBoundaries {

    private GeoPackageBoundaries() {
    }

    static BoundaryFile read(Path file, String fileName) {
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly)) {
            String table;
            String column;
            int srs;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT g.table_name, g.column_name, g.srs_id FROM gpkg_geometry_columns g
                    JOIN gpkg_contents c ON c.table_name = g.table_name WHERE c.data_type = 'features'
                    ORDER BY g.table_name""")) {
                if (!rs.next()) {
                    throw new BoundaryFormatException(fileName + " is a GeoPackage with no feature table");
                }
                table = rs.getString(1);
                column = rs.getString(2);
                srs = rs.getInt(3);
            }
            String crs = switch (srs) {
                case 27700 -> "EPSG:27700";
                case 4326 -> "EPSG:4326";
                default -> throw new BoundaryFormatException(fileName + ": table " + table + " is in coordinate system "
                        + srs + ", not WGS84 (4326) or British National Grid (27700)");
            };
            List<String> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM pragma_table_info(?)")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
            CodeField codeField = CodeField.detect(columns).orElseThrow(() -> new BoundaryFormatException(fileName
                    + ": no area code field (" + CodeField.EXPECTED + ") in table " + table + " (it has: "
                    + String.join(", ", columns) + ")"));
            BoundaryReader.Collector collector = new BoundaryReader.Collector(fileName, codeField);
            String sql = "SELECT " + quote(codeField.field()) + ", "
                    + (codeField.nameField() == null ? "NULL" : quote(codeField.nameField())) + ", " + quote(column)
                    + " FROM " + quote(table) + " ORDER BY rowid";
            WKBReader wkb = new WKBReader(BoundaryReader.FACTORY);
            int feature = 0;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    feature++;
                    Geometry shape = geometry(rs.getBytes(3), wkb, srs == 4326, fileName, feature);
                    collector.add(feature, rs.getString(1), rs.getString(2), shape);
                }
            }
            return collector.result(BoundaryFile.Format.GEOPACKAGE, crs);
        } catch (SQLException e) {
            throw new BoundaryFormatException(fileName + " is not a readable GeoPackage: " + e.getMessage(), e);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A GeoPackage binary geometry: magic, version, flags, SRS id, envelope, then WKB. */
    static @Nullable Geometry geometry(byte @Nullable [] blob, WKBReader wkb, boolean wgs84, String fileName,
            int feature) {
        if (blob == null) {
            return null;
        }
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new BoundaryFormatException(fileName + ", feature " + feature
                    + ": malformed geometry (not a GeoPackage geometry blob: no GP header)");
        }
        int flags = blob[3];
        boolean empty = (flags & 0x10) != 0;
        int envelope = (flags >> 1) & 0x07;
        int envelopeBytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new BoundaryFormatException(fileName + ", feature " + feature
                    + ": malformed geometry (envelope code " + envelope + ")");
        };
        if (empty) {
            return null;
        }
        int offset = 8 + envelopeBytes;
        if (blob.length <= offset) {
            throw new BoundaryFormatException(fileName + ", feature " + feature + ": malformed geometry (truncated)");
        }
        byte[] body = java.util.Arrays.copyOfRange(blob, offset, blob.length);
        try {
            Geometry g = wkb.read(body);
            g.apply(new ToGrid(wgs84));
            g.geometryChanged();
            return g;
        } catch (ParseException | RuntimeException e) {
            throw new BoundaryFormatException(fileName + ", feature " + feature + ": malformed geometry ("
                    + e.getMessage() + ")", e);
        }
    }

    /** WGS84 → National Grid where needed, then the centimetre grid, in place. */
    private record ToGrid(boolean wgs84) implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            double x = seq.getX(i);
            double y = seq.getY(i);
            if (wgs84) {
                double[] en = Osgb.toNationalGrid(x, y);
                x = en[0];
                y = en[1];
            }
            Coordinate c = new Coordinate(x, y);
            BoundaryReader.FACTORY.getPrecisionModel().makePrecise(c);
            seq.setOrdinate(i, 0, c.x);
            seq.setOrdinate(i, 1, c.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
