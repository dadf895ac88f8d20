package org.perinatalequity.maps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * A map of 1,000 LSOA-like areas (Voronoi cells over 40 km, as the sample's) drawn as SVG and as PNG, with the
 * shapes decoded from WKB each time as the server does. Not part of {@code verify}:
 * {@code ./mvnw test -Dtest=ChoroplethBenchmark -Dbenchmark=true} (docs/benchmarks.md). Target: under 300 ms.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ChoroplethBenchmark {

    @Test
    void rendersAThousandAreaMap() throws Exception {
        GeometryFactory f = new GeometryFactory();
        SplittableRandom rnd = new SplittableRandom(17);
        Coordinate[] sites = new Coordinate[1000];
        for (int i = 0; i < sites.length; i++) {
            sites[i] = new Coordinate(440_000 + rnd.nextDouble() * 40_000, 285_000 + rnd.nextDouble() * 40_000);
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(f.createMultiPointFromCoords(sites));
        builder.setClipEnvelope(new Envelope(440_000, 480_000, 285_000, 325_000));
        Geometry cells = builder.getDiagram(f);
        Geometry frame = f.toGeometry(new Envelope(440_000, 480_000, 285_000, 325_000));
        List<byte[]> stored = new ArrayList<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            stored.add(new WKBWriter().write(cells.getGeometryN(i).intersection(frame)));
        }
        Choropleth.MapText text = new Choropleth.MapText("Benchmark by LSOA", "Value (%)", "Worse", "Better",
                "Suppressed");
        long[] svg = new long[15];
        long[] png = new long[15];
        for (int run = 0; run < svg.length; run++) {
            long t = System.nanoTime();
            WKBReader reader = new WKBReader();
            List<MapArea> areas = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                MapArea.Significance s = i % 11 == 0 ? MapArea.Significance.WORSE_OR_HIGHER
                        : i % 13 == 0 ? MapArea.Significance.BETTER_OR_LOWER : MapArea.Significance.SIMILAR;
                double value = 3 + (i * 7919 % 1000) / 100.0;
                areas.add(new MapArea(String.format("E0190%04d", i), "Area " + i, reader.read(stored.get(i)),
                        i % 17 == 0 ? null : value, String.format(Locale.UK, "%.1f%%", value), i % 17 == 0, s));
            }
            MapImage image = Choropleth.render(areas, text, 960, 640);
            String s = image.svg();
            svg[run] = System.nanoTime() - t;
            long p = System.nanoTime();
            byte[] bytes = image.png();
            png[run] = System.nanoTime() - p;
            if (run == 0) {
                System.out.printf(Locale.ROOT, "%nMap benchmark: %d areas, SVG %,d bytes, PNG %,d bytes%n", areas.size(),
                        s.length(), bytes.length);
            }
        }
        System.out.printf(Locale.ROOT, "Map benchmark: SVG (decode + classes + SVG) median %.0f ms, PNG median %.0f ms"
                + " (15 runs, first 5 warm-up)%n%n", median(svg), median(png));
    }

    /**
     * Neighbourhood shapes: the same 1,000 cells dissolved into 64 neighbourhoods (the cells whose sites share a 5 km
     * square, about 16 each), as {@code Boundaries.neighbourhoods()} unions LSOAs; decode and union, per data version.
     */
    @Test
    void dissolvesAThousandLsoasIntoNeighbourhoods() throws Exception {
        GeometryFactory f = new GeometryFactory();
        SplittableRandom rnd = new SplittableRandom(17);
        Coordinate[] sites = new Coordinate[1000];
        for (int i = 0; i < sites.length; i++) {
            sites[i] = new Coordinate(440_000 + rnd.nextDouble() * 40_000, 285_000 + rnd.nextDouble() * 40_000);
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(f.createMultiPointFromCoords(sites));
        Envelope box = new Envelope(440_000, 480_000, 285_000, 325_000);
        builder.setClipEnvelope(box);
        Geometry cells = builder.getDiagram(f);
        Geometry frame = f.toGeometry(box);
        java.util.Map<Integer, List<byte[]>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            Coordinate site = (Coordinate) cell.getUserData();
            int group = (int) ((site.x - 440_000) / 5_000) * 8 + (int) ((site.y - 285_000) / 5_000);
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(new WKBWriter().write(cell.intersection(frame)));
        }
        long[] times = new long[15];
        double area = 0;
        for (int run = 0; run < times.length; run++) {
            long t = System.nanoTime();
            WKBReader reader = new WKBReader();
            area = 0;
            for (List<byte[]> group : groups.values()) {
                List<Geometry> parts = new ArrayList<>();
                for (byte[] wkb : group) {
                    parts.add(reader.read(wkb));
                }
                area += org.locationtech.jts.operation.union.CascadedPolygonUnion.union(parts).getArea();
            }
            times[run] = System.nanoTime() - t;
        }
        System.out.printf(Locale.ROOT, "%nNeighbourhood union: %d cells into %d neighbourhoods (%.0f km²), median %.0f ms"
                + " (15 runs, first 5 warm-up)%n%n", cells.getNumGeometries(), groups.size(), area / 1e6, median(times));
    }

    private static double median(long[] nanos) {
        long[] warm = Arrays.copyOfRange(nanos, 5, nanos.length);
        Arrays.sort(warm);
        return warm[warm.length / 2] / 1e6;
    }
}
