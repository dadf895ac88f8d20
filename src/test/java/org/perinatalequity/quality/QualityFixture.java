package org.perinatalequity.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

/**
 * A hand-built provider extract (RWE, January to June 2024) with one record per data-quality case, and the two
 * reference files its postcodes link through. Team TA books one woman a month from January to May; team TB books
 * M06 in January. Expected classifications, per woman, booking and baby:
 *
 * <pre>
 * woman  booked      team  ethnic  postcode           GP           gestation@booking  smoking   care plan team
 * M01    2024-01-10  TA    A  ok   LE1 1AA linked ok  C82001 ok    80 ok              non-smk   TA ok
 * M02    2024-02-10  TA    Z  ok   ZZ99 3VZ default   V81999 dflt  no EDD missing     Unknown   TA ok
 * M03    2024-03-10  TA    99 dflt LE1 1A malformed   none missing 310 invalid        none      TA ok
 * M04    2024-04-10  TA    X1 inv  LE4 9ZZ not_linked C82002 ok    bad EDD invalid    none      TA ok
 * M05    2024-05-10  TA    blank   blank missing      V81997 dflt  80 ok              none      latest plan no team
 * M06    2024-01-15  TB    99 dflt LE1 1AA linked ok  C82001 ok    80 ok              smoker    TB ok
 *
 * baby (mother)  gestation@birth  method   first feed  birthweight
 * B1 (M01)       280 ok           0 ok     01 ok       3200 g ok
 * B2 (M02)       100 invalid      X inv    05 inv      9999 default
 * B3 (M03)       blank missing    blank    blank       none missing
 * B4 (M04)       abc invalid      7 ok     03 ok       "abc" invalid
 * B5 (M05)       270 ok           8 ok     02 ok       12000 invalid
 * </pre>
 */
public final class QualityFixture {

    private QualityFixture() {
    }

    /** Loads the reference files and the extract; the loads publish the event that rebuilds quality_item. */
    public static void load(IngestService ingest, ReferenceService reference, Path folder) {
        // Loading data is for ADMIN or the application itself: the fixture loads as the application.
        org.perinatalequity.security.SystemCaller.run(() -> loadAsSystem(ingest, reference, folder));
    }

    private static void loadAsSystem(IngestService ingest, ReferenceService reference, Path folder) {
        try {
            Path ref = Files.createDirectories(folder.resolve("reference"));
            Files.writeString(ref.resolve("ONSPD_TEST.csv"), """
                    pcd,oslaua,ctry,lsoa11,lsoa21
                    LE1 1AA,E06000016,E92000001,E01900001,E01950001
                    """);
            Files.writeString(ref.resolve("File_7_IoD2019_TEST.csv"), """
                    LSOA code (2011),Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)
                    E01900001,1
                    """);
            reference.load(List.of(ref), "tester");

            Path extract = Files.createDirectories(folder.resolve("rwe-2024h1"));
            write(extract, "MSD000", """
                    OrgCodeProvider,RPStartDate,RPEndDate
                    RWE,2024-01-01,2024-06-30""");
            write(extract, "MSD001", """
                    LPIDMother,OrgIDLPID,PersonBirthDateMother,Postcode,EthnicCategoryMother
                    M01,RWE,1990-01-01,LE1 1AA,A
                    M02,RWE,1991-01-01,ZZ99 3VZ,Z
                    M03,RWE,1992-01-01,LE1 1A,99
                    M04,RWE,1993-01-01,LE4 9ZZ,X1
                    M05,RWE,1994-01-01,,
                    M06,RWE,1995-01-01,LE1 1AA,99""");
            write(extract, "MSD002", """
                    LPIDMother,OrgCodeGMPMother,StartDateGMPReg
                    M01,C82001,2015-01-01
                    M02,V81999,2015-01-01
                    M04,C82002,2015-01-01
                    M05,V81997,2015-01-01
                    M06,C82001,2015-01-01""");
            write(extract, "MSD101", """
                    PregnancyID,LPIDMother,OrgIDComm,AntenatalAppDate,EDDAgreed,OrgSiteIDBooking
                    P01,M01,03W,2024-01-10,2024-07-28,RWEAA
                    P02,M02,03W,2024-02-10,,RWEAA
                    P03,M03,03W,2024-03-10,2024-02-09,RWEAA
                    P04,M04,03W,2024-04-10,2024-99-99,RWEAA
                    P05,M05,03W,2024-05-10,2024-11-26,RWEAA
                    P06,M06,03W,2024-01-15,2024-08-02,RWEAB""");
            write(extract, "MSD102", """
                    PregnancyID,CarePlanDate,CarePlanType,TeamLocalID
                    P01,2024-01-10,01,TA
                    P02,2024-02-10,01,TA
                    P03,2024-03-10,01,TA
                    P04,2024-04-10,01,TA
                    P05,2024-05-10,01,TA
                    P05,2024-06-01,02,
                    P06,2024-01-15,01,TB""");
            write(extract, "MSD201", """
                    CareConID,PregnancyID,CContactDate
                    C01,P01,2024-01-10
                    C02,P02,2024-02-10
                    C06,P06,2024-01-15""");
            write(extract, "MSD202", """
                    CareActIDMother,CareConID,FindingCode
                    A01,C01,8392000
                    A02,C02,266927001
                    A06,C06,56294008""");
            write(extract, "MSD301", """
                    LabourDeliveryID,PregnancyID,LabourOnsetDate
                    L1,P01,2024-06-01
                    L2,P02,2024-06-02
                    L3,P03,2024-06-03
                    L4,P04,2024-06-04
                    L5,P05,2024-06-05""");
            write(extract, "MSD401", """
                    LPIDBaby,LabourDeliveryID,OrgIDLocalPatientIdBaby,PersonBirthDateBaby,PersonBirthTimeBaby,PregOutcome,PersonPhenSex,GestationLengthBirth,DeliveryMethodCode,BabyFirstFeedIndCode
                    B1,L1,RWE,2024-06-01,10:00:00,01,1,280,0,01
                    B2,L2,RWE,2024-06-02,10:00:00,01,2,100,X,05
                    B3,L3,RWE,2024-06-03,10:00:00,01,1,,,
                    B4,L4,RWE,2024-06-04,10:00:00,01,2,abc,7,03
                    B5,L5,RWE,2024-06-05,10:00:00,01,1,270,8,02""");
            write(extract, "MSD405", """
                    CareActIDBaby,LPIDBaby,ClinInterDateBaby,ObsCode,ObsValue,UCUMUnit
                    W1,B1,2024-06-01,364589006,3200,g
                    W2,B2,2024-06-02,364589006,9999,g
                    W4,B4,2024-06-04,364589006,abc,g
                    W5,B5,2024-06-05,364589006,12000,g""");
            IngestReport report = ingest.ingest(List.of(extract), new IngestService.Requester("tester", "test"));
            assertThat(report.allLoaded()).as("fixture loads: %s", report).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path folder, String table, String content) throws IOException {
        Files.writeString(folder.resolve(table + ".csv"), content + "\n");
    }
}
