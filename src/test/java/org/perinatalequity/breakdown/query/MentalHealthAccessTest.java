package org.perinatalequity.breakdown.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.ingest.IngestFixtures;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.MeasureCatalogue;
import org.perinatalequity.measures.MeasureFixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The access measures that count distinct women (DESIGN.md section 8: pmh_access, pmh_access_c02, mmhs_access_f02,
 * pmh_access_cohort) on a hand-made MSDS + MHSDS extract, every count worked by hand below: linked and unlinked
 * women, both team types, statuses 3, 5, 6 and 7, the mechanism before and after October 2021, a woman with two
 * contacts in two months, twins, and the cohort window's edges.
 *
 * <pre>
 * Women who gave birth in 2024 (PregOutcome 01-04): M1 White, M2 Asian, M3 Black (stillbirth, 02), M4 White (twins,
 * once), M5 Asian, M6 Black = 6.
 * Qualifying contacts (5/6, 01/11 from October 2021, 01/03 before, on a C02/F02 referral), in 2024:
 *   W1 = M1 (C02): K1 2024-02-10 (5, 01), K2 2024-05-10 (6, 11)  -- one woman, two months
 *   W2 = M2 (F02): K6 2024-07-01 (5, 01); not K3 (7), K4 (3), K5 (telephone 02), KC (team A05)
 *   W3 unlinked, Black (C02): K7 2024-03-20
 *   W4 unlinked, Black (F02): KA 2024-06-20 (6, 11); not K9 2024-06-15 (03 after October 2021);
 *                             K8 2021-09-15 (03 before October 2021) qualifies, in 2021
 *   W5 = M3 (C02): KB 2024-10-01
 *   W1's KD 2021-09-20 (11 before October 2021) does not qualify.
 *   W9 has no NHS number and only an adult (A05) referral: in no measure, missing for the linkage item.
 *   W6 unlinked (C02): KE 2023-12-31 -- the day before 2024
 *   W7 = M5 (C02): KF 2025-06-01 -- 365 days after M5's birth on 2024-06-01
 *   W8 = M6 (C02): KG 2023-10-14 (the day before M6's booking), KH 2025-06-03 (366 days after her birth)
 * pmh_access 2024: W1 W2 W3 W4 W5 = 5 women / 6: White 1/2 (M1; M1 M4), Asian 1/2 (M2; M2 M5),
 *   Black 3/2 (M3 W3 W4; M3 M6: more seen than gave birth).
 * pmh_access_c02: W1 W3 W5 = 3 / 6; mmhs_access_f02: W2 W4 = 2 / 6.
 * pmh_access_cohort: M1 (K1), M2 (K6), M3 (KB), M5 (KF on day 365) = 4 / 6; not M4 (no contact), M6 (KG, KH
 *   outside booking .. birth + 365).
 * </pre>
 */
class MentalHealthAccessTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @TempDir
    static Path dir;

    static TestDatabase db;
    static JdbcClient jdbc;
    static BreakdownQuery query;

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        Path msds = Files.createDirectories(dir.resolve("msds"));
        write(msds, "MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", "RWE,2023-10-01,2024-12-31");
        write(msds, "MSD001.csv", "LPIDMother,PersonBirthDateMother,NHSNumberMother,Postcode,EthnicCategoryMother",
                "M1,1990-01-01,9434765919,LE1 1AA,A", "M2,1992-05-05,9434765927,LE1 1AA,H",
                "M3,1995-03-03,9434765935,LE1 1AA,M", "M4,1988-02-02,,LE1 1AA,A",
                "M5,1991-07-07,9434765943,LE1 1AA,H", "M6,1993-08-08,9434765951,LE1 1AA,N");
        write(msds, "MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate,EDDAgreed",
                "P1,M1,2023-10-01,2024-03-20", "P2,M2,2023-11-01,2024-04-25", "P3,M3,2024-01-05,2024-08-05",
                "P4,M4,2023-12-01,2024-05-10", "P5,M5,2023-10-15,2024-06-05", "P6,M6,2023-10-15,2024-06-05");
        write(msds, "MSD301.csv", "LabourDeliveryID,PregnancyID,LabourOnsetDate",
                "D1,P1,2024-03-15", "D2,P2,2024-04-20", "D3,P3,2024-08-01", "D4,P4,2024-05-05", "D5,P5,2024-06-01",
                "D6,P6,2024-06-02");
        write(msds, "MSD401.csv", "LPIDBaby,LabourDeliveryID,PersonBirthDateBaby,PregOutcome,GestationLengthBirth",
                "B1,D1,2024-03-15,01,275", "B2,D2,2024-04-20,01,275", "B3,D3,2024-08-01,02,276",
                "B4,D4,2024-05-05,01,275", "B5,D4,2024-05-05,01,275", "B6,D5,2024-06-01,01,276",
                "B7,D6,2024-06-02,01,277");
        Path mh = Files.createDirectories(dir.resolve("mhsds"));
        write(mh, "MHS000Header.csv", "OrgIDProvider,ReportingPeriodStartDate,ReportingPeriodEndDate",
                "RT5,2024-06-01,2024-06-30");
        write(mh, "MHS001MPI.csv", "LocalPatientId,NHSNumber,EthnicCategory,Postcode",
                "W1,9434765919,H,", "W2,9434765927,H,", "W3,9434765978,M,LE1 1AA", "W4,9434765986,N,LE1 1AA",
                "W5,9434765935,M,", "W6,9434765994,A,LE1 1AA", "W7,9434765943,H,", "W8,9434765951,N,",
                "W9,,A,LE1 1AA");
        write(mh, "MHS101Referral.csv", "ServiceRequestId,LocalPatientId,ReferralRequestReceivedDate",
                "R1,W1,2021-09-01", "R2,W2,2024-02-01", "R3,W3,2024-02-01", "R4,W4,2021-09-01", "R5,W5,2024-09-01",
                "R6,W2,2024-02-01", "R7,W6,2023-12-01", "R8,W7,2024-09-01", "R9,W8,2023-10-01", "RA,W9,2024-05-01");
        write(mh, "MHS102ServiceTypeReferredTo.csv", "ServiceRequestId,ServTeamTypeRefToMH",
                "R1,C02", "R2,F02", "R3,C02", "R4,F02", "R5,C02", "R6,A05", "R7,C02", "R8,C02", "R9,C02", "RA,A05");
        write(mh, "MHS201CareContact.csv", "CareContactId,ServiceRequestId,CareContDate,AttendStatus,ConsMechanismMH",
                "K1,R1,2024-02-10,5,01", "K2,R1,2024-05-10,6,11", "KD,R1,2021-09-20,5,11",
                "K3,R2,2024-03-05,7,01", "K4,R2,2024-03-12,3,01", "K5,R2,2024-04-02,5,02", "K6,R2,2024-07-01,5,01",
                "K7,R3,2024-03-20,5,01",
                "K8,R4,2021-09-15,5,03", "K9,R4,2024-06-15,5,03", "KA,R4,2024-06-20,6,11",
                "KB,R5,2024-10-01,5,01", "KC,R6,2024-03-01,5,01", "KE,R7,2023-12-31,5,01",
                "KF,R8,2025-06-01,5,01", "KG,R9,2023-10-14,5,01", "KH,R9,2025-06-03,5,01");
        IngestFixtures.ingest(db.dataSource(), dir, msds, mh);
        MeasureCatalogue catalogue = MeasureFixtures.catalogue(jdbc);
        MeasureFixtures.rebuildFacts(db, jdbc, catalogue);
        query = new BreakdownQuery(jdbc, catalogue);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void write(Path folder, String name, String... lines) throws Exception {
        Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }

    private static List<String> rows(String measure, Dimension by) {
        return query.count(measure, by, null, FROM, TO, Map.of()).stream()
                .map(c -> c.group() + " " + c.numerator() + "/" + c.denominator()).sorted().toList();
    }

    private static String total(String measure, LocalDate from, LocalDate to) {
        GroupCount c = query.womenTotal(measure, from, to, Map.of()).orElseThrow();
        return c.numerator() + "/" + c.denominator();
    }

    @Test
    void accessCountsEachWomanSeenOnceLinkedOrNotOverWomenWhoGaveBirth() {
        assertThat(total("pmh_access", FROM, TO)).as("W1-W5 seen; M1-M6 gave birth (M4's twins once)")
                .isEqualTo("5/6");
        assertThat(rows("pmh_access", Dimension.ETHNIC_GROUP)).containsExactly("Asian or Asian British 1/2",
                "Black or Black British 3/2", "White 1/2");
    }

    @Test
    void eachTeamTypeApart() {
        assertThat(total("pmh_access_c02", FROM, TO)).as("W1, W3, W5").isEqualTo("3/6");
        assertThat(total("mmhs_access_f02", FROM, TO)).as("W2, W4").isEqualTo("2/6");
    }

    @Test
    void aWomanSeenInTwoMonthsIsInBothMonthsAndOnceInTheTotal() {
        assertThat(rows("pmh_access", Dimension.MONTH)).containsExactly("2024-02 1/0", "2024-03 1/1",
                "2024-04 0/1", "2024-05 1/1", "2024-06 1/2", "2024-07 1/0", "2024-08 0/1", "2024-10 1/0");
        assertThat(total("pmh_access", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 5, 31)))
                .as("W1 (February and May) and W3; M1, M2, M4").isEqualTo("2/3");
    }

    @Test
    void theMechanismBeforeOctober2021IsTheV5Coding() {
        assertThat(total("pmh_access", LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 30)))
                .as("K8 (03 on 2021-09-15) counts, KD (11 on 2021-09-20) does not").isEqualTo("1/0");
        assertThat(rows("mmhs_access_f02", Dimension.MONTH)).as("K9 (03 in June 2024) does not count, KA does")
                .containsExactly("2024-03 0/1", "2024-04 0/1", "2024-05 0/1", "2024-06 1/2", "2024-07 1/0",
                        "2024-08 0/1");
    }

    @Test
    void cohortCountsWomenSeenFromBookingTo365DaysAfterTheBirthBothDaysIncluded() {
        assertThat(total("pmh_access_cohort", FROM, TO)).as("M1, M2, M3, M5 (day 365); not M4, M6")
                .isEqualTo("4/6");
        assertThat(rows("pmh_access_cohort", Dimension.ETHNIC_GROUP)).containsExactly("Asian or Asian British 2/2",
                "Black or Black British 1/2", "White 1/2");
    }

    @Test
    void rollingWindowsCountDistinctWomenAndStopAtTheirEdges() {
        List<String> windows = query.rollingWomen("pmh_access", 3, YearMonth.of(2024, 4), YearMonth.of(2024, 6),
                Map.of()).stream().map(c -> c.group() + " " + c.numerator() + "/" + c.denominator()).toList();
        assertThat(windows).as("Feb-Apr: W1 W3 / M1 M2; Mar-May: W3 W1 / M1 M2 M4; Apr-Jun: W1 W4 / M2 M4 M5 M6")
                .containsExactly("2024-04 2/2", "2024-05 2/3", "2024-06 2/4");
        List<String> year = query.rollingWomen("pmh_access", 12, YearMonth.of(2024, 11), YearMonth.of(2024, 12),
                Map.of()).stream().map(c -> c.group() + " " + c.numerator() + "/" + c.denominator()).toList();
        assertThat(year).as("Dec 2023-Nov 2024 holds W6's 2023-12-31; 2024 does not")
                .containsExactly("2024-11 6/6", "2024-12 5/6");
    }

    @Test
    void theLinkageItemCountsEveryMhsdsWomanWithAReferralByHerMentalHealthProvider() {
        assertThat(jdbc.sql("SELECT string_agg(local_patient_id || ':' || status || ':' || coalesce(problem, '-')"
                + " || ':' || provider || ':' || month, ',' ORDER BY local_patient_id) FROM v_quality_mh_linkage")
                .query(String.class).single())
                .as("W1 W2 W5 W7 W8 link by NHS number; W3 W4 W6 carry numbers MSDS does not have; W9 none; dated"
                        + " by the first referral")
                .isEqualTo("W1:valid:-:RT5:2021-09,W2:valid:-:RT5:2024-02,W3:invalid:not_linked:RT5:2024-02,"
                        + "W4:invalid:not_linked:RT5:2021-09,W5:valid:-:RT5:2024-09,W6:invalid:not_linked:RT5:2023-12,"
                        + "W7:valid:-:RT5:2024-09,W8:valid:-:RT5:2023-10,W9:missing:missing:RT5:2024-05");
    }

    @Test
    void measuresThatCountEventsAreUnchanged() {
        assertThat(query.countsWomen("pmh_dna_rate")).isFalse();
        assertThat(query.womenTotal("pmh_dna_rate", FROM, TO, Map.of())).isEmpty();
        assertThat(rows("pmh_dna_rate", Dimension.PROVIDER)).as("K3, K4 of K1-K9, KA, KB (contacts, not women)")
                .isNotEmpty();
        long contacts = query.count("pmh_dna_rate", Dimension.PROVIDER, null, FROM, TO, Map.of()).stream()
                .mapToLong(GroupCount::denominator).sum();
        assertThat(contacts).as("2024 contacts of status 3/5/6/7 on C02/F02: K1 K2 K3 K4 K5 K6 K7 K9 KA KB").isEqualTo(10);
    }
}
