package org.perinatalequity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample data the build puts on the classpath (and so in the jar) comes back out as the folder the first-start
 * loader reads, byte for byte the committed data-samples/.
 */
class SampleDataClasspathTest {

    @TempDir
    Path empty;

    @Test
    void thePackagedSampleDataIsWrittenOutWhole() throws Exception {
        Path folder = SampleDataLoader.fromClasspath(empty.resolve("data-samples"));

        assertThat(folder).isEqualTo(empty.resolve("data-samples").toAbsolutePath());
        assertThat(folder.resolve("action-plan.csv")).hasSameBinaryContentAs(Path.of("data-samples", "action-plan.csv"));
        assertThat(Files.readAllBytes(folder.resolve(SampleDataLoader.SAMPLE_EXTRACT)))
                .isEqualTo(Files.readAllBytes(Path.of("data-samples", SampleDataLoader.SAMPLE_EXTRACT)));
        try (var committed = Files.list(Path.of("data-samples", SampleDataLoader.SAMPLE_REFERENCE))) {
            for (Path file : committed.toList()) {
                assertThat(folder.resolve(SampleDataLoader.SAMPLE_REFERENCE).resolve(file.getFileName().toString()))
                        .hasSameBinaryContentAs(file);
            }
        }
    }
}
