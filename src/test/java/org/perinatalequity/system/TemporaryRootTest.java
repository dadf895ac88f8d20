package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's own temporary root: private, one per database file, emptied at start, never a link. */
class TemporaryRootTest {

    @TempDir
    Path dir;

    @Test
    void theRootIsPrivateAndWhatAKilledRunLeftIsRemoved() throws IOException {
        Path root = Intake.ensurePrivateFolder(dir.resolve("tmp-root"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        Path left = Files.createDirectories(root.resolve("equity-ingest-123/extract"));
        Files.writeString(left.resolve("msd001.csv"), "NHSNumberMother\n9434765919\n");
        Files.writeString(root.resolve("stray.csv"), "x");

        assertThat(TemporaryRoot.empty(root)).isEqualTo(2);

        try (var list = Files.list(root)) {
            assertThat(list).isEmpty();
        }
        assertThat(root).isDirectory();
    }

    @Test
    void aFolderMadeUnderTheRootIsPrivateToo() throws IOException {
        Path root = Intake.ensurePrivateFolder(dir.resolve("tmp-root"));
        Intake.useRoot(root);
        try {
            Path folder = Intake.createPrivateFolder("equity-test-");
            assertThat(folder.getParent()).isEqualTo(root);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            Intake.deleteFolder(folder);
            assertThat(folder).doesNotExist();
        } finally {
            Intake.useRoot(null);
        }
    }

    @Test
    void aSymbolicLinkAsTheRootIsRefused() throws IOException {
        Path target = Files.createDirectories(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertThatThrownBy(() -> Intake.ensurePrivateFolder(link)).hasMessageContaining("symbolic link");
    }

    @Test
    void eachDatabaseFileHasItsOwnRoot() {
        Path a = TemporaryRoot.defaultRoot(dir.resolve("a/equity.duckdb"));
        Path b = TemporaryRoot.defaultRoot(dir.resolve("b/equity.duckdb"));
        assertThat(a).isNotEqualTo(b);
        assertThat(a.getParent()).isEqualTo(Intake.defaultParent());
        assertThat(a.getFileName().toString()).startsWith("equity.duckdb-");
    }
}
