package org.perinatalequity.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.perinatalequity.geography.AreaLevel;
import org.perinatalequity.geography.Boundary;
import org.perinatalequity.geography.BoundaryFile;
import org.perinatalequity.geography.BoundaryFormatException;
import org.perinatalequity.geography.BoundaryReader;
import org.perinatalequity.ingest.ExtractFiles;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Boundary files into {@code ref_boundary}, clipped to the LMNS's own areas (db/045-boundaries.sql):
 * <ul>
 * <li>an LSOA is the LMNS's own when the postcode directory or an IoD file puts it in an LLR local authority
 * ({@code v_lmns_lsoa}, 2011 codes and, through the lookup, their 2021 successors);</li>
 * <li>an MSOA, ward or local authority is the LMNS's own when it holds the interior point of one of the LMNS's LSOA
 * boundaries, which must therefore be loaded first (in the same call or before).</li>
 * </ul>
 * Everything else in the file is left out, counted in a warning. After every load each LSOA is given the MSOA, ward
 * and local authority holding its interior point ({@code ref_lsoa_area}), so that maps of larger areas add up their
 * LSOAs. Files of one level and vintage replace that level and vintage whole.
 */
final class BoundaryLoader {

    /** A boundary file read (outside the transaction) with the checksum logged in {@code ref_file}. */
    record Read(String name, BoundaryFile content, String sha256) {
    }

    private BoundaryLoader() {
    }

    static boolean isBoundaryFile(Path file) {
        try {
            return BoundaryReader.sniff(file).isPresent();
        } catch (IOException e) {
            // The file system's wording stays out of the message: the sender is told what happened.
            throw new ReferenceRefusedException(file.getFileName() + " cannot be read: the file could not be opened or"
                    + " read to its end", e);
        }
    }

    static Read read(ExtractFiles.SourceFile file) {
        try {
            return new Read(file.name(), BoundaryReader.read(file.path(), file.name()), sha256(file.path()));
        } catch (BoundaryFormatException e) {
            throw new ReferenceRefusedException(e.getMessage(), e);
        }
    }

