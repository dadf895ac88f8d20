package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.Application;

/** The jar's command line as a user meets it: exit codes, the JSON report, and clear errors. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--equity.ingest.pseudonymisation-key=cli-test-key");
        return CommandLine.run(Application.class, all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path extract(String name, String msd101Header) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("MSD000.csv"), "OrgCodeProvider,RPStartDate,RPEndDate\nRWE,2024-04-01,2024-04-30\n");
        Files.writeString(folder.resolve("MSD001.csv"), "LPIDMother,PersonBirthDateMother\nM1,1990-01-01\n");
        Files.writeString(folder.resolve("MSD002.csv"), "LPIDMother,OrgCodeGMPMother\nM1,C82001\n");
        Files.writeString(folder.resolve("MSD101.csv"), msd101Header + "\nP1,M1,2024-04-02\nP2,M1,2024-13-01\n");
        return folder;
    }

    @Test
    void ingestRecognisesAnMhsdsSubmissionAndNamesItsDatasetAndTables() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("rt5"));
        Files.writeString(folder.resolve("MHS000Header.csv"),
                "OrgIDProvider,ReportingPeriodStartDate,ReportingPeriodEndDate\nRT5,2024-04-01,2024-04-30\n");
        Files.writeString(folder.resolve("MHS001MPI.csv"), "LocalPatientId,EthnicCategory\nW1,A\n");
        Files.writeString(folder.resolve("MHS101Referral.csv"),
                "ServiceRequestId,LocalPatientId,ReferralRequestReceivedDate\nR1,W1,2024-04-02\n");
        Files.writeString(folder.resolve("MHS102ServiceTypeReferredTo.csv"), "ServiceRequestId,ServTeamTypeRefToMH\nR1,C02\n");
        Files.writeString(folder.resolve("MHS201CareContact.csv"),
                "CareContactId,ServiceRequestId,CareContDate,AttendOrDNACode\nK1,R1,2024-04-09,5\nK2,R1,2024-04-31,5\n");
        Path report = dir.resolve("mhsds.json");

        int code = run("--db=" + dir.resolve("cli.duckdb"), "ingest", folder.toString(), "--report", report.toString());

        assertThat(code).as(err()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode submission = json.get("submissions").get(0);
        assertThat(submission.get("dataset").asText()).isEqualTo("MHSDS");
        assertThat(submission.get("provider").asText()).isEqualTo("RT5");
        JsonNode mhs201 = submission.get("tables").get(4);
        assertThat(mhs201.get("table").asText()).isEqualTo("MHS201");
        assertThat(mhs201.get("loaded").asLong()).isEqualTo(1);
        JsonNode reject = json.get("rejects").get(0);
        assertThat(reject.get("table").asText()).isEqualTo("MHS201");
        assertThat(reject.get("line").asInt()).isEqualTo(3);
        assertThat(reject.get("column").asText()).isEqualTo("CareContDate");
    }

    @Test
    void ingestExits0AndWritesTheJsonReport() throws Exception {
        Path good = extract("good", "PregnancyID,LPIDMother,AntenatalAppDate");
        Path report = dir.resolve("report.json");

        int code = run("--db=" + dir.resolve("cli.duckdb"), "ingest", good.toString(), "--report", report.toString());

        assertThat(code).as(err()).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode submission = json.get("submissions").get(0);
        assertThat(submission.get("provider").asText()).isEqualTo("RWE");
        assertThat(submission.get("periodStart").asText()).isEqualTo("2024-04-01");
        assertThat(submission.get("periodEnd").asText()).isEqualTo("2024-04-30");
        assertThat(submission.get("status").asText()).isEqualTo("loaded");
        JsonNode msd101 = submission.get("tables").get(3);
        assertThat(msd101.get("table").asText()).isEqualTo("MSD101");
        assertThat(msd101.get("read").asLong()).isEqualTo(2);
        assertThat(msd101.get("loaded").asLong()).isEqualTo(1);
        assertThat(msd101.get("rejected").asLong()).isEqualTo(1);
        JsonNode reject = json.get("rejects").get(0);
        assertThat(reject.get("file").asText()).isEqualTo("MSD101.csv");
        assertThat(reject.get("table").asText()).isEqualTo("MSD101");
        assertThat(reject.get("line").isInt()).isTrue();
        assertThat(reject.get("line").asInt()).isEqualTo(3);
        assertThat(reject.get("column").asText()).isEqualTo("AntenatalAppDate");
        assertThat(reject.get("value").asText()).isEqualTo("2024-13-01");
        assertThat(reject.get("reason").asText()).isEqualTo("not a valid date (CCYY-MM-DD)");
        assertThat(json.get("warnings").isArray()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("MSD101  read 2  loaded 1  rejected 1");
    }

    @Test
    void optionsMayComeBeforeOrAfterTheCommandAndARefusalExits1() throws Exception {
        Path bad = extract("bad", "PregnancyID,LPIDMother");

        int code = run("ingest", bad.toString(), "--db=" + dir.resolve("cli2.duckdb"));

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("Refused bad: MSD101.csv (MSD101): missing mandatory column AntenatalAppDate")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExit2() {
        assertThat(run("--db=" + dir.resolve("u.duckdb"), "ingest")).isEqualTo(2);
        assertThat(err()).contains("ingest needs at least one PATH");
        assertThat(run("--db=" + dir.resolve("u.duckdb"), "ingest", "x", "--report")).isEqualTo(2);
        assertThat(err()).contains("Option --report needs a value");
        assertThat(run("--db=" + dir.resolve("u.duckdb"), "ingest", "x", "--frobnicate")).isEqualTo(2);
        assertThat(err()).contains("Unknown option --frobnicate");
        assertThat(run("fly")).isEqualTo(2);
        assertThat(err()).contains("Unknown command 'fly'");
    }

    @Test
    void aDatabaseHeldByAnotherProcessGetsAClearMessage() throws Exception {
        Path file = dir.resolve("held.duckdb");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), file.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("locked");

            int code = run("--db=" + file, "ingest", extract("any", "PregnancyID,LPIDMother,AntenatalAppDate").toString());

            assertThat(code).isEqualTo(1);
            assertThat(err()).contains("The database " + file + " is in use by another process")
                    .contains("stop the dashboard server first").doesNotContain("\tat ");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }
}
