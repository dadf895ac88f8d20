package org.perinatalequity.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way files come in (upload page, API and inbox, for submissions and reference files alike): the
 * parts of one delivery are written to a private temporary folder, the rule of the {@link Mode} is checked
 * with one wording, the loader gets the paths to read, and the folder is deleted afterwards whatever
 * happened, because the files may hold plaintext NHS numbers.
 *
 * <pre>{@code
 * try (Intake intake = Intake.open(Intake.Mode.SUBMISSION)) {
 *     intake.add(clientName, target -> file.transferTo(target));
 *     return intake.load(sources -> ingestService.ingest(sources, requester));
 * }
 * }</pre>
 */
public final class Intake implements AutoCloseable {

    /** What one delivery may be, and which paths the loader gets. */
    public enum Mode {
        /** One submission: one .zip, or its .csv files, which the loader reads as one folder. */
        SUBMISSION,
        /** Reference files: .csv or .zip files, each its own source, so each keeps its name. */
        REFERENCE
    }

    /** Writes one part's bytes to the given file (a multipart transfer, a move of an uploaded temp file). */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path target) throws IOException;
    }

    /** Reads what the intake wrote. */
    @FunctionalInterface
    public interface Loader<T> {
        T load(List<Path> sources);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    /** The folder the CSV files of one submission are gathered in; its name is the submission's name in the log. */
    static final String SUBMISSION_FOLDER = "upload";

    private static final java.nio.file.attribute.FileAttribute<?> PRIVATE_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    /** Set once at start by {@link TemporaryRoot}; null outside an application (tests of this class alone). */
    private static volatile Path configuredRoot;

    private final Mode mode;
    private final Path folder;
    private final List<String> clientNames = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    /** The copy of a folder dropped in the inbox: one submission, read as a folder. */
    private Path droppedFolder;
    private boolean closed;

    private Intake(Mode mode, Path folder) {
        this.mode = mode;
        this.folder = folder;
    }

    /** A new, empty delivery in its own private temporary folder. */
    public static Intake open(Mode mode) {
        return new Intake(mode, createPrivateFolder("equity-intake-"));
    }

    /**
     * A file or folder dropped in the inbox, copied into a new delivery (names kept, a folder's sub-folders
     * too), so the load reads the private copy and the inbox entry can be moved away whatever happens.
     */
    public static Intake dropped(Mode mode, Path entry) {
        Intake intake = open(mode);
        try {
            if (Files.isDirectory(entry)) {
                intake.copyFolder(entry);
            } else {
                // A name from the server's own disk is a valid file name: kept as is, as the ingest log shows it.
                String name = entry.getFileName().toString();
                intake.add(name, name, target -> Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING));
            }
            return intake;
        } catch (IOException | RuntimeException e) {
            intake.close();
            throw e instanceof IOException io ? new UncheckedIOException("Cannot copy " + entry.getFileName(), io)
                    : (RuntimeException) e;
        }
    }

    /** True for what may be dropped in the inbox as one submission: a folder or a .zip, not hidden. */
    public static boolean isDroppedSubmission(Path entry) {
        String name = entry.getFileName().toString();
        return !name.startsWith(".") && (Files.isDirectory(entry) || isZip(name));
    }

    /** Adds one part under the client's name, reduced to a safe file name. */
    public void add(String clientName, Content content) throws IOException {
        add(safeName(clientName), clientName, content);
    }

    private void add(String name, String clientName, Content content) throws IOException {
        if (closed || droppedFolder != null) {
            throw new IllegalStateException("This intake is closed or holds a dropped folder");
        }
        Path target = switch (mode) {
            case SUBMISSION -> Files.createDirectories(folder.resolve(SUBMISSION_FOLDER)).resolve(name);
            // A folder per file: two files of the same name in one delivery must not overwrite each other,
            // and each keeps its own name, which the load log records.
            case REFERENCE -> Files.createDirectories(folder.resolve(String.valueOf(files.size()))).resolve(name);
        };
        content.writeTo(target);
        clientNames.add(clientName == null ? "" : clientName);
        files.add(target);
    }

    /** The names the client gave, in the order received. */
    public List<String> clientNames() {
        return List.copyOf(clientNames);
    }

    /**
     * Checks the rule, hands the written files to the loader and deletes the folder, also when the rule refuses
     * the delivery or the loader fails.
     *
     * @throws IntakeRefusedException when the delivery breaks the rule of its mode (nothing was loaded)
     */
    public <T> T load(Loader<T> loader) {
        try {
            if (droppedFolder == null) {
                check(mode, clientNames);
            }
            return loader.load(sources());
        } finally {
            close();
        }
    }

    /**
     * The rule of each mode, in the one wording every door shows (the API puts "Parameter 'file': " before it).
     *
     * @throws IntakeRefusedException naming the first file that breaks it
     */
    public static void check(Mode mode, List<String> clientNames) {
        if (clientNames.isEmpty()) {
            throw new IntakeRefusedException(mode == Mode.SUBMISSION ? "send one .zip or one or more .csv files"
                    : "send one or more .csv or .zip files");
        }
        boolean oneZip = clientNames.size() == 1 && isZip(clientNames.get(0));
        for (String name : clientNames) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (mode == Mode.SUBMISSION && !oneZip && !lower.endsWith(".csv")) {
                throw new IntakeRefusedException("'" + name + "' is not a .csv file (send one .zip, or .csv files only)");
            }
            // Boundary files (.geojson, .json, .gpkg) are reference data too; their content is checked on loading.
            if (mode == Mode.REFERENCE && !lower.endsWith(".csv") && !isZip(lower) && !lower.endsWith(".geojson")
                    && !lower.endsWith(".json") && !lower.endsWith(".gpkg")) {
                throw new IntakeRefusedException("'" + name + "' is not a .csv, .zip, .geojson or .gpkg file");
            }
        }
    }

    /** Deletes the folder and everything in it; safe to call twice. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            deleteFolder(folder);
        }
    }

    /** The private folder (for tests and logs: it is gone once the intake is closed). */
    public Path folder() {
        return folder;
    }

    private List<Path> sources() {
        if (droppedFolder != null) {
            return List.of(droppedFolder);
        }
        return switch (mode) {
            case SUBMISSION -> files.size() == 1 && isZip(files.get(0).getFileName().toString()) ? List.of(files.get(0))
                    : List.of(folder.resolve(SUBMISSION_FOLDER));
            case REFERENCE -> List.copyOf(files);
        };
    }

    private void copyFolder(Path entry) throws IOException {
        // The copy keeps the folder's name and relative paths: they are the names the ingest log records.
        Path copy = folder.resolve(entry.getFileName().toString());
        try (Stream<Path> paths = Files.walk(entry)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(entry.relativize(p).toString()).normalize();
                if (!target.startsWith(copy)) {
                    throw new IntakeRefusedException("Refused file name " + p.getFileName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        Files.createDirectories(copy);
        clientNames.add(entry.getFileName().toString());
        droppedFolder = copy;
    }

    /**
     * A new temporary folder only its owner can read (the intake's, and the loaders' working folders for
     * unpacked and converted files), inside the app's own temporary root ({@link #root()}); delete it with
     * {@link #deleteFolder} in a finally block. Whatever a killed process left there is removed at the next start
     * ({@link TemporaryRoot}).
     */
    public static Path createPrivateFolder(String prefix) {
        try {
            Path root = root();
            if (posix()) {
                return Files.createTempDirectory(root, prefix, PRIVATE_FOLDER);
            }
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder", e);
        }
    }

    /**
     * The folder every temporary copy lives in: the one the application configured at start ({@link TemporaryRoot}:
     * {@code equity.temp-folder}, or one per database file), else {@code java.io.tmpdir/perinatal-equity-<user>};
     * created when missing, readable by its owner only, and refused when it is a link or someone else's.
     */
    public static Path root() throws IOException {
        Path root = configuredRoot;
        if (root == null) {
            root = defaultParent();
        }
        return ensurePrivateFolder(root);
    }

    /** {@code java.io.tmpdir/perinatal-equity-<user>}: the parent of the per-database roots. */
    static Path defaultParent() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "perinatal-equity-" + user);
    }

    static void useRoot(Path root) {
        configuredRoot = root;
    }

    /**
     * Creates the folder (and missing parents) for its owner only, or checks the one there: a symbolic link or a
     * folder of another user in a shared temporary folder could let someone read the copies, so it is refused.
     */
    static Path ensurePrivateFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            throw new IOException("The temporary folder " + absolute + " is a symbolic link: refused");
        }
        if (!Files.isDirectory(absolute)) {
            Files.createDirectories(absolute.getParent());
            try {
                if (posix()) {
                    Files.createDirectory(absolute, PRIVATE_FOLDER);
                } else {
                    Files.createDirectory(absolute);
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Created meanwhile by another thread of this process: checked below.
            }
        }
        if (posix()) {
            java.nio.file.attribute.UserPrincipal me = absolute.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!Files.getOwner(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS).equals(me)) {
                throw new IOException("The temporary folder " + absolute + " belongs to another user: refused");
            }
            Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
        }
        return absolute;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Deletes a folder and everything in it; a failure is logged, not thrown (it must not hide the outcome). */
    public static void deleteFolder(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the temporary folder {}: {}", folder, e.getMessage());
        }
    }

    /** The client's file name reduced to safe characters, so it cannot name a path outside its folder. */
    public static String safeName(String clientName) {
        String name = clientName == null ? "" : clientName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_");
        return name.isBlank() || name.startsWith(".") ? "file" + name : name;
    }

    private static boolean isZip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }
}
