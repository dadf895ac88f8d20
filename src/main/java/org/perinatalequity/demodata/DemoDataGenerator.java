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
 * Writes a synthetic, LLR-like MSDS v2 extract (provider submission layout), an MHSDS v6 submission for the same
 * women ({@link MhsdsWriter}) and the reference files their postcodes link to. Output depends only on the seed and the number of births: no clock, no shared state, rows streamed.
 * See docs/sample-data.md for the population model and every target rate.
 */
public final class DemoDataGenerator {

    public static final int DEFAULT_BIRTHS = 25_000;
    public static final long DEFAULT_SEED = 20231L;
    public static final String DEFAULT_OUT = "demo-data";
    /** The submission's reporting period (MSD000 RPStartDate..RPEndDate): two financial years. */
    public static final LocalDate PERIOD_START = LocalDate.of(2023, 4, 1);
    public static final LocalDate PERIOD_END = LocalDate.of(2025, 3, 31);

    /**
     * Longest booking-to-birth interval the simulator can produce (a 35-day booking and a 296-day birth) plus a
     * margin: births are drawn up to this many days after the period so that every booking inside it is there.
     */
    private static final int BOOKING_TO_BIRTH_MAX_DAYS = 270;
    /** Share of women whose pregnancy is followed by another 14–26 months later. */
    private static final double SECOND_PREGNANCY = 0.09;
    private static final int MIN_BIRTH_INTERVAL_DAYS = 430;
    private static final int BIRTH_INTERVAL_SPREAD_DAYS = 365;

    /**
     * @param outDir created if needed; {@code msds/}, {@code mhsds/} (the mental health submission of the same
     *        women) and {@code reference/} are written inside it
     * @param births number of babies born in the reporting period (MSD401 rows, live and stillborn), at least 1
     */
    public DemoDataSummary generate(Path outDir, int births, long seed) {
        if (births < 1) {
            throw new IllegalArgumentException("births must be at least 1, was " + births);
        }
        Path msds = outDir.resolve("msds");
        Path mhsds = outDir.resolve("mhsds");
        Path reference = outDir.resolve("reference");
        try {
            Files.createDirectories(msds);
            Files.createDirectories(mhsds);
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
        // Split last, so the maternity streams above are those of the extract before MHSDS was added.
        SplittableRandom mentalHealthRnd = root.split();
        NhsNumbers nhs = new NhsNumbers(seed);
        OutcomeModel model = new OutcomeModel();
        PopulationModel population = new PopulationModel(geo, popRnd, new DataQuality(popRnd), nhs);
        PregnancySimulator simulator = new PregnancySimulator(model, clinicalRnd, nhs);

        Map<String, Long> counts = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        // Births are spread evenly over a window wider than the period, so that the extract is a steady state:
        // a pregnancy booked before the period and still open at its start is there with its earlier booking, and
        // one booked late in the period is there without a birth yet. Pregnancies that ended before the period or
        // were booked after it are not in the submission. A first birth may fall before the period so that women
        // with two births in the period are not bunched at its end.
        int periodDays = (int) ChronoUnit.DAYS.between(PERIOD_START, PERIOD_END) + 1;
        int earliest = -(MIN_BIRTH_INTERVAL_DAYS + BIRTH_INTERVAL_SPREAD_DAYS);
        int latest = periodDays + BOOKING_TO_BIRTH_MAX_DAYS;
        try (ExtractWriter writer = new ExtractWriter(msds, MsdsLayout.load(), recordRnd,
                new DataQuality(recordRnd), model, PERIOD_END);
                MhsdsWriter mentalHealth = new MhsdsWriter(mhsds, mentalHealthRnd, PERIOD_END)) {
            int babies = 0;
            long pregnancies = 0;
            while (babies < births) {
                int firstDay = earliest + timingRnd.nextInt(latest - earliest);
                boolean twice = timingRnd.nextDouble() < SECOND_PREGNANCY;
                int secondDay = firstDay + MIN_BIRTH_INTERVAL_DAYS + timingRnd.nextInt(BIRTH_INTERVAL_SPREAD_DAYS);
                boolean firstIn = firstDay >= 0;
                boolean secondIn = twice && secondDay >= 0 && secondDay < latest;
                if (!firstIn && !secondIn) {
                    continue;
                }
                LocalDate birth = PERIOD_START.plusDays(firstDay);
                Mother mother = population.nextMother(birth.minusDays(200));
                int previousLive = previousLiveBirths(mother, birth, popRnd);
                // The first pregnancy is simulated even when it ended before the period: it sets her parity.
                Pregnancy first = simulator.simulate(id("P", ++pregnancies), id("L", pregnancies), mother, birth,
                        previousLive, babies + 2 <= births);
                Pregnancy second = null;
                if (secondIn) {
                    int live = (int) first.babies().stream().filter(Baby::live).count();
                    second = simulator.simulate(id("P", ++pregnancies), id("L", pregnancies), mother,
                            PERIOD_START.plusDays(secondDay), previousLive + live, babies + 2 <= births);
                }
                boolean writeFirst = firstIn && inExtract(first) && babies + bornInPeriod(first) <= births;
                boolean writeSecond = second != null && inExtract(second)
                        && babies + (writeFirst ? bornInPeriod(first) : 0) + bornInPeriod(second) <= births;
                if (!writeFirst && !writeSecond) {
                    continue;
                }
                writer.writeMother(mother, (writeFirst ? first : second).bookingDate());
                if (writeFirst) {
                    writer.writePregnancy(first);
                    babies += bornInPeriod(first);
                }
                if (writeSecond) {
                    writer.writePregnancy(second);
                    babies += bornInPeriod(second);
                }
                mentalHealth.writeWoman(mother, writeFirst && writeSecond ? List.of(first, second)
                        : List.of(writeFirst ? first : second));
            }
            files.add(writer.writeHeader(PERIOD_START));
            counts.put("MSD000", 1L);
            writer.tables().forEach((table, w) -> {
                counts.put(table, w.rows());
                files.add(w.file());
            });
            files.add(mentalHealth.writeHeader());
            counts.put("MHS000Header", 1L);
            mentalHealth.tables().forEach((table, w) -> {
                counts.put(table, w.rows());
                files.add(w.file());
            });
        }
        files.addAll(ReferenceFiles.write(reference, geo, seed));
        files.addAll(BoundaryFiles.write(reference, geo, seed));
        // The MVP membership list (its own random stream, like the workforce's).
        files.add(MvpFile.write(reference, geo, seed));
        files.add(AssetFiles.write(reference, geo, seed));
        // The workforce (its own random stream: the files above are the same with or without it).
        files.addAll(WorkforceFiles.write(outDir.resolve("workforce"), seed));
        return new DemoDataSummary(outDir, births, seed, counts, files);
    }

    /** In the submission: still open at the period's start (born in or after it) and booked by its end. */
    private static boolean inExtract(Pregnancy p) {
        return !p.birthDate().isBefore(PERIOD_START) && !p.bookingDate().isAfter(PERIOD_END);
    }

    private static int bornInPeriod(Pregnancy p) {
        return p.birthDate().isAfter(PERIOD_END) ? 0 : p.babies().size();
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
