package org.perinatalequity.geography;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;

/** ONS-layout boundary files for tests: GeoJSON features with ONS's properties, and a minimal GeoPackage. */
public final class BoundaryFixtures {

    private BoundaryFixtures() {
    }

    /** A GeoJSON Polygon: a square of side {@code size} with its south-west corner at (x, y). */
    public static String square(double x, double y, double size) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                x, y, x + size, y, x + size, y + size, x, y + size, x, y);
    }

    /** An ONS-style LSOA 2021 feature: FID, LSOA21CD, LSOA21NM, LSOA21NMW, BNG_E, BNG_N, LONG, LAT, GlobalID. */
    public static String lsoa21(int fid, String code, String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"FID\":" + fid + ",\"LSOA21CD\":\"" + code
                + "\",\"LSOA21NM\":\"" + name + "\",\"LSOA21NMW\":\" \",\"BNG_E\":0,\"BNG_N\":0,\"LONG\":0,\"LAT\":0,"
                + "\"GlobalID\":\"{" + fid + "}\"},\"geometry\":" + geometry + "}";
    }

    public static String collection(String crsName, String... features) {
        return "{\"type\":\"FeatureCollection\",\"name\":\"LSOA_2021_EW_BGC_V3\","
                + (crsName == null ? "" : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crsName + "\"}},")
                + "\"features\":[" + String.join(",", features) + "]}";
    }

    /** A GeoPackage per OGC 12-128 with its required tables and one feature table of squares in EPSG:27700. */
    public static void geoPackage(Path file, String table, String codeField, Object[][] codeNameXy) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement st = c.createStatement()) {
            st.execute("PRAGMA application_id = 1196444487"); // 'GPKG'
            st.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,"
                    + " description TEXT)");
            st.execute("INSERT INTO gpkg_spatial_ref_sys VALUES ('OSGB36 / British National Grid', 27700, 'EPSG',"
                    + " 27700, 'PROJCS[\"OSGB36 / British National Grid\"]', NULL)");
            st.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE,"
                    + " max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)");
            st.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
                    + " m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name))");
            st.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('" + table
                    + "', 'features', '" + table + "', 27700)");
            st.execute("INSERT INTO gpkg_geometry_columns VALUES ('" + table + "', 'SHAPE', 'MULTIPOLYGON', 27700, 0, 0)");
            String nameField = codeField.substring(0, codeField.length() - 2) + "NM";
            st.execute("CREATE TABLE \"" + table + "\" (OBJECTID INTEGER PRIMARY KEY AUTOINCREMENT, SHAPE BLOB, "
                    + codeField + " TEXT, " + nameField + " TEXT, Shape__Area REAL)");
            GeometryFactory f = new GeometryFactory();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"" + table + "\" (SHAPE, " + codeField + ", "
                    + nameField + ") VALUES (?, ?, ?)")) {
                for (Object[] row : codeNameXy) {
                    double x = ((Number) row[2]).doubleValue();
                    double y = ((Number) row[3]).doubleValue();
                    double size = ((Number) row[4]).doubleValue();
                    Polygon p = f.createPolygon(new Coordinate[] { new Coordinate(x, y), new Coordinate(x + size, y),
                            new Coordinate(x + size, y + size), new Coordinate(x, y + size), new Coordinate(x, y) });
                    ps.setBytes(1, gpkgBlob(f.createMultiPolygon(new Polygon[] { p }), 27700));
                    ps.setString(2, (String) row[0]);
                    ps.setString(3, (String) row[1]);
                    ps.executeUpdate();
                }
            }
        }
    }

    /** GeoPackage binary: "GP", version 0, flags (little-endian, 32-byte xy envelope), SRS id, envelope, WKB. */
    static byte[] gpkgBlob(org.locationtech.jts.geom.Geometry g, int srs) {
        byte[] wkb = new WKBWriter(2, ByteOrder.LITTLE_ENDIAN == ByteOrder.nativeOrder() ? 2 : 1).write(g);
        ByteBuffer b = ByteBuffer.allocate(8 + 32 + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 0b0000_0011).putInt(srs);
        var e = g.getEnvelopeInternal();
        b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        b.put(wkb);
        return b.array();
    }
}
