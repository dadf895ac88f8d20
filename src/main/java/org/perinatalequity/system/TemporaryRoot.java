package org.perinatalequity.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The application's own temporary root, where every copy of a delivered file lives while it is loaded (uploads,
 * unzipped extracts, staged and converted files: {@link Intake}). Those copies may hold plaintext NHS numbers, so the
 * root is readable by the service user only (POSIX 700) and is emptied at every start: a killed process cannot run
 * its clean-up, and what it left is removed before anything else is loaded. The root is {@code equity.temp-folder}
 * when set, else {@code java.io.tmpdir/perinatal-equity-<user>/<database file name>-<hash of its path>}: one per
 * database file, so emptying it never touches the copies of another process (DuckDB lets one process hold a file,
 * and this bean is made after the data source has taken the file's lock).
 */
@Component
public class TemporaryRoot {

    /** The setting naming the root. */
    public static final String PROPERTY = "equity.temp-folder";

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryRoot.class);

    private final Path root;

    // The data source is a parameter so this bean is made after it: the database lock is held by then.
    TemporaryRoot(EquityProperties properties, Environment environment, DataSource dataSource) {
        String configured = environment.getProperty(PROPERTY, "");
        Path chosen = configured.isBlank() ? defaultRoot(properties.database().file()) : Path.of(configured);
        try {
            this.root = Intake.ensurePrivateFolder(chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the temporary folder " + chosen + ": " + e.getMessage(), e);
        }
        Intake.useRoot(root);
        int removed = empty(root);
        if (removed > 0) {
            LOG.warn("Removed {} temporary file(s) or folder(s) left in {} by an earlier run that did not finish",
                    removed, root);
        }
    }

    public Path path() {
        return root;
    }

    /** One root per database file under {@code java.io.tmpdir/perinatal-equity-<user>}. */
    static Path defaultRoot(Path databaseFile) {
        Path file = databaseFile.toAbsolutePath().normalize();
        String name = file.getFileName() == null ? "db" : file.getFileName().toString();
        return Intake.defaultParent().resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + shortHash(file.toString()));
    }

    /** Deletes everything inside the root (not the root itself); returns how many top-level entries went. */
    static int empty(Path root) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.toList();
        } catch (IOException e) {
            LOG.warn("Could not list the temporary folder {}: {}", root, e.getMessage());
            return 0;
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Intake.deleteFolder(entry);
            } else {
                try {
                    Files.deleteIfExists(entry);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", entry, e.getMessage());
                }
            }
        }
        return entries.size();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
