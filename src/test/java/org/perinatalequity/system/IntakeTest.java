package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTest {

    @TempDir
    Path dropZone;

    @Test
    void theCsvFilesOfOneSubmissionAreOneFolderNamedUpload() throws IOException {
        List<String> seen = new ArrayList<>();
        Intake intake = Intake.open(Intake.Mode.SUBMISSION);
        intake.add("MSD000.csv", text("a,b\n1,2\n"));
        intake.add("C:\\exports\\MSD001.csv", text("c\n3\n"));
        String answer = intake.load(sources -> {
            assertThat(sources).hasSize(1);
            Path folder = sources.get(0);
            assertThat(folder.getFileName()).hasToString("upload");
            try (var files = Files.list(folder)) {
                files.map(p -> p.getFileName().toString()).sorted().forEach(seen::add);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return "loaded";
        });
        assertThat(answer).isEqualTo("loaded");
        assertThat(seen).containsExactly("MSD000.csv", "MSD001.csv");
        assertThat(intake.folder()).doesNotExist();
    }

    @Test
    void oneZipIsItsOwnSource() throws IOException {
        Intake intake = Intake.open(Intake.Mode.SUBMISSION);
        intake.add("rwe-2024-04.zip", text("PK"));
        List<Path> sources = intake.load(s -> s);
        assertThat(sources).singleElement().satisfies(p -> assertThat(p.getFileName()).hasToString("rwe-2024-04.zip"));
        assertThat(intake.folder()).doesNotExist();
    }

    @Test
    void aZipWithCsvFilesIsRefusedWithTheApiWordingAndTheFolderIsGone() throws IOException {
        Intake intake = Intake.open(Intake.Mode.SUBMISSION);
        intake.add("MSD001.csv", text("nhs_number\n9434765919\n"));
        intake.add("extract.zip", text("PK"));
        assertThat(intake.folder()).exists();
        assertThatThrownBy(() -> intake.load(sources -> {
            throw new AssertionError("a refused delivery must not reach the loader");
        })).isInstanceOf(IntakeRefusedException.class)
                .hasMessage("'extract.zip' is not a .csv file (send one .zip, or .csv files only)");
        assertThat(intake.folder()).doesNotExist();
    }

    @Test
    void aFailedLoadStillDeletesTheFolder() throws IOException {
        Intake intake = Intake.open(Intake.Mode.SUBMISSION);
        intake.add("MSD001.csv", text("nhs_number\n9434765919\n"));
        assertThatThrownBy(() -> intake.load(sources -> {
            throw new IllegalStateException("database gone");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThat(intake.folder()).doesNotExist();
    }

    @Test
    void theFolderIsPrivateToItsOwner() throws IOException {
        try (Intake intake = Intake.open(Intake.Mode.SUBMISSION)) {
            if (Files.getFileStore(intake.folder()).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(intake.folder())))
                        .isEqualTo("rwx------");
            }
        }
    }

    @Test
    void referenceFilesKeepTheirNamesEvenWhenTwoAreTheSame() throws IOException {
        Intake intake = Intake.open(Intake.Mode.REFERENCE);
        intake.add("File_7.csv", text("x\n"));
        intake.add("File_7.csv", text("y\n"));
        intake.add("../../etc/ONSPD.zip", text("PK"));
        List<String> read = new ArrayList<>();
        intake.load(sources -> {
            for (Path p : sources) {
                assertThat(p.startsWith(intake.folder())).isTrue();
                read.add(p.getFileName() + "=" + content(p));
            }
            return null;
        });
        assertThat(read).containsExactly("File_7.csv=x\n", "File_7.csv=y\n", "ONSPD.zip=PK");
        assertThat(intake.folder()).doesNotExist();
    }

    @Test
    void referenceFilesMustBeCsvOrZip() {
        assertThatThrownBy(() -> Intake.check(Intake.Mode.REFERENCE, List.of("a.csv", "notes.txt")))
                .isInstanceOf(IntakeRefusedException.class).hasMessage("'notes.txt' is not a .csv, .zip, .geojson or .gpkg file");
        assertThatThrownBy(() -> Intake.check(Intake.Mode.SUBMISSION, List.of()))
                .hasMessage("send one .zip or one or more .csv files");
    }

    @Test
    void aDroppedFolderIsCopiedWithItsNamesAndTheOriginalIsLeftAlone() throws IOException {
        Path entry = Files.createDirectories(dropZone.resolve("rwe-2024-04").resolve("tables"));
        Files.writeString(entry.resolve("MSD000.csv"), "a\n1\n");
        Path drop = entry.getParent();
        assertThat(Intake.isDroppedSubmission(drop)).isTrue();
        Intake intake = Intake.dropped(Intake.Mode.SUBMISSION, drop);
        List<Path> sources = intake.load(s -> {
            assertThat(s).singleElement().satisfies(p -> {
                assertThat(p.getFileName()).hasToString("rwe-2024-04");
                assertThat(p.startsWith(intake.folder())).isTrue();
                assertThat(p.resolve("tables/MSD000.csv")).hasContent("a\n1");
            });
            return s;
        });
        assertThat(intake.folder()).doesNotExist();
        assertThat(drop.resolve("tables/MSD000.csv")).exists();
        assertThat(sources).hasSize(1);
    }

    @Test
    void aDroppedZipThatFailsToLoadLeavesNoCopy() throws IOException {
        Path zip = Files.writeString(dropZone.resolve("MSDS (April).zip"), "PK");
        Intake intake = Intake.dropped(Intake.Mode.SUBMISSION, zip);
        assertThatThrownBy(() -> intake.load(s -> {
            assertThat(s).singleElement().satisfies(p -> assertThat(p.getFileName()).hasToString("MSDS (April).zip"));
            throw new IllegalStateException("not a readable zip");
        })).hasMessage("not a readable zip");
        assertThat(intake.folder()).doesNotExist();
        assertThat(zip).exists();
        assertThat(Intake.isDroppedSubmission(dropZone.resolve(".hidden.zip"))).isFalse();
        assertThat(Intake.isDroppedSubmission(Files.writeString(dropZone.resolve("notes.txt"), "x"))).isFalse();
    }

    @Test
    void clientNamesAreReducedToSafeFileNames() {
        assertThat(Intake.safeName("..\\..\\secret/../x.csv")).isEqualTo("x.csv");
        assertThat(Intake.safeName("a:b*c.csv")).isEqualTo("a_b_c.csv");
        assertThat(Intake.safeName(".bashrc")).isEqualTo("file.bashrc");
        assertThat(Intake.safeName(null)).isEqualTo("file");
    }

    private static Intake.Content text(String content) {
        return target -> Files.writeString(target, content, StandardCharsets.UTF_8);
    }

    private static String content(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
