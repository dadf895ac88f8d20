package org.perinatalequity.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The loaded boundaries as shapes (British National Grid metres) keyed by the codes the breakdowns group by: LSOAs
 * by their own code of either vintage (a 2011 code with no boundary of its own is drawn as the union of its 2021
 * successors in the lookup), MSOAs and wards by their codes, neighbourhoods as the union of their LSOAs, and the
 * LLR places as the union of their local authorities. SQL only selects by code;
 * the geometry is read in Java (db/045-boundaries.sql).
 */
@Service
public class Boundaries {

    private final JdbcClient jdbc;

    Boundaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Geometry> lsoas() {
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        WKBReader reader = new WKBReader();
        jdbc.sql("SELECT code, shape FROM ref_boundary WHERE level = 'lsoa' ORDER BY code, vintage DESC")
                .query(rs -> {
                    shapes.putIfAbsent(rs.getString(1), read(reader, rs.getBytes(2)));
                });
        Map<String, List<Geometry>> successors = new LinkedHashMap<>();
        jdbc.sql("SELECT lsoa11, lsoa21 FROM ref_lsoa_lookup ORDER BY lsoa11, lsoa21").query(rs -> {
            Geometry shape = shapes.get(rs.getString(2));
            if (shape != null && !shapes.containsKey(rs.getString(1))) {
                successors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(shape);
            }
        });
        successors.forEach((code, parts) -> shapes.put(code, CascadedPolygonUnion.union(parts)));
        return shapes;
    }

    /**
     * The MSOAs or wards ({@code level} {@code msoa} or {@code ward}) that the LMNS's LSOAs lie in
     * ({@code ref_lsoa_area}), the areas the breakdown by that level groups into; the latest vintage of each code.
     */
    public Map<String, Geometry> areas(String level) {
        if (!level.equals("msoa") && !level.equals("ward")) {
            throw new IllegalArgumentException("Not an area level of ref_lsoa_area: " + level);
        }
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        WKBReader reader = new WKBReader();
        jdbc.sql("""
                SELECT code, shape FROM ref_boundary WHERE level = :level
                AND code IN (SELECT code FROM ref_lsoa_area WHERE level = :level) ORDER BY code, vintage DESC""")
                .param("level", level).query(rs -> {
                    shapes.putIfAbsent(rs.getString(1), read(reader, rs.getBytes(2)));
                });
        return shapes;
    }

    /**
     * The LMNS's neighbourhoods: each the union of the stored LSOA boundaries the neighbourhood file puts in it
     * (through {@code v_lsoa_area}, so a file of either LSOA vintage meets boundaries of either).
     */
    public Map<String, Geometry> neighbourhoods() {
        Map<String, List<Geometry>> parts = new LinkedHashMap<>();
        WKBReader reader = new WKBReader();
        jdbc.sql("""
                SELECT a.neighbourhood, b.shape FROM ref_boundary b JOIN v_lsoa_area a ON a.lsoa = b.code
                WHERE b.level = 'lsoa' AND a.neighbourhood IS NOT NULL ORDER BY a.neighbourhood, b.code, b.vintage""")
                .query(rs -> {
                    parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(read(reader, rs.getBytes(2)));
                });
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        parts.forEach((code, list) -> shapes.put(code, CascadedPolygonUnion.union(list)));
        return shapes;
    }

    /** Leicester, Leicestershire, Rutland: the union of each place's local authority boundaries. */
    public Map<String, Geometry> places() {
        Map<String, List<Geometry>> parts = new LinkedHashMap<>();
        WKBReader reader = new WKBReader();
        jdbc.sql("""
                SELECT p.place, b.shape FROM ref_boundary b JOIN ref_llr_place p ON p.la_code = b.code
                WHERE b.level = 'lad' ORDER BY p.place, b.code, b.vintage DESC""").query(rs -> {
                    parts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(read(reader, rs.getBytes(2)));
                });
        Map<String, Geometry> shapes = new LinkedHashMap<>();
        parts.forEach((place, list) -> shapes.put(place, CascadedPolygonUnion.union(list)));
        return shapes;
    }

    private static Geometry read(WKBReader reader, byte[] wkb) {
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored boundary cannot be read: " + e.getMessage(), e);
        }
    }
}
