package org.perinatalequity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Database files and fixture extracts for tests. */
public final class TestFiles {

    /** The small provider-layout extract of April 2024 that view tests load. */
    public static final Path FIXTURE_EXTRACT = Path.of("src/test/resources/fixtures/rwe-2024-04");

    private TestFiles() {
    }

    /**
     * A DuckDB file of its own for one Spring test context, deleted first so that every run starts empty
     * (DuckDB lets one process hold a file, and data left by an earlier run would change the counts).
     */
    public static String freshDatabase(Class<?> testClass) {
        Path file = Path.of("target", "test-db", testClass.getSimpleName() + ".duckdb").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    /** Zips the CSV files of a folder, flat, as providers send them. */
    public static void zipFolder(Path folder, OutputStream target) {
        try (ZipOutputStream zip = new ZipOutputStream(target); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data lines of a CSV file (the header excluded). */
    public static long dataLines(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            return lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
