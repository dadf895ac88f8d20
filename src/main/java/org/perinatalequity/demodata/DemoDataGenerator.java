package org.perinatalequity.demodata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic, LLR-like MSDS v2 extract (provider submission layout) plus the reference files its postcodes
 * link to. Output depends only on the seed and the number of births: no clock, no shared state, rows streamed.
 * See docs/sample-data.md for the population model and every target rate.
 */
public final class DemoDataGenerator {

    public static final int DEFAULT_BIRTHS = 25_000;
    public static final long DEFAULT_SEED = 20231L;
    public static final String DEFAULT_OUT = "demo-data";
    /** Births fall in two financial years; bookings start up to ~10 months earlier. */
    public static final LocalDate FIRST_BIRTH = LocalDate.of(2023, 4, 1);
    public static final LocalDate LAST_BIRTH = LocalDate.of(2025, 3, 31);

    /** Share of mothers who give birth twice within the period (second birth at least 14 months later). */
    private static final double SECOND_PREGNANCY = 0.045;
    private static final int MIN_BIRTH_INTERVAL_DAYS = 430;

    /**
     * @param outDir created if needed; {@code msds/} and {@code reference/} are written inside it
     * @param births number of babies (MSD401 rows, live and stillborn) to generate, at least 1
     */
    public DemoDataSummary generate(Path outDir, int births, long seed) {
        if (births < 1) {
            throw new IllegalArgumentException("births must be at least 1, was " + births);
        }
        Path msds = outDir.resolve("msds");
        Path reference = outDir.resolve("reference");
        try {
            Files.createDirectories(msds);
            Files.createDirectories(reference);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Geography geo = Geography.build(seed);
        // Independent streams: changing how one part draws numbers does not reshuffle the others.
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom popRnd = root.split();
        SplittableRandom clinicalRnd = root.split();
        SplittableRandom recordRnd = root.split();
        SplittableRandom timingRnd = root.split();
        NhsNumbers nhs = new NhsNumbers(seed);
        OutcomeModel model = new OutcomeModel();
        PopulationModel population = new PopulationModel(geo, popRnd, new DataQuality(popRnd), nhs);
        PregnancySimulator simulator = new PregnancySimulator(model, clinicalRnd, nhs);

        Map<String, Long> counts = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        int days = (int) ChronoUnit.DAYS.between(FIRST_BIRTH, LAST_BIRTH) + 1;
        try (ExtractWriter writer = new ExtractWriter(msds, MsdsLayout.load(), recordRnd,
                new DataQuality(recordRnd), model)) {
            int babies = 0;
            long pregnancies = 0;
            while (babies < births) {
                int firstDay = timingRnd.nextInt(days);
                boolean twice = firstDay + MIN_BIRTH_INTERVAL_DAYS < days && timingRnd.nextDouble() < SECOND_PREGNANCY;
                LocalDate birth = FIRST_BIRTH.plusDays(firstDay);
                Mother mother = population.nextMother(birth.minusDays(200));
                writer.writeMother(mother);
                int previousLive = previousLiveBirths(mother, birth, popRnd);
                Pregnancy p = simulator.simulate(id("P", ++pregnancies), id("L", pregnancies), mother, birth,
                        previousLive, babies + 2 <= births);
                writer.writePregnancy(p);
                babies += p.babies().size();
                if (twice && babies < births) {
                    int secondDay = firstDay + MIN_BIRTH_INTERVAL_DAYS
                            + timingRnd.nextInt(days - firstDay - MIN_BIRTH_INTERVAL_DAYS);
                    int live = (int) p.babies().stream().filter(Baby::live).count();
                    Pregnancy second = simulator.simulate(id("P", ++pregnancies), id("L", pregnancies), mother,
                            FIRST_BIRTH.plusDays(secondDay), previousLive + live, babies + 2 <= births);
                    writer.writePregnancy(second);
                    babies += second.babies().size();
                }
            }
            files.add(writer.writeHeader(LAST_BIRTH));
            counts.put("MSD000", 1L);
            writer.tables().forEach((table, w) -> {
                counts.put(table, w.rows());
                files.add(w.file());
            });
        }
        files.addAll(ReferenceFiles.write(reference, geo, seed));
        return new DemoDataSummary(outDir, births, seed, counts, files);
    }

    private static String id(String prefix, long n) {
        return String.format("%s%010d", prefix, n);
    }

    /** Parity: most women under 22 have no previous birth; Asian and Black mothers have slightly larger families. */
    private static int previousLiveBirths(Mother m, LocalDate birth, SplittableRandom rnd) {
        int age = (int) ChronoUnit.YEARS.between(m.birthDate(), birth);
        double none = Math.max(0.25, Math.min(0.85, 0.75 - (age - 20) * 0.03));
        if (m.group() == EthnicGroup.ASIAN || m.group() == EthnicGroup.BLACK) {
            none -= 0.05;
        }
        if (rnd.nextDouble() < none) {
            return 0;
        }
        int n = 1;
        while (n < 8 && rnd.nextDouble() < 0.42) {
            n++;
        }
        return n;
    }
}
