package org.perinatalequity.breakdown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.perinatalequity.demodata.DemoDataGenerator;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.security.SystemCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Breakdown and trend latency on generated data (default 1,000,000 births): p50 and p95 of first (uncached)
 * computations for single-dimension, two-dimension, filtered and SII breakdowns and for trends, and of cached
 * answers. Not part of {@code verify}: {@code ./mvnw test -Dtest=BreakdownBenchmark -Dbenchmark=true
 * [-Dbenchmark.births=1000000]} (docs/benchmarks.md). The database is kept in target/benchmark for reruns.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(properties = { "equity.ingest.inbox-enabled=false", "equity.ingest.pseudonymisation-key=benchmark-key" })
class BreakdownBenchmark {

    static final int BIRTHS = Integer.getInteger("benchmark.births", 1_000_000);
    static final Path ROOT = Path.of("target", "benchmark");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("equity.database.file", () -> ROOT.resolve("breakdown-" + BIRTHS + ".duckdb").toString());
    }

    @Autowired
    BreakdownService service;

    @Autowired
    IngestService ingest;

    @Autowired
    ReferenceService reference;

    @Test
    void breakdownLatency() throws Exception {
        if (ingest.isDatabaseEmpty()) {
            Path data = ROOT.resolve("births-" + BIRTHS);
            if (!Files.exists(data.resolve("msds").resolve("MSD000.csv"))) {
                new DemoDataGenerator().generate(data, BIRTHS, DemoDataGenerator.DEFAULT_SEED);
            }
            long t = System.nanoTime();
            SystemCaller.run(() -> {
                reference.load(List.of(data.resolve("reference")), "benchmark");
                ingest.ingest(List.of(data.resolve("msds")), new IngestService.Requester("benchmark", "benchmark"));
            });
            System.out.printf(Locale.ROOT, "loaded %,d births and built the facts in %.1f s%n", BIRTHS,
                    (System.nanoTime() - t) / 1e9);
        }
        List<Measure> measures = service.measures();
        Map<String, List<BreakdownRequest>> kinds = Map.of(
                "1 dimension", requests(measures, Dimension.ETHNIC_GROUP, null, Map.of()),
                "2 dimensions", requests(measures, Dimension.ETHNIC_GROUP, Dimension.IMD_QUINTILE, Map.of()),
                "filtered", requests(measures, Dimension.TEAM, null, Map.of(Dimension.PLACE, List.of("Leicester"),
                        Dimension.ETHNIC_GROUP, List.of("Asian or Asian British", "Black or Black British"))),
                "with SII", requests(measures, Dimension.IMD_DECILE, null, Map.of()));
        System.out.printf(Locale.ROOT, "%nBreakdown benchmark: %,d births, %d cores, %d measures each%n", BIRTHS,
                Runtime.getRuntime().availableProcessors(), measures.size());
        for (String kind : List.of("1 dimension", "2 dimensions", "filtered", "with SII")) {
            List<Double> cold = new ArrayList<>();
            for (BreakdownRequest r : kinds.get(kind)) {
                cold.add(time(() -> service.breakdown(r)));
            }
            List<Double> warm = new ArrayList<>();
            for (BreakdownRequest r : kinds.get(kind)) {
                warm.add(time(() -> service.breakdown(r)));
            }
            report(kind, cold, warm);
        }
        List<Double> trends = new ArrayList<>();
        for (Measure m : measures) {
            trends.add(time(() -> service.trend(m.id(), Dimension.MONTH, Map.of(), true)));
        }
        report("trend by month", trends, List.of());
    }

    private static List<BreakdownRequest> requests(List<Measure> measures, Dimension by, Dimension by2,
            Map<Dimension, List<String>> filters) {
        return measures.stream().map(m -> new BreakdownRequest(m.id(), by, by2, null, null, filters, true, null)).toList();
    }

    private static double time(Runnable call) {
        long t = System.nanoTime();
        call.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static void report(String kind, List<Double> cold, List<Double> warm) {
        System.out.printf(Locale.ROOT, "  %-15s uncached p50 %6.1f ms  p95 %6.1f ms%s%n", kind, percentile(cold, 50),
                percentile(cold, 95), warm.isEmpty() ? "" : String.format(Locale.ROOT, "   cached p95 %5.2f ms",
                        percentile(warm, 95)));
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
