package org.perinatalequity.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.Application;
import org.perinatalequity.system.CommandLine;

/**
 * {@code board-pack --period YYYY-MM --out FILE.pdf} as a monthly job runs it: on a database with a small synthetic
 * extract loaded by {@code ingest}, it exits 0 and writes a PDF with the period and the measures; usage errors exit
 * 2 with the usage line.
 */
class BoardPackCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--equity.ingest.pseudonymisation-key=cli-test-key");
        all.add("--equity.ingest.inbox-enabled=false");
        return CommandLine.run(Application.class, all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesThePackForAMonthAndRefusesBadUsage() throws Exception {
        String db = "--db=" + dir.resolve("pack.duckdb");
        assertThat(run("demo-data", "--births", "600", "--seed", "7", "--out", dir.resolve("extract").toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run(db, "reference", dir.resolve("extract").resolve("reference").toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(run(db, "ingest", dir.resolve("extract").resolve("msds").toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();

        Path pdf = dir.resolve("packs").resolve("board-2025-03.pdf");
        out.reset();
        int code = run(db, "board-pack", "--period", "2025-03", "--out", pdf.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote the board pack for 2025-03 to ");
        assertThat(Files.exists(pdf.resolveSibling("board-2025-03.pdf.part"))).isFalse();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Perinatal equity board pack, March 2025");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Period: March 2025", "Continuity of carer by 29 weeks", "Ethnicity recorded",
                    "Data-quality escalations", "Action plan status", "n = ", "data to ");
        }

        err.reset();
        assertThat(run(db, "board-pack", "--period", "2025-13", "--out", pdf.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--period must be a month in the form YYYY-MM",
                "Usage: board-pack --period YYYY-MM --out FILE.pdf").doesNotContain("\tat ");
        err.reset();
        assertThat(run(db, "board-pack", "--period", "2025-03")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs --period YYYY-MM and --out FILE.pdf");
    }
}
