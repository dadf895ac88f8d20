package org.perinatalequity.demodata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Synthetic boundaries for the synthetic geography, in the ONS GeoJSON layout (British National Grid, named crs):
 * local authorities are the Voronoi cells of their centres within 12 km of the hull of the centres; each LSOA is
 * the Voronoi cell of its postcodes' centroid within its authority (a random point of the authority when the
 * centroid falls outside it or on another); MSOAs (about five LSOAs), wards (about three) and the LMNS's
 * neighbourhoods (about fifteen) are LSOAs of one authority grouped round seed LSOAs and dissolved. Drawn from their
 * own random stream, so the other files stay as they were.
 */
final class BoundaryFiles {

    static final String LSOA_FILE = "LSOA_2011_synthetic_LLR_BGC.geojson";
    static final String MSOA_FILE = "MSOA_2011_synthetic_LLR_BGC.geojson";
    static final String WARD_FILE = "Wards_2023_synthetic_LLR_BGC.geojson";
    static final String LAD_FILE = "LAD_2023_synthetic_LLR_BGC.geojson";
    static final String NEIGHBOURHOOD_FILE = "llr_neighbourhoods.csv";

    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(1), 27700);

    private BoundaryFiles() {
    }

    private record Area(String code, String name, Geometry shape) {
    }

    static List<Path> write(Path dir, Geography geo, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0xB0DA_2011L);
        Map<LocalAuthority, Geometry> regions = authorityRegions(geo.authorities());
        List<Area> lads = new ArrayList<>();
        List<Area> lsoas = new ArrayList<>();
        List<Area> msoas = new ArrayList<>();
        List<Area> wards = new ArrayList<>();
        List<String[]> neighbourhoods = new ArrayList<>();
        int msoa = 900_001;
        int ward = 900_001;
        int neighbourhood = 1;
        for (LocalAuthority la : geo.authorities()) {
            Geometry region = regions.get(la);
            lads.add(new Area(la.code(), la.name(), region));
            List<Lsoa> own = geo.lsoas(la);
            List<Geometry> cells = lsoaCells(own, region, rnd);
            for (int i = 0; i < own.size(); i++) {
                lsoas.add(new Area(own.get(i).code(), own.get(i).name(), cells.get(i)));
            }
            for (List<Integer> group : groups(cells, 5)) {
                msoas.add(new Area("E02" + msoa, String.format("%s %03d", la.name(), msoa - 900_000),
                        dissolve(cells, group)));
                msoa++;
            }
            int wardInLa = 1;
            for (List<Integer> group : groups(cells, 3)) {
                wards.add(new Area("E05" + ward++, la.name() + " Ward " + wardInLa++, dissolve(cells, group)));
            }
            if (la.place() != Place.OUTSIDE_LLR) {
                int inLa = 1;
                for (List<Integer> group : groups(cells, 15)) {
                    String code = String.format("LLR-N%02d", neighbourhood++);
                    String name = la.name() + " neighbourhood " + inLa++;
                    group.forEach(i -> neighbourhoods.add(new String[] { own.get(i).code(), code, name }));
                }
            }
        }
        List<Path> files = new ArrayList<>();
        files.add(geoJson(dir.resolve(LSOA_FILE), "LSOA11", lsoas));
        files.add(geoJson(dir.resolve(MSOA_FILE), "MSOA11", msoas));
        files.add(geoJson(dir.resolve(WARD_FILE), "WD23", wards));
        files.add(geoJson(dir.resolve(LAD_FILE), "LAD23", lads));
        Path n = dir.resolve(NEIGHBOURHOOD_FILE);
        try (TableWriter w = new TableWriter("neighbourhoods", n, List.of("LSOA11CD", "neighbourhood_code",
                "neighbourhood_name"))) {
            for (String[] row : neighbourhoods) {
                w.set(0, row[0]).set(1, row[1]).set(2, row[2]);
                w.emit();
            }
        }
        files.add(n);
        return files;
    }

    /** Voronoi cells of the authorities' centres, clipped to 12 km round the centres' convex hull. */
    private static Map<LocalAuthority, Geometry> authorityRegions(List<LocalAuthority> authorities) {
        Coordinate[] centres = authorities.stream().map(la -> new Coordinate(la.easting(), la.northing()))
                .toArray(Coordinate[]::new);
        MultiPoint points = FACTORY.createMultiPointFromCoords(centres);
        Geometry outline = points.convexHull().buffer(12_000, 4);
        Map<Coordinate, Geometry> cells = voronoi(points, outline.getEnvelopeInternal());
        Map<LocalAuthority, Geometry> regions = new LinkedHashMap<>();
        for (int i = 0; i < authorities.size(); i++) {
            regions.put(authorities.get(i), clean(cells.get(centres[i]).intersection(outline)));
        }
        return regions;
    }

    private static List<Geometry> lsoaCells(List<Lsoa> own, Geometry region, SplittableRandom rnd) {
        List<Coordinate> sites = new ArrayList<>();
        java.util.Set<Coordinate> used = new java.util.HashSet<>();
        for (Lsoa lsoa : own) {
            double e = lsoa.postcodes().stream().mapToInt(PostcodeEntry::easting).average().orElse(0);
            double n = lsoa.postcodes().stream().mapToInt(PostcodeEntry::northing).average().orElse(0);
            Coordinate c = new Coordinate(Math.round(e), Math.round(n));
            while (!region.covers(FACTORY.createPoint(c)) || used.contains(c)) {
                Envelope box = region.getEnvelopeInternal();
                c = new Coordinate(Math.round(box.getMinX() + rnd.nextDouble() * box.getWidth()),
                        Math.round(box.getMinY() + rnd.nextDouble() * box.getHeight()));
            }
            used.add(c);
            sites.add(c);
        }
        Map<Coordinate, Geometry> cells = voronoi(FACTORY.createMultiPointFromCoords(sites.toArray(Coordinate[]::new)),
                region.getEnvelopeInternal());
        List<Geometry> clipped = new ArrayList<>();
        for (Coordinate site : sites) {
            clipped.add(clean(cells.get(site).intersection(region)));
        }
        return clipped;
    }

    private static Map<Coordinate, Geometry> voronoi(Geometry sites, Envelope clip) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        Envelope frame = new Envelope(clip);
        frame.expandBy(5_000);
        builder.setClipEnvelope(frame);
        Geometry diagram = builder.getDiagram(FACTORY);
        Map<Coordinate, Geometry> bySite = new LinkedHashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            bySite.put((Coordinate) cell.getUserData(), cell);
        }
        return bySite;
    }

    /** Groups of about {@code size} neighbouring cells: every size-th cell seeds a group, each cell joins the nearest seed. */
    private static List<List<Integer>> groups(List<Geometry> cells, int size) {
        int count = Math.max(1, (cells.size() + size - 1) / size);
        List<Point> seeds = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            seeds.add(cells.get(g * cells.size() / count).getInteriorPoint());
        }
        List<List<Integer>> groups = new ArrayList<>();
        seeds.forEach(s -> groups.add(new ArrayList<>()));
        for (int i = 0; i < cells.size(); i++) {
            Point p = cells.get(i).getInteriorPoint();
            int best = 0;
            for (int g = 1; g < seeds.size(); g++) {
                if (seeds.get(g).distance(p) < seeds.get(best).distance(p)) {
                    best = g;
                }
            }
            groups.get(best).add(i);
        }
        groups.removeIf(List::isEmpty);
        return groups;
    }

    private static Geometry dissolve(List<Geometry> cells, List<Integer> group) {
        return clean(CascadedPolygonUnion.union(group.stream().map(cells::get).toList()));
    }

    /** Polygons only, on the metre grid, valid. */
    private static Geometry clean(Geometry g) {
        List<Polygon> polygons = new ArrayList<>();
        Geometry precise = org.locationtech.jts.precision.GeometryPrecisionReducer.reduce(g, FACTORY.getPrecisionModel());
        for (int i = 0; i < precise.getNumGeometries(); i++) {
            if (precise.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                polygons.add(p);
            }
        }
        return polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static Path geoJson(Path file, String prefix, List<Area> areas) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"name\":\"" + file.getFileName().toString().replace(".geojson", "")
                    + "\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::27700\"}},"
                    + "\"features\":[\n");
            int fid = 1;
            for (Area a : areas) {
                Point c = a.shape().getInteriorPoint();
                w.write((fid > 1 ? ",\n" : "") + "{\"type\":\"Feature\",\"properties\":{\"FID\":" + fid++ + ",\""
                        + prefix + "CD\":\"" + a.code() + "\",\"" + prefix + "NM\":\"" + a.name() + "\",\"BNG_E\":"
                        + (long) c.getX() + ",\"BNG_N\":" + (long) c.getY() + "},\"geometry\":" + geometry(a.shape())
                        + "}");
            }
            w.write("\n]}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String geometry(Geometry g) {
        StringBuilder b = new StringBuilder();
        if (g instanceof Polygon p) {
            b.append("{\"type\":\"Polygon\",\"coordinates\":");
            polygon(b, p);
        } else {
            b.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                polygon(b, (Polygon) g.getGeometryN(i));
            }
            b.append(']');
        }
        return b.append('}').toString();
    }

    private static void polygon(StringBuilder b, Polygon p) {
        b.append('[');
        ring(b, p.getExteriorRing().getCoordinates());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            b.append(',');
            ring(b, p.getInteriorRingN(i).getCoordinates());
        }
        b.append(']');
    }

    private static void ring(StringBuilder b, Coordinate[] coordinates) {
        b.append('[');
        for (int i = 0; i < coordinates.length; i++) {
            b.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "[%d,%d]", Math.round(coordinates[i].x),
                    Math.round(coordinates[i].y)));
        }
        b.append(']');
    }
}
