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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExtractFiles.class);

    /** A CSV file to load and the name it is reported under. */
    public record SourceFile(String name, Path path) {
    }

    /** The files found, plus names that were skipped because they are not CSV. */
    public record Found(List<SourceFile> csvFiles, List<String> skipped) {
    }

    private ExtractFiles() {
    }

    /**
     * Bounds on a zip (zip bombs): entries, total unpacked bytes, and how much one entry may expand; an entry
     * smaller than {@link #RATIO_FREE_BYTES} unpacked is not held to the ratio (tiny files compress oddly).
     */
    public record ZipLimits(long maxUncompressedBytes, int maxEntries, int maxCompressionRatio) {

        static final long RATIO_FREE_BYTES = 1 << 20;
    }

    public static Found list(Path source, Path workDir, long maxUncompressedBytes, int maxEntries) {
        return list(source, workDir, new ZipLimits(maxUncompressedBytes, maxEntries, Integer.MAX_VALUE));
    }

    public static Found list(Path source, Path workDir, ZipLimits limits) {
        return list(source, workDir, limits, ExtractFiles::isCsv);
    }

    /**
     * The same, keeping the files whose name {@code accept} takes instead of the .csv files (reference data also
     * takes boundary files: .geojson, .json, .gpkg). "csvFiles" are then the accepted files.
     */
    public static Found list(Path source, Path workDir, ZipLimits limits, java.util.function.Predicate<String> accept) {
        if (!Files.exists(source)) {
            throw new IngestRefusedException(source + " does not exist");
        }
        try {
            if (Files.isDirectory(source)) {
                return listFolder(source, accept);
            }
            if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return unzip(source, workDir, limits, accept);
            }
            if (accept.test(source.getFileName().toString())) {
                return new Found(List.of(new SourceFile(source.getFileName().toString(), source)), List.of());
            }
        } catch (ZipException e) {
            // Java's wording ("invalid stored block lengths") stays in the server log.
            LOG.warn("{} is not a readable zip: {}", source.getFileName(), e.getMessage());
            throw new IngestRefusedException(source.getFileName() + " is not a readable zip file: it is damaged,"
                    + " incomplete or not a zip; send it again", e);
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", source.getFileName(), e.toString());
            throw new IngestRefusedException(source.getFileName() + " cannot be read: the file could not be opened or"
                    + " read to its end", e);
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

    private static Found unzip(Path zip, Path workDir, ZipLimits limits, java.util.function.Predicate<String> accept)
            throws IOException {
        long maxBytes = limits.maxUncompressedBytes();
        int maxEntries = limits.maxEntries();
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
                    throw new IngestRefusedException(zip.getFileName() + " holds more than " + maxEntries
                            + " files (the limit, equity.ingest.max-zip-entries)");
                }
                String entryName = entry.getName().replace('\\', '/');
                String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
                if (isHidden(fileName) || entryName.startsWith("__MACOSX/")) {
                    continue;
                }
                if (!accept.test(fileName)) {
                    // A zip inside the zip is not opened: one level only, so nesting cannot multiply the limits.
                    skipped.add(entryName);
                    continue;
                }
                // Only the file name is kept, so "../../x.csv" cannot escape the working folder.
                Path target = workDir.resolve(entries + "-" + fileName).normalize();
                if (!target.startsWith(workDir)) {
                    throw new IngestRefusedException("Refused zip entry name " + entryName);
                }
                // Sizes in a zip's directory can lie: count the bytes actually unpacked.
                long packed = Math.max(entry.getCompressedSize(), 1);
                long unpacked = 0;
                try (InputStream in = zipFile.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        unpacked += n;
                        if (unpacked > ZipLimits.RATIO_FREE_BYTES && unpacked / packed > limits.maxCompressionRatio()) {
                            throw new IngestRefusedException(zip.getFileName() + ": the entry " + fileName
                                    + " expands more than " + limits.maxCompressionRatio() + " times (the limit,"
                                    + " equity.ingest.limits.max-compression-ratio); refused as a possible zip bomb");
                        }
                        if (total > maxBytes) {
                            throw new IngestRefusedException(zip.getFileName() + " unpacks to more than "
                                    + size(maxBytes) + " (the limit, equity.ingest.max-uncompressed-bytes); refused"
                                    + " as a possible zip bomb");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                csv.add(new SourceFile(entryName, target));
            }
        }
        return new Found(csv, skipped);
    }

    /** A size as a data manager reads it: whole MB from 1 MB on, else bytes. */
    static String size(long bytes) {
        return bytes >= 1 << 20 ? CsvScan.number(bytes >> 20) + " MB" : CsvScan.number(bytes) + " bytes";
    }

    private static boolean isCsv(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static boolean isHidden(String fileName) {
        return fileName.startsWith(".");
    }
}
