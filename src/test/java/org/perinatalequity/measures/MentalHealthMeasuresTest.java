package org.perinatalequity.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.ingest.IngestFixtures;
import org.perinatalequity.system.DataVersion;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The perinatal mental health measures of the catalogue (DESIGN.md section 8) on hand-built MSDS and MHSDS
 * extracts: which contacts and referrals count, and that their rows reach fact_event with the woman's
 * dimensions from MSDS when she links and from MHS001MPI when she does not.
 */
class MentalHealthMeasuresTest {

    @TempDir
    static Path dir;

    static TestDatabase db;
    static JdbcClient jdbc;
    static MeasureCatalogue catalogue;

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        Path msds = Files.createDirectories(dir.resolve("msds"));
        write(msds, "MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", "RWE,2024-01-01,2024-12-31");
        write(msds, "MSD001.csv", "LPIDMother,PersonBirthDateMother,NHSNumberMother,Postcode,EthnicCategoryMother",
                "M1,1990-01-01,9434765919,LE1 1AA,A");
        write(msds, "MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate,EDDAgreed", "P1,M1,2024-01-01,2024-07-29");
        Path mh = Files.createDirectories(dir.resolve("mhsds"));
        write(mh, "MHS000Header.csv", "OrgIDProvider,ReportingPeriodStartDate,ReportingPeriodEndDate",
                "RT5,2024-06-01,2024-06-30");
        // W1 links to M1 by NHS number (MHS001 says H, MSDS says A); W2 links to nobody (M: Black).
        write(mh, "MHS001MPI.csv", "LocalPatientId,NHSNumber,EthnicCategory", "W1,9434765919,H", "W2,9434765870,M");
        write(mh, "MHS101Referral.csv", "ServiceRequestId,LocalPatientId,ReferralRequestReceivedDate,ServDischDate,ReferRejectionDate",
                "R1,W1,2024-02-01,,",              // open, attended: denominator only
                "R2,W2,2024-03-01,2024-05-01,",    // closed without an attended contact (only a DNA): numerator
                "R3,W2,2024-03-02,,2024-03-03",    // rejected on MHS101: numerator
                "R4,W1,2024-03-03,,",              // rejected on its C02 row of MHS102: numerator
                "R5,W1,2024-03-04,2024-06-01,",    // closed after an attended video contact: denominator only
                "R6,W2,2024-03-05,2024-04-01,");   // adult community team (A05): in neither
        write(mh, "MHS102ServiceTypeReferredTo.csv", "ServiceRequestId,ServTeamTypeRefToMH,ReferClosureDate,ReferRejectionDate",
                "R1,C02,,", "R2,F02,,", "R3,C02,,", "R4,C02,,2024-03-10", "R5,F02,,", "R6,A05,,");
        write(mh, "MHS201CareContact.csv", "CareContactId,ServiceRequestId,CareContDate,AttendStatus,ConsMechanismMH",
                "K1,R1,2024-02-10,5,01",   // attended face to face
                "K2,R1,2024-02-17,6,02",   // arrived late but seen, by telephone: attended
                "K3,R1,2024-02-24,7,01",   // arrived late, not seen: DNA
                "K4,R2,2024-03-10,3,01",   // did not attend: DNA
                "K5,R2,2024-03-17,2,01",   // cancelled by the patient: in neither
                "K6,R5,2024-04-01,5,11",   // attended by video
                "K7,R6,2024-04-02,3,01",   // DNA on a non-perinatal referral: in neither
                "K8,R1,2024-03-01,0,01",   // future appointment: in neither
                "K9,R5,2021-09-30,5,03",   // before October 2021 a webcam (03) was video: qualifies
                "KA,R5,2021-09-30,5,11");  // ... and 11 did not exist yet: does not
        IngestFixtures.ingest(db.dataSource(), dir, msds, mh);
        catalogue = new MeasureCatalogue(jdbc, new ObjectMapper(), "");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void write(Path folder, String name, String... lines) throws Exception {
        Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }

    /** [numerator, denominator] of a measure's view. */
    private static List<Long> counts(String measure) {
        return jdbc.sql("SELECT coalesce(sum(CAST(numerator AS INTEGER)), 0), count(*) FROM measure_" + measure)
                .query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    @Test
    void dnaRateCountsStatus3And7AmongAttendedOrNotOnPerinatalReferrals() {
        assertThat(counts("pmh_dna_rate"))
                .as("K3 (7) and K4 (3) of K1, K2, K3, K4, K6, K9, KA; K5 (2), K7 (A05), K8 (0) out")
                .containsExactly(2L, 7L);
        // Rows outside the header's June reporting period are counted: contacts carry their dates.
        assertThat(jdbc.sql("SELECT string_agg(CAST(event_date AS VARCHAR), ',' ORDER BY event_date)"
                + " FROM measure_pmh_dna_rate WHERE numerator").query(String.class).single())
                .isEqualTo("2024-02-24,2024-03-10");
    }

    @Test
    void qualifyingContactsAreAttendedFaceToFaceOrVideoOnPerinatalReferrals() {
        assertThat(jdbc.sql("SELECT string_agg(contact_id, ',' ORDER BY contact_id) FROM v_mh_contacts WHERE qualifying")
                .query(String.class).single())
                .as("K1 face to face (C02), K6 video (F02), K9 webcam before v5; not K2 (telephone), K3 (7: late,"
                        + " not seen), K4 (3), K5 (2), K7 (team A05), K8 (0), KA (11 before v5)")
                .isEqualTo("K1,K6,K9");
        assertThat(jdbc.sql("SELECT string_agg(contact_id || ':' || c02 || ':' || f02, ',' ORDER BY contact_id)"
                + " FROM v_mh_contacts WHERE contact_id IN ('K1', 'K6', 'K7')").query(String.class).single())
                .isEqualTo("K1:true:false,K6:false:true,K7:false:false");
    }

    @Test
    void referralNotAcceptedCountsRejectionsAndClosuresWithoutAnAttendedContact() {
        assertThat(counts("pmh_referral_not_accepted")).as("R2, R3, R4 of R1-R5; R6 is not perinatal")
                .containsExactly(3L, 5L);
    }

    @Test
    void anMhsdsSubmissionDoesNotNarrowTheMaternityCoverage() {
        CompletePeriods.Coverage coverage = new CompletePeriods(jdbc).coverage();
        assertThat(coverage.months()).hasSize(12).first().hasToString("2024-01");
        assertThat(coverage.dataTo()).hasToString("2024-12-31");
    }

    @Test
    void rowsReachTheFactsWithTheLinkedWomansMsdsDimensionsAndTheUnlinkedWomansOwn() {
        db.rebuild(new MeasureFacts(db.dataSource(), jdbc, catalogue, new DataVersion()));
        FactsReference.assertFactsEqualReference(jdbc, catalogue.all());

        List<String> groups = jdbc.sql("SELECT ethnic_group || ' ' || provider || ' ' || count(*) || ' ' || sum(numerator)"
                + " FROM fact_event WHERE measure_id = 'pmh_dna_rate' GROUP BY ethnic_group, provider ORDER BY 1")
                .query(String.class).list();
        // W1 (linked: White, her maternity provider RWE: K1 K2 K3 K6 K9 KA) and W2 (unlinked: Black, RT5: K4).
        assertThat(groups).containsExactly("Black or Black British RT5 1 1", "White RWE 6 1");
        assertThat(jdbc.sql("SELECT DISTINCT age_group FROM fact_event WHERE measure_id = 'pmh_dna_rate'"
                + " AND provider = 'RWE'").query(String.class).single()).isEqualTo("30 to 34");
    }
}
