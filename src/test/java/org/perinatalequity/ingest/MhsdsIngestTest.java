package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * MHSDS v6 as the second dataset on the one ingest mechanism, against a real DuckDB file: recognised from the
 * file names, v5 and national names through the registry, the same rejects and refusals, replacement by
 * provider and period within the dataset, and the linkage of its women to MSDS.
 */
class MhsdsIngestTest {

    private static final String KEY = "test-key";
    /** A valid NHS number: the MSDS mother M1 of {@link Extract#minimal} carries it too. */
    private static final String NHS_M1 = "9434765919";
    private static final String NHS_OTHER = "9434765870";

    @TempDir
    Path dir;

    private TestDatabase db;
    private JdbcClient jdbc;
    private IngestService service;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        MsdsRegistry registry = new MsdsRegistry();
        EquityProperties properties = new EquityProperties(new EquityProperties.Database(db.file()),
                new EquityProperties.Ingest(KEY, dir.resolve("inbox"), false, 10, 1L << 30, 1L << 30, 50),
                new EquityProperties.SampleData(false, dir), new EquityProperties.Reference("2019"));
        service = new IngestService(db.dataSource(), registry, new IngestLogQuery(jdbc, registry),
                new DerivedDataRefresher(db.dataSource(), List.of(new LatestVersions(db.dataSource(), registry),
                        new MentalHealthWomen()),
                        new DataVersion(), e -> { }),
                properties, e -> { });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private IngestReport ingest(Path... paths) {
        return service.ingest(List.of(paths), new IngestService.Requester("tester", "test"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** A provider-layout MHSDS v6 submission of RT5 for April 2024: two women, three referrals. */
    private Extract mhsds(String folder, String start, String end) throws Exception {
        return Extract.in(dir.resolve(folder))
                .file("MHS000Header.csv", "OrgIDProvider,ReportingPeriodStartDate,ReportingPeriodEndDate",
                        "RT5," + start + "," + end)
                .file("MHS001MPI.csv", "LocalPatientId,NHSNumber,EthnicCategory,Postcode,GenderIDCode,Gender,LADistrictAuth",
                        "W1," + NHS_M1 + ",H,LE2 1AA,2,2,E06000016", "W2," + NHS_OTHER + ",M,,2,2,E06000016")
                .file("MHS101Referral.csv", "ServiceRequestId,LocalPatientId,ReferralRequestReceivedDate,ServDischDate,ReferRejectionDate",
                        "R1,W1,2024-01-15,,", "R2,W2,2024-04-03,2024-04-20,", "R3,W2,2024-04-05,,2024-04-06")
                .file("MHS102ServiceTypeReferredTo.csv", "ServiceRequestId,ServTeamTypeRefToMH,ReferClosureDate",
                        "R1,C02,", "R2,F02,2024-04-20", "R3,C02,")
                .file("MHS201CareContact.csv", "CareContactId,ServiceRequestId,CareContDate,AttendStatus,ConsMechanismMH",
                        "K1,R1,2024-01-20,5,01", "K2,R1,2024-04-10,7,01", "K3,R2,2024-04-12,6,02");
    }

    @Test
    void loadsAProviderLayoutSubmissionAsTheMhsdsDatasetWithRowsDatedBeforeItsPeriod() throws Exception {
        IngestReport report = ingest(mhsds("rt5-apr", "2024-04-01", "2024-04-30").path());

        assertThat(report.allLoaded()).as(report.toString()).isTrue();
        assertThat(report.rejects()).isEmpty();
        IngestReport.Submission s = report.submissions().get(0);
        assertThat(s.dataset()).isEqualTo(Dataset.MHSDS);
        assertThat(s.provider()).isEqualTo("RT5");
        assertThat(s.tables()).containsExactly(new IngestReport.TableCount("MHS000", 1, 1, 0),
                new IngestReport.TableCount("MHS001", 2, 2, 0), new IngestReport.TableCount("MHS101", 3, 3, 0),
                new IngestReport.TableCount("MHS102", 3, 3, 0), new IngestReport.TableCount("MHS201", 3, 3, 0));
        assertThat(jdbc.sql("SELECT dataset || ' ' || layout FROM submission").query(String.class).single())
                .isEqualTo("MHSDS provider");
        // R1 was received and K1 held in January, before the April reporting period: both are loaded.
        assertThat(count("SELECT count(*) FROM internal.mhs101 WHERE ReferralRequestReceivedDate < DATE '2024-04-01'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM internal.mhs201 WHERE CareContDate < DATE '2024-04-01'")).isEqualTo(1);
        // NHS numbers are stored as the keyed hash, never as the number.
        assertThat(count("SELECT count(*) FROM mhs001 WHERE NHSNumber IN ('" + NHS_M1 + "', '" + NHS_OTHER + "')"))
                .isZero();
        assertThat(count("SELECT count(*) FROM mhs001 WHERE length(NHSNumber) = 64")).isEqualTo(2);
    }

    @Test
    void readsV5AndNationalNames() throws Exception {
        Extract extract = Extract.in(dir.resolve("national"))
                .file("MHS000Header.csv", "OrgIDProvider,ReportingPeriodStartDate,ReportingPeriodEndDate,UniqMonthID",
                        "RT5,2024-04-01,2024-04-30,1489")
                .file("MHS001MPI.csv", "Person_ID,EthnicCategory,LSOA2011,Gender,UniqMonthID",
                        "P00000000000000000001,A,E01025666,2,1489")
                .file("MHS101Referral.csv", "UniqServReqID,Person_ID,ReferralRequestReceivedDate,UniqMonthID",
                        "RT5S1,P00000000000000000001,2024-04-02,1489")
                .file("MHS102ServiceTypeReferredTo.csv", "UniqServReqID,ServTeamTypeRefToMH,UniqMonthID",
                        "RT5S1,C02,1489")
                .file("MHS201CareContact.csv", "UniqCareContID,UniqServReqID,CareContDate,AttendOrDNACode,ConsMechanismMH,UniqMonthID",
                        "RT5C1,RT5S1,2024-04-09,3,11,1489");

        IngestReport report = ingest(extract.path());

        assertThat(report.allLoaded()).as(report.toString()).isTrue();
        assertThat(report.rejects()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(jdbc.sql("SELECT layout FROM submission").query(String.class).single()).isNotEqualTo("provider");
        assertThat(jdbc.sql("SELECT LocalPatientId || ' ' || ServiceRequestId FROM internal.mhs101")
                .query(String.class).single()).isEqualTo("P00000000000000000001 RT5S1");
        assertThat(jdbc.sql("SELECT CareContactId || ' ' || AttendStatus || ' ' || ConsMechanismMH || ' ' || UniqMonthID"
                + " FROM internal.mhs201").query(String.class).single()).isEqualTo("RT5C1 3 11 1489");
        var woman = jdbc.sql("SELECT person_id, linked, dim_source, ethnic_group, lsoa FROM v_mh_women").query()
                .singleRow();
        assertThat(woman).containsEntry("person_id", "P00000000000000000001").containsEntry("linked", false)
                .containsEntry("dim_source", "MHSDS").containsEntry("ethnic_group", "White")
                .containsEntry("lsoa", "E01025666");
    }

    @Test
    void rejectsBadRowsWithTheirExactLinesAndLoadsTheRest() throws Exception {
        Extract extract = mhsds("bad", "2024-04-01", "2024-04-30")
                .file("MHS201CareContact.csv", "CareContactId,ServiceRequestId,CareContDate,AttendStatus,ConsMechanismMH",
                        "K1,R1,2024-01-20,5,01", "K2,R1,2024-13-10,5,01", "K3,R2,2024-04-12,8,01", "K4,,2024-04-12,5,01");

        IngestReport report = ingest(extract.path());

        assertThat(report.allLoaded()).isTrue();
        assertThat(report.rejects()).extracting(IngestReport.Issue::table, IngestReport.Issue::line,
                IngestReport.Issue::column, IngestReport.Issue::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MHS201", 3, "CareContDate", "malformed"),
                        org.assertj.core.groups.Tuple.tuple("MHS201", 5, "ServiceRequestId", "missing_mandatory"));
        // An attendance code outside the code list is not mandatory: the row loads, with a warning.
        assertThat(report.warnings()).anySatisfy(w -> {
            assertThat(w.table()).isEqualTo("MHS201");
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.column()).isEqualTo("AttendStatus");
            assertThat(w.value()).isEqualTo("8");
        });
        assertThat(report.submissions().get(0).tables())
                .contains(new IngestReport.TableCount("MHS201", 4, 2, 2));
        assertThat(jdbc.sql("SELECT string_agg(CareContactId, ',' ORDER BY CareContactId) FROM internal.mhs201")
                .query(String.class).single()).isEqualTo("K1,K3");
    }

    @Test
    void refusesASubmissionWithoutARequiredTableOrMixingDatasetsAndChangesNothing() throws Exception {
        Extract missing = mhsds("missing", "2024-04-01", "2024-04-30").delete("MHS102ServiceTypeReferredTo.csv");
        Extract mixed = mhsds("mixed", "2024-04-01", "2024-04-30")
                .file("MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", "RWE,2024-04-01,2024-04-30");

        IngestReport report = ingest(missing.path(), mixed.path());

        assertThat(report.submissions()).extracting(IngestReport.Submission::status)
                .containsExactly(IngestReport.Status.refused, IngestReport.Status.refused);
        assertThat(report.submissions().get(0).dataset()).isEqualTo(Dataset.MHSDS);
        assertThat(report.submissions().get(0).message()).isEqualTo("The submission has no MHS102 file (every MHSDS"
                + " submission needs MHS000, MHS001, MHS101, MHS102, MHS201)");
        assertThat(report.submissions().get(1).message()).startsWith("The submission mixes files of two datasets: ");
        assertThat(count("SELECT count(*) FROM submission")).isZero();
        assertThat(count("SELECT count(*) FROM mhs201")).isZero();
    }

    @Test
    void replacesByProviderAndPeriodWithinTheDatasetOnly() throws Exception {
        Path msds = Extract.minimal(dir.resolve("msds"), "RT5", "2024-04-01", "2024-04-30").path();
        ingest(msds, mhsds("first", "2024-04-01", "2024-04-30").path());
        Extract again = mhsds("again", "2024-04-01", "2024-04-30")
                .file("MHS201CareContact.csv", "CareContactId,ServiceRequestId,CareContDate,AttendStatus,ConsMechanismMH",
                        "K9,R1,2024-04-25,5,11");

        IngestReport report = ingest(again.path());

        assertThat(report.allLoaded()).isTrue();
        // The MHSDS load of RT5 for April replaced the earlier one; the MSDS load of the same code and period stays.
        assertThat(jdbc.sql("SELECT string_agg(dataset, ',' ORDER BY dataset) FROM submission").query(String.class)
                .single()).isEqualTo("MHSDS,MSDS");
        assertThat(jdbc.sql("SELECT string_agg(CareContactId, ',') FROM mhs201").query(String.class).single())
                .isEqualTo("K9");
        assertThat(count("SELECT count(*) FROM msd101")).isEqualTo(1);
    }

    @Test
    void linksWomenToMsdsByTheirNhsNumberPseudonymAndKeepsTheUnlinkedWithTheirOwnDemographics() throws Exception {
        ingest(Extract.minimal(dir.resolve("msds"), "RWE", "2024-04-01", "2024-04-30").path(),
                mhsds("rt5", "2024-04-01", "2024-04-30").path());

        List<Map<String, Object>> women = jdbc.sql("SELECT person_id, linked, msds_provider, msds_mother_id,"
                + " dim_source, dim_provider, dim_mother_id, ethnic_group, team FROM v_mh_women ORDER BY person_id")
                .query().listOfRows();
        assertThat(women).hasSize(2);
        // W1 shares M1's NHS number: linked, her ethnicity is MSDS's (A, White), not MHS001's (H, Asian).
        assertThat(women.get(0)).containsEntry("person_id", "W1").containsEntry("linked", true)
                .containsEntry("msds_provider", "RWE").containsEntry("msds_mother_id", "M1")
                .containsEntry("dim_source", "MSDS").containsEntry("dim_provider", "RWE")
                .containsEntry("dim_mother_id", "M1").containsEntry("ethnic_group", "White");
        assertThat(women.get(1)).containsEntry("person_id", "W2").containsEntry("linked", false)
                .containsEntry("dim_source", "MHSDS").containsEntry("dim_provider", "RT5")
                .containsEntry("dim_mother_id", "MHSDS/W2").containsEntry("ethnic_group", "Black or Black British")
                .containsEntry("team", "Unknown");
        assertThat(jdbc.sql("SELECT provider || ' ' || women || ' ' || linked || ' ' || linkage_rate FROM v_mh_linkage")
                .query(String.class).single()).isEqualTo("RT5 2 1 0.5");
        assertThat(service.findMentalHealthLinkage())
                .containsExactly(new LoadedData.MentalHealthLinkage("RT5", 2, 1, 0.5, 3, 3));
        // The unlinked woman joins the dimension rows; the linked one is there once, as her MSDS self.
        assertThat(count("SELECT count(*) FROM v_women_all")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT dim_source FROM v_women_all WHERE mother_id = 'MHSDS/W2'").query(String.class)
                .single()).isEqualTo("MHSDS");
    }

    @Test
    void linksNationalPersonIdsToPersonIdMother() throws Exception {
        Extract msds = Extract.in(dir.resolve("msds-national"))
                .file("MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", "RWE,2024-04-01,2024-04-30")
                .file("MSD001.csv", "Person_ID_Mother,EthnicCategoryMother", "PID1,Z")
                .file("MSD101.csv", "UniqPregID,Person_ID_Mother,AntenatalAppDate", "U1,PID1,2024-04-10");
        Extract mh = Extract.in(dir.resolve("mh-national"))
                .file("MHS000Header.csv", "OrgIDProvider,ReportingPeriodStartDate,ReportingPeriodEndDate",
                        "RT5,2024-04-01,2024-04-30")
                .file("MHS001MPI.csv", "Person_ID,EthnicCategory", "PID1,A", "PID2,B")
                .file("MHS101Referral.csv", "UniqServReqID,Person_ID,ReferralRequestReceivedDate", "S1,PID1,2024-04-02")
                .file("MHS102ServiceTypeReferredTo.csv", "UniqServReqID,ServTeamTypeRefToMH", "S1,C02")
                .file("MHS201CareContact.csv", "UniqCareContID,UniqServReqID,CareContDate,AttendStatus",
                        "C1,S1,2024-04-09,5");

        assertThat(ingest(msds.path(), mh.path()).allLoaded()).isTrue();

        assertThat(jdbc.sql("SELECT string_agg(person_id || ':' || linked || ':' || ethnic_group, ',' ORDER BY person_id)"
                + " FROM v_mh_women").query(String.class).single())
                // Linked, her MSDS answer wins even though it is "not stated".
                .isEqualTo("PID1:true:Not stated,PID2:false:White");
    }
}