    static List<ReferenceReport.LoadedFile> load(Connection connection, List<Read> files, String user,
            List<String> warnings) throws SQLException {
        Set<String> ownLsoas = new TreeSet<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT lsoa FROM v_lmns_lsoa")) {
            while (rs.next()) {
                ownLsoas.add(rs.getString(1));
            }
        }
        if (ownLsoas.isEmpty()) {
            throw new ReferenceRefusedException("Boundaries are kept for the LMNS's own areas only, and no LSOA is known"
                    + " yet: load the postcode directory (or an IoD File 7) first, or in the same call");
        }
        // LSOAs first: larger areas are kept by the LSOAs they hold.
        List<Read> ordered = files.stream().sorted(Comparator.comparing(r -> r.content().codeField().level())).toList();
        List<ReferenceReport.LoadedFile> loaded = new ArrayList<>();
        Map<String, Boolean> replaced = new LinkedHashMap<>();
        for (Read read : ordered) {
            BoundaryFile file = read.content();
            warnings.addAll(file.warnings());
            AreaLevel level = file.codeField().level();
            List<Boundary> kept = level == AreaLevel.LSOA
                    ? file.boundaries().stream().filter(b -> ownLsoas.contains(b.code())).toList()
                    : holdingLsoas(connection, file.boundaries());
            if (kept.isEmpty()) {
                throw new ReferenceRefusedException(read.name() + " holds none of the LMNS's areas (" + (level
                        == AreaLevel.LSOA ? ownLsoas.size() + " LSOAs known, e.g. " + ownLsoas.iterator().next()
                                + "; is the file of the other LSOA vintage? load the 2011 to 2021 lookup)"
                                : "no " + level.name() + " holds one of the LMNS's LSOA boundaries; load those first)"));
            }
            int left = file.boundaries().size() - kept.size();
            if (left > 0) {
                warnings.add(read.name() + ": " + left + " of " + file.boundaries().size() + " areas are outside the"
                        + " LMNS and were left out");
            }
            String key = level.id() + ":" + file.codeField().vintage();
            if (replaced.putIfAbsent(key, true) == null) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "DELETE FROM ref_boundary WHERE level = ? AND vintage = ?")) {
                    ps.setString(1, level.id());
                    ps.setString(2, file.codeField().vintage());
                    ps.executeUpdate();
                }
            }
            insert(connection, level, file.codeField().vintage(), kept);
            loaded.add(new ReferenceReport.LoadedFile(read.name(), "boundary", file.description(),
                    file.codeField().vintage(), kept.size()));
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO ref_file VALUES (current_localtimestamp(), 'boundary', ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, file.description());
                ps.setString(2, file.codeField().vintage());
                ps.setString(3, read.name());
                ps.setString(4, read.sha256());
                ps.setLong(5, kept.size());
                ps.setString(6, user);
                ps.executeUpdate();
            }
        }
        assignLsoas(connection);
        return loaded;
    }

    private static void insert(Connection connection, AreaLevel level, String vintage, List<Boundary> areas)
            throws SQLException {
        WKBWriter writer = new WKBWriter();
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO ref_boundary VALUES (?, ?, ?, ?, ?)")) {
            for (Boundary b : areas) {
                ps.setString(1, level.id());
                ps.setString(2, vintage);
                ps.setString(3, b.code());
                ps.setString(4, b.name());
                ps.setBytes(5, writer.write(b.shape()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The LMNS's LSOA interior points as stored, for keeping and assigning larger areas. */
    private static Map<String, Point> lsoaPoints(Connection connection) throws SQLException {
        Map<String, Point> points = new LinkedHashMap<>();
        WKBReader reader = new WKBReader();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT code, shape FROM ref_boundary WHERE level = 'lsoa' ORDER BY vintage DESC, code")) {
            while (rs.next()) {
                points.putIfAbsent(rs.getString(1), reader.read(rs.getBytes(2)).getInteriorPoint());
            }
        } catch (ParseException e) {
            throw new SQLException("A stored LSOA boundary cannot be read: " + e.getMessage(), e);
        }
        return points;
    }

    private static List<Boundary> holdingLsoas(Connection connection, List<Boundary> areas) throws SQLException {
        Map<String, Point> points = lsoaPoints(connection);
        STRtree index = new STRtree();
        points.values().forEach(p -> index.insert(p.getEnvelopeInternal(), p));
        List<Boundary> kept = new ArrayList<>();
        for (Boundary area : areas) {
            for (Object candidate : index.query(area.shape().getEnvelopeInternal())) {
                if (area.shape().covers((Point) candidate)) {
                    kept.add(area);
                    break;
                }
            }
        }
        return kept;
    }

    /** Each LSOA's MSOA, ward and local authority: the stored area of that level covering its interior point. */
    private static void assignLsoas(Connection connection) throws SQLException {
        Map<String, Point> points = lsoaPoints(connection);
        try (Statement st = connection.createStatement()) {
            st.execute("DELETE FROM ref_lsoa_area");
        }
        WKBReader reader = new WKBReader();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT level, code, shape FROM ref_boundary WHERE level <> 'lsoa' ORDER BY level, vintage DESC, code");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT OR IGNORE INTO ref_lsoa_area VALUES (?, ?, ?)")) {
            Map<String, STRtree> byLevel = new LinkedHashMap<>();
            while (rs.next()) {
                Geometry shape = reader.read(rs.getBytes(3));
                shape.setUserData(rs.getString(2));
                byLevel.computeIfAbsent(rs.getString(1), k -> new STRtree()).insert(shape.getEnvelopeInternal(), shape);
            }
            for (Map.Entry<String, STRtree> level : byLevel.entrySet()) {
                for (Map.Entry<String, Point> lsoa : points.entrySet()) {
                    for (Object o : level.getValue().query(lsoa.getValue().getEnvelopeInternal())) {
                        Geometry area = (Geometry) o;
                        if (area.covers(lsoa.getValue())) {
                            insert.setString(1, level.getKey());
                            insert.setString(2, lsoa.getKey());
                            insert.setString(3, (String) area.getUserData());
                            insert.addBatch();
                            break;
                        }
                    }
                }
            }
            insert.executeBatch();
        } catch (ParseException e) {
            throw new SQLException("A stored boundary cannot be read: " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            // The file system's wording stays out of the message: the sender is told what happened.
            throw new ReferenceRefusedException(file.getFileName() + " cannot be read: the file could not be opened or"
                    + " read to its end", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
