package org.perinatalequity.demodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTests {

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        DemoDataGenerator generator = new DemoDataGenerator();
        DemoDataSummary first = generator.generate(dir.resolve("a"), 3_000, 7L);
        DemoDataSummary again = generator.generate(dir.resolve("b"), 3_000, 7L);
        DemoDataSummary other = generator.generate(dir.resolve("c"), 3_000, 8L);

        assertThat(again.rowCounts()).isEqualTo(first.rowCounts());
        for (Path file : first.files()) {
            Path relative = dir.resolve("a").relativize(file);
            assertThat(Files.mismatch(file, dir.resolve("b").resolve(relative))).as(relative.toString())
                    .isEqualTo(-1L);
        }
        Path babies = Path.of("msds", "MSD401.csv");
        assertThat(Files.mismatch(dir.resolve("a").resolve(babies), dir.resolve("c").resolve(babies)))
                .isNotEqualTo(-1L);
        assertThat(other.rows("MSD401")).isEqualTo(3_000);
    }

    @Test
    void rejectsAnEmptyRun() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DemoDataGenerator().generate(dir, 0, 1L));
    }
}
