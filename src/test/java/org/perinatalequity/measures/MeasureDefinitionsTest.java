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
 * Every measure of the catalogue on hand-built records: numerator and denominator, with the edge cases of its
 * definition (twins for singleton rules, gestation bounds, unknown codes, dates around the 203-day point).
 */
class MeasureDefinitionsTest {

    @TempDir
    static Path dir;

    static TestDatabase db;
    static JdbcClient jdbc;
    static MeasureCatalogue catalogue;

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        Path x = Files.createDirectories(dir.resolve("extract"));
        write(x, "MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", "RWE,2024-01-01,2024-12-31");
        write(x, "MSD001.csv", "LPIDMother,PersonBirthDateMother,Postcode,EthnicCategoryMother",
                "M1,1990-01-01,LE1 1AA,A", "M2,1990-01-01,LE1 1AA,Z", "M3,1990-01-01,,99", "M4,1990-01-01,LE1 1AA,",
                "M5,1990-01-01,LE1 1AA,H", "M6,1990-01-01,LE1 1AA,N");
        write(x, "MSD002.csv", "LPIDMother,OrgCodeGMPMother", "M1,C82001");
        // Gestation at booking = 280 - (EDD - booking), all booked on 2024-01-01.
        write(x, "MSD101.csv", "PregnancyID,LPIDMother,AntenatalAppDate,EDDAgreed,FolicAcidSupplement,DischargeDateMatService",
                "P1,M1,2024-01-01,2024-07-29,01,",      // gestation 70: booked by 10 weeks; folic before
                "P2,M2,2024-01-01,2024-07-28,02,",      // gestation 71
                "P3,M3,2024-01-01,2024-10-07,03,",      // gestation 0
                "P4,M4,2024-01-01,2023-12-11,ZZ,",      // gestation 301: outside 0-300
                "P5,M5,2024-01-01,,,",                  // no EDD: gestation unknown
                "P6,M6,2024-01-01,2024-10-08,01,2024-02-01"); // gestation -1; discharged early
        write(x, "MSD102.csv", "PregnancyID,CarePlanDate,CarePlanType,MatPersCarePlanInd,ContCarePathInd,CareProfLID,TeamLocalID",
                "P1,2024-02-01,05,Y,Y,MW1,CITY-NORTH",   // CoC plan before day 203 (2024-05-13)
                "P2,2024-06-01,05,N,Y,MW1,CITY-NORTH",   // CoC plan after day 203 (2024-05-12)
                "P3,2024-01-01,05,N,N,MW1,CITY-NORTH");  // type 05 but not on the pathway
        write(x, "MSD201.csv", "CareConID,PregnancyID,CContactDate,Medium,AttendCode",
                "C1,P1,2024-01-01,01,5", "C2,P2,2024-01-01,02,3", "C3,P3,2024-01-01,03,7", "C4,P4,2024-01-01,98,6",
                "C5,P5,2024-01-01,,", "C6,P6,2024-01-01,01,5", "C7,P6,2024-01-03,01,5", "C8,P1,2024-01-06,01,5");
        write(x, "MSD202.csv", "CareActIDMother,CareConID,FindingCode,ObsCode,ObsValue,UCUMUnit",
                "A1,C1,77176002,,,",             // P1 smoker at booking
                "A2,C2,8392000,,,",              // P2 non-smoker
                "A3,C3,266927001,,,",            // P3 unknown: not in the denominator
                "A4,C6,8517006,,,",              // P6 exact-date ex-smoker ...
                "A5,C7,77176002,,,",             // ... beats a smoker two days later
                "A6,C8,77176002,,,",             // P1 five days after booking: outside the window
                "A7,C4,,251900003,6,ppm");       // P4 CO reading of 6 ppm: smoker
        write(x, "MSD301.csv", "LabourDeliveryID,PregnancyID,LabourOnsetMethod,LabourOnsetDate,CaesareanDate",
                "D1,P1,1,2024-08-01,", "D2,P2,1,2024-08-02,", "D3,P3,1,2024-08-03,", "D4,P4,1,2024-08-04,",
                "D5,P5,,,2024-08-05", "D6,P6,1,2024-08-06,");
        write(x, "MSD302.csv", "LabourDeliveryID,ClinInterDateMother,FindingCode,ObsCode,ObsValue,UCUMUnit",
                "D1,2024-08-01,10217006,,,", "D1,2024-08-01,77176002,,,", "D2,2024-08-02,,1033591000000101,1500,ml",
                "D3,2024-08-03,,1033591000000101,1499,ml", "D4,2024-08-04,8392000,,,", "D2,2024-08-02,6234006,,,");
        write(x, "MSD401.csv", "LPIDBaby,LabourDeliveryID,PersonBirthDateBaby,PregOutcome,GestationLengthBirth,DeliveryMethodCode,BabyFirstFeedIndCode,PersonDeathDateBaby",
                "B1,D1,2024-08-01,01,258,0,01,",           // singleton live preterm (258), vaginal, tear
                "B2,D2,2024-08-02,01,259,1,02,2024-08-29",  // singleton live term, died day 27
                "B3,D3,2024-08-03,01,250,2,03,",            // twin 1: preterm but not singleton
                "B4,D3,2024-08-03,01,250,2,03,2024-08-31",  // twin 2: died day 28 (not neonatal)
                "B5,D4,2024-08-04,02,168,7,,",              // stillbirth at 168 days: counted
                "B6,D5,2024-08-05,03,167,8,,",              // stillbirth at 167 days: left out
                "B7,D6,2024-08-06,01,153,X,,");             // live birth below 154 days; invalid method
        write(x, "MSD405.csv", "CareActIDBaby,LPIDBaby,ClinInterDateBaby,ObsCode,ObsValue,UCUMUnit",
                "W1,B1,2024-08-01,364589006,2400,g", "W2,B2,2024-08-02,364589006,2.45,kg",
                "W3,B3,2024-08-03,364589006,9999,g", "G1,B1,2024-08-01,169909004,6,", "G2,B2,2024-08-02,169909004,7,",
                "G3,B3,2024-08-03,169909004,3,");
        IngestFixtures.ingest(db.dataSource(), dir, x);
        catalogue = new MeasureCatalogue(jdbc, new ObjectMapper(), "");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void write(Path folder, String name, String... lines) throws Exception {
        Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void factsEqualTheMeasureViewsRowForRow() {
        db.rebuild(new MeasureFacts(db.dataSource(), jdbc, catalogue, new DataVersion()));
        FactsReference.assertFactsEqualReference(jdbc, catalogue.all());
    }

    /** [numerator, denominator] of a measure's view. */
    private static List<Long> counts(String measure) {
        return jdbc.sql("SELECT coalesce(sum(CAST(numerator AS INTEGER)), 0), count(*) FROM measure_" + measure)
                .query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    @Test
    void bookingMeasures() {
        assertThat(counts("early_booking")).as("P1 70 and P3 0 days of P1-P3; 301, unknown and -1 left out")
                .containsExactly(2L, 3L);
        assertThat(counts("folic_acid_before")).as("01 of 01/02/03; ZZ and blank left out").containsExactly(2L, 4L);
        assertThat(counts("pcsp_recorded")).as("P1 has a Y plan; every booking counts").containsExactly(1L, 6L);
        assertThat(counts("ethnicity_recorded")).as("A, H, N known; Z, 99 and blank not").containsExactly(3L, 6L);
    }

    @Test
    void continuityOfCarerAt203Days() {
        // P1 (70 days at booking) and P2 (71) reach 203 days; P3 (0) is left out (needs > 0), P4 (301) is past
        // 203, P5 unknown, P6 (-1) out. Only P1 had a CoC plan on or before the day.
        assertThat(counts("continuity_of_carer")).containsExactly(1L, 2L);
        assertThat(jdbc.sql("SELECT CAST(event_date AS VARCHAR) FROM measure_continuity_of_carer WHERE mother_id = 'M1'")
                .query(String.class).single()).isEqualTo("2024-05-13");
    }

    @Test
    void smokingAtBookingAndDelivery() {
        // P1 smoker, P2 non-smoker, P3 unknown (out), P4 CO 6 ppm smoker, P5 none, P6 exact-date ex-smoker.
        assertThat(counts("smoking_booking")).containsExactly(2L, 4L);
        // D1 smoker on the delivery day, D4 non-smoker; the others have no status.
        assertThat(counts("smoking_delivery")).containsExactly(1L, 2L);
    }

    @Test
    void birthMeasures() {
        assertThat(counts("preterm")).as("singleton live 154-315: B1 (258) and B2 (259); twins and 153 out")
                .containsExactly(1L, 2L);
        assertThat(counts("stillbirth")).as("B5 at 168 counts; B6 at 167 does not; 5 live births")
                .containsExactly(1L, 6L);
        assertThat(counts("neonatal_death")).as("B2 died on day 27; B4 on day 28").containsExactly(1L, 5L);
        assertThat(counts("breastmilk_first_feed")).as("01/02 of 01-03").containsExactly(2L, 4L);
        assertThat(counts("caesarean")).as("7 of valid 0-9; X out").containsExactly(2L, 6L);
        assertThat(counts("low_birthweight_term")).as("B2 term 2,450 g; B1 preterm; B3 9999 missing")
                .containsExactly(1L, 1L);
        assertThat(counts("apgar_low")).as("singleton term with Apgar: B2 (7) only").containsExactly(0L, 1L);
        assertThat(counts("tears_3rd_4th")).as("singleton term vaginal: B2 (2nd-degree tear only)")
                .containsExactly(0L, 1L);
        assertThat(counts("pph_1500")).as("D2 1,500 ml of six deliveries; D3 1,499 not").containsExactly(1L, 6L);
    }

    @Test
    void contactMeasures() {
        assertThat(counts("remote_contacts")).as("02, 03 of valid media; blank out").containsExactly(2L, 7L);
        assertThat(counts("did_not_attend")).as("3 and 7 of coded attendances").containsExactly(2L, 7L);
    }

    @Test
    void postcodeLinkedNeedsReferenceData() {
        assertThat(counts("postcode_linked")).as("no postcode directory loaded: nobody links").containsExactly(0L, 6L);
    }
}
