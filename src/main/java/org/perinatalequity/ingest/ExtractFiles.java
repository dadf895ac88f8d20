package org.perinatalequity.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The CSV files of one submission: the .csv files of a folder (and its sub-folders), or of a .zip,
 * which is unpacked into a working folder with limits on entry count and unpacked size (a zip bomb
 * is refused, not unpacked) and with entry paths reduced to file names (no path traversal).
 */
public final class ExtractFiles {

    /** A CSV file to load and the name it is reported under. */
    public record SourceFile(String name, Path path) {
    }

    /** The files found, plus names that were skipped because they are not CSV. */
    public record Found(List<SourceFile> csvFiles, List<String> skipped) {
    }

    private ExtractFiles() {
    }

    public static Found list(Path source, Path workDir, long maxUncompressedBytes, int maxEntries) {
        return list(source, workDir, maxUncompressedBytes, maxEntries, ExtractFiles::isCsv);
    }

    /**
     * The same, keeping the files whose name {@code accept} takes instead of the .csv files (reference data also
     * takes boundary files: .geojson, .json, .gpkg). "csvFiles" are then the accepted files.
     */
    public static Found list(Path source, Path workDir, long maxUncompressedBytes, int maxEntries,
            java.util.function.Predicate<String> accept) {
        if (!Files.exists(source)) {
            throw new IngestRefusedException(source + " does not exist");
        }
        try {
            if (Files.isDirectory(source)) {
                return listFolder(source, accept);
            }
            if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return unzip(source, workDir, maxUncompressedBytes, maxEntries, accept);
            }
            if (accept.test(source.getFileName().toString())) {
                return new Found(List.of(new SourceFile(source.getFileName().toString(), source)), List.of());
            }
        } catch (ZipException e) {
            throw new IngestRefusedException(source.getFileName() + " is not a readable zip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IngestRefusedException("Cannot read " + source.getFileName() + ": " + e.getMessage(), e);
        }
        throw new IngestRefusedException(source.getFileName() + " is neither a folder, a .zip nor a .csv file");
    }

    private static Found listFolder(Path folder, java.util.function.Predicate<String> accept) throws IOException {
        List<SourceFile> csv = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = folder.relativize(p).toString();
                if (accept.test(name)) {
                    csv.add(new SourceFile(name, p));
                } else if (!isHidden(p.getFileName().toString())) {
                    skipped.add(name);
                }
            }
        }
        return new Found(csv, skipped);
    }

    private static Found unzip(Path zip, Path workDir, long maxBytes, int maxEntries,
            java.util.function.Predicate<String> accept) throws IOException {
        List<SourceFile> csv = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zipFile.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (++entries > maxEntries) {
                    throw new IngestRefusedException(zip.getFileName() + " holds more than " + maxEntries + " files");
                }
                String entryName = entry.getName().replace('\\', '/');
                String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
                if (isHidden(fileName) || entryName.startsWith("__MACOSX/")) {
                    continue;
                }
                if (!accept.test(fileName)) {
                    skipped.add(entryName);
                    continue;
                }
                // Only the file name is kept, so "../../x.csv" cannot escape the working folder.
                Path target = workDir.resolve(entries + "-" + fileName).normalize();
                if (!target.startsWith(workDir)) {
                    throw new IngestRefusedException("Refused zip entry name " + entryName);
                }
                // Sizes in a zip's directory can lie: count the bytes actually unpacked.
                try (InputStream in = zipFile.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > maxBytes) {
                            throw new IngestRefusedException(zip.getFileName() + " unpacks to more than "
                                    + (maxBytes >> 20) + " MB; refused as a possible zip bomb");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                csv.add(new SourceFile(entryName, target));
            }
        }
        return new Found(csv, skipped);
    }

    private static boolean isCsv(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static boolean isHidden(String fileName) {
        return fileName.startsWith(".");
    }
}
