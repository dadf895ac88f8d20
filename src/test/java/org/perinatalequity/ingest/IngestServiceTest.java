package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingestion against a real DuckDB file: both layouts, every class of bad input with its exact reason,
 * refusals that change nothing, re-loads, overlapping submissions and pseudonymisation.
 */
class IngestServiceTest {

    private static final String KEY = "test-key";
    private static final IngestService.Requester TESTER = new IngestService.Requester("tester", "test");

    @TempDir
    Path dir;

    private TestDatabase db;
    private JdbcClient jdbc;
    private IngestService service;
    private final List<DataChangedEvent> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        service = service(2_000_000_000L);
    }

    private IngestService service(long maxUncompressed) {
        MsdsRegistry registry = new MsdsRegistry();
        EquityProperties properties = new EquityProperties(new EquityProperties.Database(db.file()),
                new EquityProperties.Ingest(KEY, dir.resolve("inbox"), false, 10, 1L << 30, maxUncompressed, 50),
                new EquityProperties.SampleData(false, dir), new EquityProperties.Reference("2019"));
        return new IngestService(db.dataSource(), registry, new IngestLogQuery(jdbc, registry),
                new DerivedDataRefresher(db.dataSource(), List.of(new LatestVersions(db.dataSource(), registry),
                        new MentalHealthWomen()),
                        new DataVersion(), e -> { }),
                properties, e -> events.add((DataChangedEvent) e));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private IngestReport ingest(Path... paths) {
        return service.ingest(List.of(paths), TESTER);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private IngestReport.Issue onlyReject(IngestReport report) {
        assertThat(report.rejects()).hasSize(1);
        return report.rejects().get(0);
    }

    // ------------------------------------------------------------------ good loads

    @Test
    void loadsAProviderLayoutSubmissionAndDerivesTheViews() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("apr"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD102.csv", "PregnancyID,CarePlanDate,CarePlanType,MatPersCarePlanInd,ContCarePathInd,CareProfLID,TeamLocalID",
                        "P1,2024-04-02,05,Y,Y,MW1,CITY-NORTH")
                .file("MSD201.csv", "CareConID,PregnancyID,CContactDate,Medium,AttendCode", "C1,P1,2024-04-02,01,5",
                        "C2,P1,2024-04-20,02,3")
                .file("MSD301.csv", "LabourDeliveryID,PregnancyID,LabourOnsetMethod,LabourOnsetDate",
                        "D1,P1,1,2024-10-18")
                .file("MSD401.csv", "LPIDBaby,LabourDeliveryID,OrgIDLocalPatientIdBaby,PersonBirthDateBaby,PersonBirthTimeBaby,PregOutcome,PersonPhenSex,GestationLengthBirth,DeliveryMethodCode,BabyFirstFeedIndCode",
                        "B1,D1,RWE,2024-10-18,10:15:00,01,2,275,0,01");

        IngestReport report = ingest(extract.path());

        assertThat(report.allLoaded()).isTrue();
        assertThat(report.rejects()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        IngestReport.Submission s = report.submissions().get(0);
        assertThat(s.provider()).isEqualTo("RWE");
        assertThat(s.periodStart()).hasToString("2024-04-01");
        assertThat(s.periodEnd()).hasToString("2024-04-30");
        assertThat(s.tables()).contains(new IngestReport.TableCount("MSD201", 2, 2, 0),
                new IngestReport.TableCount("MSD401", 1, 1, 0));
        assertThat(jdbc.sql("SELECT layout FROM submission").query(String.class).single()).isEqualTo("provider");

        var woman = jdbc.sql("SELECT ethnic_group, postcode_district, gp_practice, team FROM v_women").query().singleRow();
        assertThat(woman).containsEntry("ethnic_group", "White").containsEntry("postcode_district", "LE1")
                .containsEntry("gp_practice", "C82001").containsEntry("team", "CITY-NORTH");
        assertThat(count("SELECT gestation_at_booking_days FROM v_bookings")).isEqualTo(280 - 201);
        assertThat(count("SELECT babies_in_delivery FROM v_births")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM v_contacts WHERE attend_code = '3'")).isEqualTo(1);
        assertThat(events).extracting(DataChangedEvent::runId).containsExactly(report.runId());
    }

    @Test
    void loadsTheNationalLayoutThroughTheAliasRegistry() throws Exception {
        Extract extract = Extract.in(dir.resolve("national"))
                .file("MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", "RWE,2024-04-01,2024-04-30")
                .file("MSD001Mother.csv", "Person_ID_Mother,EthnicCategoryMother,PostcodeDistrictMother,LSOAMother2011,Rank_IMD_Decile_2015,RecordNumber",
                        "9000000000000000000012345,N,LE2,E01025666,02,77")
                .file("msd002_gp.csv", "Person_ID_Mother,OrgCodeGMPMother", "9000000000000000000012345,C82010")
                .file("MSD101.csv", "UniqPregID,Person_ID_Mother,AntenatalAppDate,GestAgeBooking",
                        "U123,9000000000000000000012345,2024-04-10,65");

        IngestReport report = ingest(extract.path());

        assertThat(report.allLoaded()).isTrue();
        assertThat(report.rejects()).isEmpty();
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo("ignored_column");
            assertThat(w.column()).isEqualTo("Rank_IMD_Decile_2015, RecordNumber");
        });
        assertThat(jdbc.sql("SELECT layout FROM submission").query(String.class).single()).isEqualTo("national");
        var woman = jdbc.sql("SELECT mother_id, ethnic_group, postcode_district, lsoa FROM v_women")
                .query().singleRow();
        assertThat(woman).containsEntry("mother_id", "9000000000000000000012345")
                .containsEntry("ethnic_group", "Black or Black British").containsEntry("postcode_district", "LE2")
                .containsEntry("lsoa", "E01025666");
        assertThat(count("SELECT gestation_at_booking_days FROM v_bookings WHERE pregnancy_id = 'U123'")).isEqualTo(65);
    }

    @Test
    void acceptsUtf8WithBomCrlfQuotedFieldsAndWindows1252() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("enc"), "RWE", "2024-04-01", "2024-04-30");
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] body = ("OrgCodeProvider,RPStartDate,RPEndDate\r\n\"RWE\",\"2024-04-01\",2024-04-30\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        extract.bytes("MSD000.csv", withBom)
                .file("MSD002.csv", Charset.forName("windows-1252"), "\r\n", "LPIDMother,OrgCodeGMPMother,OrgIDGPPrac",
                        "M1,C82001,\"Zoë€\"");

        IngestReport report = ingest(extract.path());

        assertThat(report.allLoaded()).as(report.toString()).isTrue();
        assertThat(jdbc.sql("SELECT OrgIDGPPrac FROM msd002").query(String.class).single()).isEqualTo("Zoë€");
        assertThat(jdbc.sql("SELECT encoding FROM ingest_file WHERE file_name = 'MSD002.csv'").query(String.class)
                .single()).isEqualTo("Windows-1252");
        assertThat(jdbc.sql("SELECT encoding FROM ingest_file WHERE file_name = 'MSD000.csv'").query(String.class)
                .single()).isEqualTo("UTF-8 with BOM");
        // Four characters after decoding (six bytes in UTF-8), so within OrgIDGPPrac's 3 to 5.
        assertThat(report.warnings()).isEmpty();
    }

    // ------------------------------------------------------------------ rejected rows and warnings

    @Test
    void rejectsARowMissingAMandatoryItemWithFileLineAndColumn() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("x"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate", "P1,M1,2024-04-02", "P2,M1,",
                        "P3,M1,2024-04-05");

        IngestReport report = ingest(extract.path());

        assertThat(report.allLoaded()).isTrue();
        assertThat(onlyReject(report)).isEqualTo(new IngestReport.Issue("missing_mandatory", "MSD101.csv", "MSD101", 3,
                "AntenatalAppDate", null, "missing mandatory item"));
        assertThat(report.submissions().get(0).tables()).contains(new IngestReport.TableCount("MSD101", 3, 2, 1));
        assertThat(jdbc.sql("SELECT PregnancyID FROM msd101 ORDER BY 1").query(String.class).list())
                .containsExactly("P1", "P3");
    }

    @Test
    void rejectsMalformedMandatoryDatesAndKeysWithTheirValue() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("x"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate",
                        "P1,M1,02/04/2024",
                        "P2,M1,2024-02-30",
                        "P-" + "9".repeat(40) + ",M1,2024-04-03");

        IngestReport report = ingest(extract.path());

        assertThat(report.rejects()).containsExactly(
                new IngestReport.Issue("malformed", "MSD101.csv", "MSD101", 2, "AntenatalAppDate", "02/04/2024",
                        "not a valid date (CCYY-MM-DD)"),
                new IngestReport.Issue("malformed", "MSD101.csv", "MSD101", 3, "AntenatalAppDate", "2024-02-30",
                        "not a valid date (CCYY-MM-DD)"),
                new IngestReport.Issue("malformed", "MSD101.csv", "MSD101", 4, "PregnancyID", "P-" + "9".repeat(40),
                        "must be 1 to 36 characters"));
        assertThat(count("SELECT count(*) FROM msd101")).isZero();
    }

    @Test
    void keepsInvalidOptionalValuesFlaggedForDataQualityAndWarns() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("x"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD001.csv", "LPIDMother,OrgIDLPID,PersonBirthDateMother,NHSNumberMother,Postcode,EthnicCategoryMother",
                        "M1,RWE,1990-01-01,1234567890,LE1 1A,X9");

        IngestReport report = ingest(extract.path());

        assertThat(report.rejects()).isEmpty();
        assertThat(report.warnings()).containsExactly(
                new IngestReport.Issue("invalid_value", "MSD001.csv", "MSD001", 2, "EthnicCategoryMother", "X9",
                        "not in the code list ETHNIC CATEGORY (A, B, C, D, E, F, G, H, J, K, L, M, N, P, R, S, Z, 99)"),
                // Sensitive items never show their value.
                new IngestReport.Issue("invalid_value", "MSD001.csv", "MSD001", 2, "NHSNumberMother", null,
                        "not a valid NHS number (10 digits with a correct check digit)"),
                new IngestReport.Issue("invalid_value", "MSD001.csv", "MSD001", 2, "Postcode", null,
                        "not a valid UK postcode"));
        assertThat(jdbc.sql("SELECT invalid_items FROM msd001").query((rs, i) -> rs.getArray(1).getArray()).single())
                .isEqualTo(new Object[] { "NHSNumberMother", "Postcode", "EthnicCategoryMother" });
        var woman = jdbc.sql("SELECT ethnic_category, ethnic_group, postcode_district FROM v_women").query().singleRow();
        assertThat(woman).containsEntry("ethnic_category", "Missing").containsEntry("ethnic_group", "Missing")
                .containsEntry("postcode_district", "Unknown");
    }

    @Test
    void rejectsRowsWithTheWrongNumberOfFieldsAndNumbersLinesAsAnEditorDoes() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("x"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate,EDDAgreed",
                        "P1,M1,2024-04-02,2024-10-20",
                        "",
                        "P2,M1,2024-04-02,\"2024-10-20\"",
                        "P3,M1,2024-04-02",
                        "\"P4\",\"M1\",\"2024-04-02\",\"2024-\n10-20\"",
                        "P5,M1,2024-04-02,2024-10-20,extra",
                        "P6,M1,bad,2024-10-20");

        IngestReport report = ingest(extract.path());

        assertThat(report.rejects()).containsExactly(
                new IngestReport.Issue("bad_row", "MSD101.csv", "MSD101", 5, null, null,
                        "row has 3 fields; the header has 4"),
                new IngestReport.Issue("bad_row", "MSD101.csv", "MSD101", 8, null, null,
                        "row has 5 fields; the header has 4"),
                new IngestReport.Issue("malformed", "MSD101.csv", "MSD101", 9, "AntenatalAppDate", "bad",
                        "not a valid date (CCYY-MM-DD)"));
        // The quoted field spanning lines 6-7 is one record; its invalid EDD is a warning at line 6.
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(6);
            assertThat(w.column()).isEqualTo("EDDAgreed");
        });
        assertThat(jdbc.sql("SELECT PregnancyID || '@' || line FROM msd101 ORDER BY line").query(String.class).list())
                .containsExactly("P1@2", "P2@4", "P4@6");
        assertThat(report.submissions().get(0).tables()).contains(new IngestReport.TableCount("MSD101", 6, 3, 3));
    }

    @Test
    void loadsOrphansAndWarnsAboutThem() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("x"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate", "P1,M1,2024-04-02", "P2,M7,2024-04-02")
                .file("MSD201.csv", "CareConID,PregnancyID,CContactDate", "C1,P1,2024-04-02", "C2,P9,2024-04-03");

        IngestReport report = ingest(extract.path());

        assertThat(report.warnings()).extracting(IngestReport.Issue::type, IngestReport.Issue::table,
                IngestReport.Issue::line, IngestReport.Issue::column, IngestReport.Issue::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orphan", "MSD101", 3, "LPIDMother", "M7"),
                        org.assertj.core.groups.Tuple.tuple("orphan", "MSD201", 3, "PregnancyID", "P9"));
        assertThat(count("SELECT count(*) FROM msd101")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM msd201")).isEqualTo(2);
    }

    @Test
    void aChildWhoseParentCameInAnEarlierSubmissionIsNotAnOrphan() throws Exception {
        ingest(Extract.minimal(dir.resolve("apr"), "RWE", "2024-04-01", "2024-04-30").path());
        Extract may = Extract.minimal(dir.resolve("may"), "RWE", "2024-05-01", "2024-05-31")
                .file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate", "P1,M1,2024-04-02")
                .file("MSD201.csv", "CareConID,PregnancyID,CContactDate", "C9,P1,2024-05-03");

        assertThat(ingest(may.path()).warnings()).isEmpty();
    }

    @Test
    void reportsAndIgnoresExtraColumns() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("x"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD002.csv", "LPIDMother,LocalNotes,OrgCodeGMPMother", "M1,free text,C82001");

        IngestReport report = ingest(extract.path());

        assertThat(report.warnings()).containsExactly(new IngestReport.Issue("ignored_column", "MSD002.csv", "MSD002",
                1, "LocalNotes", null, "column not in the MSDS registry for MSD002; ignored"));
        assertThat(jdbc.sql("SELECT OrgCodeGMPMother FROM msd002").query(String.class).single()).isEqualTo("C82001");
    }

    @Test
    void pseudonymisesNhsNumbersWithAKeyedHash() throws Exception {
        ingest(Extract.minimal(dir.resolve("x"), "RWE", "2024-04-01", "2024-04-30").path());

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("9434765919".getBytes(StandardCharsets.UTF_8)));
        assertThat(jdbc.sql("SELECT NHSNumberMother FROM msd001").query(String.class).single()).isEqualTo(expected);
        assertThat(count("SELECT count(*) FROM msd001 WHERE NHSNumberMother LIKE '%9434765919%'")).isZero();
    }

    // ------------------------------------------------------------------ refusals change nothing

    @Test
    void refusesASubmissionWhoseFileLacksAMandatoryColumnAndChangesNothing() throws Exception {
        ingest(Extract.minimal(dir.resolve("good"), "RWE", "2024-04-01", "2024-04-30").path());
        Extract bad = Extract.minimal(dir.resolve("bad"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD001.csv", "LPIDMother,EthnicCategoryMother", "M1,A", "M2,B")
                .file("MSD101.csv", "PregnancyID,LPIDMother,EDDAgreed", "P1,M1,2024-10-20");
        String before = snapshot();

        IngestReport report = ingest(bad.path());

        assertThat(report.allLoaded()).isFalse();
        assertThat(report.submissions().get(0).message())
                .isEqualTo("MSD101.csv (MSD101): missing mandatory column AntenatalAppDate");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(events).hasSize(1);
    }

    @Test
    void refusesUnknownTablesMissingTablesDuplicateTablesAndUnreadableZips() throws Exception {
        Extract unknown = Extract.minimal(dir.resolve("u"), "RWE", "2024-04-01", "2024-04-30")
                .file("notes.csv", "a,b", "1,2");
        Extract unknownId = Extract.minimal(dir.resolve("u2"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD999.csv", "a,b", "1,2");
        Extract missing = Extract.minimal(dir.resolve("m"), "RWE", "2024-04-01", "2024-04-30").delete("MSD101.csv");
        Extract twice = Extract.minimal(dir.resolve("t"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD101_copy.csv", "PregnancyID,LPIDMother,AntenatalAppDate", "P1,M1,2024-04-02");
        Path notZip = Files.writeString(dir.resolve("broken.zip"), "this is not a zip");
        String before = snapshot();

        IngestReport report = ingest(unknown.path(), unknownId.path(), missing.path(), twice.path(), notZip);

        assertThat(report.submissions()).extracting(IngestReport.Submission::message).containsExactly(
                "notes.csv: unknown table: the file name has no MSDnnn table id and the header matches no MSDS table",
                "MSD999.csv: unknown table MSD999 (not an MSDS v2 table)",
                "The submission has no MSD101 file (every submission needs MSD000, MSD001, MSD101)",
                "Two files for MSD101: MSD101.csv and MSD101_copy.csv",
                "broken.zip is not a readable zip file: it is damaged, incomplete or not a zip; send it again");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM ingest_submission WHERE status = 'refused'")).isEqualTo(5);
    }

    @Test
    void loadsASubmissionWithoutMsd002AndWarnsOnceThatGpPracticeAndPcnAreUnknown() throws Exception {
        Extract noGp = Extract.minimal(dir.resolve("nogp"), "RWE", "2024-04-01", "2024-04-30").delete("MSD002.csv");

        IngestReport report = ingest(noGp.path());

        assertThat(report.allLoaded()).isTrue();
        assertThat(report.rejects()).isEmpty();
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.type()).isEqualTo("missing_table");
            assertThat(w.table()).isEqualTo("MSD002");
            assertThat(w.reason()).contains("GP practice and PCN are unknown for this submission");
        });
        var woman = jdbc.sql("SELECT ethnic_group, gp_practice, pcn FROM v_women").query().singleRow();
        assertThat(woman).containsEntry("ethnic_group", "White").containsEntry("gp_practice", "Unknown")
                .containsEntry("pcn", "Unknown");
        assertThat(count("SELECT count(*) FROM v_bookings")).isEqualTo(1);
    }

    @Test
    void refusesABadMsd000Header() throws Exception {
        Extract bad = Extract.minimal(dir.resolve("h"), "RWE", "2024-04-31", "2024-04-30");

        IngestReport report = ingest(bad.path());

        assertThat(report.submissions().get(0).message())
                .isEqualTo("MSD000.csv (MSD000) line 2: RPStartDate '2024-04-31': not a valid date (CCYY-MM-DD)");
    }

    @Test
    void refusesZipBombsAndNeutralisesEntryPaths() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("z"), "RWE", "2024-04-01", "2024-04-30");
        Path traversal = extract.zip(dir.resolve("traversal.zip"),
                Map.of("../../evil/MSD102.csv", "PregnancyID,CarePlanDate\nP1,2024-04-02\n".getBytes()));
        IngestReport report = ingest(traversal);
        assertThat(report.allLoaded()).isTrue();
        assertThat(Files.exists(dir.resolve("evil"))).isFalse();
        assertThat(count("SELECT count(*) FROM msd102")).isEqualTo(1);

        service = service(100);
        Path big = extract.zip(dir.resolve("big.zip"), Map.of());
        assertThat(ingest(big).submissions().get(0).message())
                .isEqualTo("big.zip unpacks to more than 100 bytes (the limit, equity.ingest.max-uncompressed-bytes);"
                        + " refused as a possible zip bomb");
    }

    @Test
    void refusesAZipWithMoreEntriesThanAllowedAndLoadsNothing() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("many"), "RWE", "2024-04-01", "2024-04-30");
        Map<String, byte[]> notes = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            notes.put("notes/" + i + ".txt", new byte[] { 'x' });
        }
        Path many = extract.zip(dir.resolve("many.zip"), notes);

        IngestReport report = ingest(many);

        assertThat(report.allLoaded()).isFalse();
        assertThat(report.submissions().get(0).message()).isEqualTo("many.zip holds more than 50 files (the limit,"
                + " equity.ingest.max-zip-entries)");
        assertThat(count("SELECT count(*) FROM submission")).isZero();
    }

    // ------------------------------------------------------------------ replacing and overlapping

    @Test
    void loadingTheSameSubmissionAgainReplacesIt() throws Exception {
        Extract extract = Extract.minimal(dir.resolve("x"), "RWE", "2024-04-01", "2024-04-30");
        ingest(extract.path());
        extract.file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate", "P1,M1,2024-04-02", "P2,M1,2024-04-09");

        IngestReport again = ingest(extract.path());

        assertThat(again.allLoaded()).isTrue();
        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM msd101")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM msd001")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ingest_submission WHERE replaced_submission_id IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void overlappingSubmissionsKeepTheLatestVersionOfEachRecord() throws Exception {
        ingest(Extract.minimal(dir.resolve("apr"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate,OrgSiteIDBooking",
                        "P1,M1,2024-04-02,RWEAA", "P2,M1,2024-04-20,RWEAA").path());
        ingest(Extract.minimal(dir.resolve("may"), "RWE", "2024-05-01", "2024-05-31")
                .file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate,OrgSiteIDBooking",
                        "P1,M1,2024-04-02,RWEAE").path());

        assertThat(count("SELECT count(*) FROM submission")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM msd101")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT pregnancy_id || ':' || booking_site FROM v_bookings ORDER BY 1").query(String.class)
                .list()).containsExactly("P1:RWEAE", "P2:RWEAA");
    }

    @Test
    void refusesToRunWithoutAPseudonymisationKey() {
        MsdsRegistry registry = new MsdsRegistry();
        IngestService keyless = new IngestService(db.dataSource(), registry, new IngestLogQuery(jdbc, registry),
                new DerivedDataRefresher(db.dataSource(), List.of(new LatestVersions(db.dataSource(), registry),
                        new MentalHealthWomen()),
                        new DataVersion(), e -> { }),
                new EquityProperties(new EquityProperties.Database(db.file()),
                        new EquityProperties.Ingest(" ", dir, false, 10, 1, 1, 1), new EquityProperties.SampleData(false, dir),
                        new EquityProperties.Reference("2019")),
                e -> { });

        assertThatThrownBy(() -> keyless.ingest(List.of(dir), TESTER)).isInstanceOf(IngestRefusedException.class)
                .hasMessageContaining("EQUITY_INGEST_PSEUDONYMISATION_KEY");
    }

    /** Every row of every raw table and the submissions, as text: equal snapshots mean nothing changed. */
    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("submission", "msd001", "msd002", "msd101", "msd102", "msd201", "msd401")) {
            all.append(table).append(jdbc.sql("SELECT * EXCLUDE (submission_id) FROM " + table + " ORDER BY ALL")
                    .query().listOfRows());
        }
        return all.toString().replaceAll("loaded_at=[^,}]*", "");
    }
}
