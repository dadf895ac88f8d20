package org.perinatalequity.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the committed sample in data-samples/ (default births and seed). Skipped unless asked for:
 * {@code ./mvnw -o test -Dtest=SampleDataExportTests -Dgenerate.samples=true}. Zip entries carry a fixed time so
 * the archives are byte-identical across runs.
 */
@EnabledIfSystemProperty(named = "generate.samples", matches = "true")
class SampleDataExportTests {

    private static final FileTime FIXED = FileTime.fromMillis(1_680_307_200_000L);

    @TempDir
    Path work;

    @Test
    void writesTheCommittedSample() throws IOException {
        Path samples = Path.of("data-samples");
        DemoDataSummary summary = new DemoDataGenerator().generate(work, DemoDataGenerator.DEFAULT_BIRTHS,
                DemoDataGenerator.DEFAULT_SEED);
        Files.createDirectories(samples);
        zip(work.resolve("msds"), samples.resolve("llr-sample-msds.zip"));
        // The mental health submission of the same women: a second dataset, so a second archive.
        zip(work.resolve("mhsds"), samples.resolve("llr-sample-mhsds.zip"));
        // The reference files are small enough to keep readable (and diffable) as plain CSV.
        Path reference = Files.createDirectories(samples.resolve("reference"));
        long bytes = Files.size(samples.resolve("llr-sample-msds.zip")) + Files.size(samples.resolve("llr-sample-mhsds.zip"));
        for (String name : List.of(ReferenceFiles.ONSPD_FILE, ReferenceFiles.IOD_FILE, ReferenceFiles.PCN_FILE,
                BoundaryFiles.LSOA_FILE, BoundaryFiles.MSOA_FILE, BoundaryFiles.WARD_FILE, BoundaryFiles.LAD_FILE,
                BoundaryFiles.NEIGHBOURHOOD_FILE, MvpFile.FILE, AssetFiles.ASSETS_FILE)) {
            Files.copy(work.resolve("reference").resolve(name), reference.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
            bytes += Files.size(reference.resolve(name));
        }
        // The workforce sample: one zip per WRES year, written as they are.
        Path workforce = Files.createDirectories(samples.resolve("workforce"));
        try (Stream<Path> years = Files.list(work.resolve("workforce"))) {
            for (Path year : years.sorted().toList()) {
                Files.copy(year, workforce.resolve(year.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                bytes += Files.size(year);
            }
        }
        System.out.println("Sample row counts: " + summary.rowCounts());
        assertThat(bytes).isLessThan(10_000_000L);
    }

    private static void zip(Path folder, Path zipFile) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(f.getFileName().toString());
                entry.setLastModifiedTime(FIXED);
                entry.setTime(FIXED.toMillis());
                zip.putNextEntry(entry);
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }
}
