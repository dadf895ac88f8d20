package org.perinatalequity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.security.SystemCaller;
import org.perinatalequity.system.DerivedDataRefresher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A refresh after a load rebuilds only what the load touched (the latest versions of the records its submissions
 * carry, the quality items of the women they touch), and leaves every derived table exactly as a full rebuild would:
 * after each load of a sequence (a first month, a later month with births of women booked earlier, a second provider
 * with the same local ids, mental health submissions of women linked and not, a reload of the first month that moves
 * a pregnancy to another woman and drops one, a reload of the mental health month, another later month) every
 * derived table is compared row for row, both ways, with what {@code rebuild} gives.
 */
@SpringBootTest(properties = { "equity.ingest.pseudonymisation-key=test-key", "equity.ingest.inbox-enabled=false" })
class IncrementalRefreshTest {

    private static final String NHS_M1 = "9434765919";
    private static final String NHS_OTHER = "9434765870";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(IncrementalRefreshTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    IngestService ingest;

    @Autowired
    DerivedDataRefresher refresher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyLoadLeavesTheTablesAFullRebuildGives() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "incremental");
        // The first load of an empty warehouse changes every row: it is rebuilt whole.
        loadAndCompare(extract(dir, "rwe-apr", "RWE", "2024-04-01", "2024-04-30",
                "M1,1990-01-01,A,LE1 1AA," + NHS_M1 + "\nM2,1985-06-30,99,,\nM3,2001-02-03,M,ZZ99 3VZ,\n",
                "M1,C82001\nM2,V81999\n",
                "P1,M1,2024-04-02,2024-10-20\nP2,M2,2024-04-10,2024-09-01\nP3,M3,2024-04-20,2024-11-11\n",
                null, null), false);
        loadAndCompare(extract(dir, "rwe-may", "RWE", "2024-05-01", "2024-05-31",
                "M4,1995-05-05,H,LE2 2BB,\n", "M4,C82002\n",
                "P4,M4,2024-05-03,2024-12-01\nP2,M2,2024-05-12,2024-09-01\n",
                "L1,P1,2024-05-20\n", "B1,L1,RWE,2024-05-20,10:00:00,01,1,270,0,01\nB2,L1,RWE,2024-05-20,10:05:00,01,2,270,7,\n"),
                true);
        loadAndCompare(extract(dir, "rwf-apr", "RWF", "2024-04-01", "2024-04-30",
                "M1,1988-08-08,B,LE3 3CC,\n", "M1,C82003\n", "P1,M1,2024-04-05,2024-10-01\n", null, null), true);
        loadAndCompare(mentalHealth(dir, "rt5-apr", "2024-04-01", "2024-04-30", "W1," + NHS_M1 + ",H,LE2 1AA",
                "K1,R1,2024-05-25,5,01\nK2,R1,2024-04-10,7,01\nK3,R2,2024-04-12,6,02\n"), true);
        loadAndCompare(extract(dir, "rwe-apr-again", "RWE", "2024-04-01", "2024-04-30",
                "M1,1990-01-01,Z,LE1 1AA," + NHS_M1 + "\nM2,1985-06-30,C,,\nM5,1999-09-09,N,LE4 4DD,\n", "M5,V81998\n",
                "P1,M1,2024-04-02,2024-10-20\nP3,M5,2024-04-20,2024-11-11\n", null, null), true);
        loadAndCompare(mentalHealth(dir, "rt5-apr-again", "2024-04-01", "2024-04-30", "W1,,H,LE2 1AA",
                "K1,R1,2024-05-25,5,11\nK3,R2,2024-04-12,5,01\n"), true);
        loadAndCompare(extract(dir, "rwe-jun", "RWE", "2024-06-01", "2024-06-30",
                "M4,1995-05-05,H,LE2 2BB,\n", "M4,C82002\n", "P4,M4,2024-05-03,2024-12-01\n",
                "L2,P4,2024-06-28\nL3,P3,2024-06-30\n", "B3,L2,RWE,2024-06-28,23:00:00,01,1,290,2,02\n"), true);
    }

    private void loadAndCompare(Path extract, boolean incremental) {
        IngestReport report = SystemCaller.call(() -> ingest.ingest(List.of(extract),
                new IngestService.Requester("tester", "test")));
        assertThat(report.submissions()).extracting(IngestReport.Submission::status)
                .containsOnly(IngestReport.Status.loaded);
        assertThat(refresher.lastRefreshIncremental()).isEqualTo(incremental);
        List<String> derived = derivedTables();
        for (String table : derived) {
            jdbc.sql("CREATE OR REPLACE TABLE main.\"loaded_" + table + "\" AS SELECT * FROM " + table).update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM quality_item").query(Long.class).single()).isPositive();
        refresher.rebuildAll();
        assertThat(refresher.lastRefreshIncremental()).isFalse();
        for (String table : derived) {
            String loaded = "main.\"loaded_" + table + "\"";
            assertThat(count("SELECT * FROM " + table + " EXCEPT ALL SELECT * FROM " + loaded))
                    .as("%s after %s: rows the load's refresh missed", table, extract.getFileName()).isZero();
            assertThat(count("SELECT * FROM " + loaded + " EXCEPT ALL SELECT * FROM " + table))
                    .as("%s after %s: rows the load's refresh has and a rebuild not", table, extract.getFileName())
                    .isZero();
        }
        for (String table : derived) {
            jdbc.sql("DROP TABLE main.\"loaded_" + table + "\"").update();
        }
    }

    /**
     * Every table a refresh writes: the stores of latest versions of every dataset, the linked mental health women,
     * the facts and the quality items (the comparison copies of earlier loads are dropped before the next).
     */
    private List<String> derivedTables() {
        List<String> tables = jdbc.sql("SELECT schema_name || '.' || table_name FROM duckdb_tables()"
                + " WHERE schema_name = 'internal' AND (table_name LIKE '%\\_store' ESCAPE '\\'"
                + " OR table_name = 'mh_women_linked') ORDER BY 1").query(String.class).list();
        assertThat(tables).contains("internal.msd001_store", "internal.mhs201_store", "internal.wrk001_store",
                "internal.mh_women_linked");
        return java.util.stream.Stream.concat(tables.stream(),
                java.util.stream.Stream.of("fact_event", "quality_item", "quality_mh_linkage")).toList();
    }

    private long count(String sql) {
        return jdbc.sql("SELECT count(*) FROM (" + sql + ")").query(Long.class).single();
    }

    private static Path extract(Path dir, String name, String provider, String start, String end, String mothers,
            String gps, String bookings, String deliveries, String babies) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("MSD000.csv"), "OrgCodeProvider,RPStartDate,RPEndDate\n" + provider + ","
                + start + "," + end + "\n");
        Files.writeString(folder.resolve("MSD001.csv"),
                "LPIDMother,PersonBirthDateMother,EthnicCategoryMother,Postcode,NHSNumberMother\n" + mothers);
        Files.writeString(folder.resolve("MSD002.csv"), "LPIDMother,OrgCodeGMPMother\n" + gps);
        Files.writeString(folder.resolve("MSD101.csv"), "PregnancyID,LPIDMother,AntenatalAppDate,EDDAgreed\n" + bookings);
        if (deliveries != null) {
            Files.writeString(folder.resolve("MSD301.csv"), "LabourDeliveryID,PregnancyID,LabourOnsetDate\n" + deliveries);
        }
        if (babies != null) {
            Files.writeString(folder.resolve("MSD401.csv"), "LPIDBaby,LabourDeliveryID,OrgIDLocalPatientIdBaby,"
                    + "PersonBirthDateBaby,PersonBirthTimeBaby,PregOutcome,PersonPhenSex,GestationLengthBirth,"
                    + "DeliveryMethodCode,BabyFirstFeedIndCode\n" + babies);
        }
        return folder;
    }

    /** A provider-layout MHSDS submission of RT5: woman W1 (as given), W2 who links to no mother, three referrals. */
    private static Path mentalHealth(Path dir, String name, String start, String end, String w1, String contacts)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("MHS000Header.csv"), "OrgIDProvider,ReportingPeriodStartDate,"
                + "ReportingPeriodEndDate\nRT5," + start + "," + end + "\n");
        Files.writeString(folder.resolve("MHS001MPI.csv"), "LocalPatientId,NHSNumber,EthnicCategory,Postcode\n" + w1
                + "\nW2," + NHS_OTHER + ",M,\n");
        Files.writeString(folder.resolve("MHS101Referral.csv"), "ServiceRequestId,LocalPatientId,"
                + "ReferralRequestReceivedDate,ServDischDate,ReferRejectionDate\n"
                + "R1,W1,2024-04-15,,\nR2,W2,2024-04-03,2024-04-20,\nR3,W2,2024-04-05,,2024-04-06\n");
        Files.writeString(folder.resolve("MHS102ServiceTypeReferredTo.csv"),
                "ServiceRequestId,ServTeamTypeRefToMH,ReferClosureDate\nR1,C02,\nR2,F02,2024-04-20\nR3,C02,\n");
        Files.writeString(folder.resolve("MHS201CareContact.csv"),
                "CareContactId,ServiceRequestId,CareContDate,AttendStatus,ConsMechanismMH\n" + contacts);
        return folder;
    }
}
