package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

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
 * The latest versions a load updates by key ({@link LatestVersions#rebuildSubmissions}) are the rows a whole rebuild
 * gives, for every store, after each load of a sequence that adds, supersedes and drops records of both datasets;
 * here every table is updated by key, even where the load brings most of its rows, so that path meets every table.
 */
class LatestVersionsTest {

    private static final String NHS_M1 = "9434765919";

    @TempDir
    Path dir;

    private TestDatabase db;
    private JdbcClient jdbc;
    private IngestService service;
    private DerivedDataRefresher refresher;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        MsdsRegistry registry = new MsdsRegistry();
        EquityProperties properties = new EquityProperties(new EquityProperties.Database(db.file()),
                new EquityProperties.Ingest("test-key", dir.resolve("inbox"), false, 10, 1L << 30, 1L << 30, 50),
                new EquityProperties.SampleData(false, dir), new EquityProperties.Reference("2019"));
        refresher = new DerivedDataRefresher(db.dataSource(), List.of(new LatestVersions(db.dataSource(), registry) {
            @Override
            boolean wholeWhenMostlyNew() {
                return false;
            }
        }, new MentalHealthWomen()), new DataVersion(), e -> { });
        service = new IngestService(db.dataSource(), registry, new IngestLogQuery(jdbc, registry), refresher,
                properties, e -> { });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void everyLatestViewCanBeUpdatedByKey() {
        List<String> views = jdbc.sql("SELECT sql FROM duckdb_views() WHERE schema_name = 'internal'"
                + " AND view_name LIKE '%\\_latest' ESCAPE '\\' AND view_name NOT LIKE 'quality%'")
                .query(String.class).list();
        assertThat(views).hasSizeGreaterThanOrEqualTo(19);
        assertThat(views).allSatisfy(sql -> assertThat(LatestVersions.updatable(sql)).as(sql).isTrue());
    }

    @Test
    void loadsUpdatedByKeyEqualAWholeRebuild() throws Exception {
        loadAndCompare(Extract.minimal(dir.resolve("apr"), "RWE", "2024-04-01", "2024-04-30")
                .file("MSD301.csv", "LabourDeliveryID,PregnancyID,LabourOnsetDate", "L1,P1,2024-04-20")
                .file("MSD401.csv", "LPIDBaby,LabourDeliveryID,PersonBirthDateBaby,PregOutcome,GestationLengthBirth",
                        "B1,L1,2024-04-20,01,270", "B2,L1,2024-04-20,01,270").path(), false);
        loadAndCompare(mentalHealth("rt5-apr", "W1," + NHS_M1 + ",H", "R1,W1,2024-04-15", "K1,R1,2024-04-20,5,01",
                "K2,R1,2024-04-27,3,01"), true);
        loadAndCompare(Extract.in(dir.resolve("may"))
                .file("MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", "RWE,2024-05-01,2024-05-31")
                .file("MSD001.csv", "LPIDMother,PersonBirthDateMother,EthnicCategoryMother",
                        "M1,1990-01-01,B", "M2,1991-02-02,")
                .file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate", "P1,M1,2024-04-02", "P2,M2,2024-05-09")
                .file("MSD401.csv", "LPIDBaby,LabourDeliveryID,PersonBirthDateBaby,PregOutcome,GestationLengthBirth",
                        "B2,L1,2024-04-20,02,270").path(), true);
        // April again: M1's booking and her babies are gone from it, a record without a mother id arrives.
        loadAndCompare(Extract.in(dir.resolve("apr-again"))
                .file("MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", "RWE,2024-04-01,2024-04-30")
                .file("MSD001.csv", "LPIDMother,PersonBirthDateMother,EthnicCategoryMother", "M3,1992-03-03,C",
                        ",1993-03-03,D")
                .file("MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate", "P3,M3,2024-04-11").path(), true);
        loadAndCompare(mentalHealth("rt5-apr-again", "W1,,M", "R1,W1,2024-04-16", "K2,R1,2024-04-27,5,11"), true);
    }

    private Path mentalHealth(String name, String woman, String referral, String... contacts) throws Exception {
        return Extract.in(dir.resolve(name))
                .file("MHS000Header.csv", "OrgIDProvider,ReportingPeriodStartDate,ReportingPeriodEndDate",
                        "RT5,2024-04-01,2024-04-30")
                .file("MHS001MPI.csv", "LocalPatientId,NHSNumber,EthnicCategory", woman)
                .file("MHS101Referral.csv", "ServiceRequestId,LocalPatientId,ReferralRequestReceivedDate", referral)
                .file("MHS102ServiceTypeReferredTo.csv", "ServiceRequestId,ServTeamTypeRefToMH", "R1,C02")
                .file("MHS201CareContact.csv", contactHeader(contacts)).path();
    }

    private static String[] contactHeader(String... contacts) {
        String[] lines = new String[contacts.length + 1];
        lines[0] = "CareContactId,ServiceRequestId,CareContDate,AttendStatus,ConsMechanismMH";
        System.arraycopy(contacts, 0, lines, 1, contacts.length);
        return lines;
    }

    private void loadAndCompare(Path extract, boolean incremental) {
        IngestReport report = service.ingest(List.of(extract), new IngestService.Requester("tester", "test"));
        assertThat(report.allLoaded()).as(report.toString()).isTrue();
        assertThat(refresher.lastRefreshIncremental()).isEqualTo(incremental);
        List<String> stores = jdbc.sql("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'internal'"
                + " AND table_name LIKE '%\\_store' ESCAPE '\\' ORDER BY 1").query(String.class).list();
        assertThat(stores).contains("msd001_store", "msd401_store", "mhs201_store", "wrk001_store");
        for (String store : stores) {
            jdbc.sql("CREATE OR REPLACE TABLE main.loaded_" + store + " AS SELECT * FROM internal." + store).update();
        }
        refresher.rebuildAll();
        for (String store : stores) {
            String loaded = "main.loaded_" + store;
            assertThat(count("SELECT * FROM internal." + store + " EXCEPT ALL SELECT * FROM " + loaded))
                    .as("%s after %s: rows the update missed", store, extract.getFileName()).isZero();
            assertThat(count("SELECT * FROM " + loaded + " EXCEPT ALL SELECT * FROM internal." + store))
                    .as("%s after %s: rows the update has and a rebuild not", store, extract.getFileName()).isZero();
            jdbc.sql("DROP TABLE " + loaded).update();
        }
    }

    private long count(String sql) {
        return jdbc.sql("SELECT count(*) FROM (" + sql + ")").query(Long.class).single();
    }
}
