package org.perinatalequity.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.security.SystemCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;

/**
 * The worklist's open-pregnancy rule, order, EDD, midwife, "new since the last load" and statuses, and escalations on
 * complete months, on a hand-built extract (provider RXX, reporting period January to May 2024, so the data-to date
 * is 2024-05-31). Team TC's women, all with ethnic category 99 (on the worklist):
 *
 * <pre>
 * woman  booked      EDD         birth       open on 2024-05-31?
 * W1     2023-06-01  2024-01-05  2024-01-03  no: born more than six weeks before
 * W2     2024-01-20  2024-07-10  2024-05-10  yes: born in the last six weeks
 * W3     2024-02-05  2024-09-01  -           yes: not yet born (care plans MW1, then MW7)
 * W4     2023-05-01  2023-12-01  -           no: eight weeks past the EDD with no birth
 * W5     2024-03-01  2024-10-01  2024-04-01  no: born more than six weeks before
 * W6     2023-08-01  -           -           yes: no EDD, within 48 weeks of booking
 * W7     2023-01-01  -           -           no: no EDD, more than 48 weeks since booking
 * </pre>
 *
 * Team TD books 25 women a month January to May, 20 with a valid ethnic category (80%, below 95%), and 25 valid in
 * June, after the reporting period. Team TF books the same January to April, and 3 women, all valid, in May: under
 * half its median month.
 */
@EquityTest
class WorklistServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(WorklistServiceTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    QualityService service;

    @Autowired
    IngestService ingest;

    @Autowired
    JdbcClient jdbc;

    private static Path extract;

    @BeforeEach
    void load() throws IOException {
        if (ingest.isDatabaseEmpty()) {
            extract = writeExtract(Files.createTempDirectory(Path.of("target"), "worklist-fixture"));
            load(extract);
        }
    }

    private void load(Path folder) {
        IngestReport report = SystemCaller.call(() -> ingest.ingest(List.of(folder),
                new IngestService.Requester("tester", "test")));
        assertThat(report.allLoaded()).as("loads: %s", report).isTrue();
    }

    private List<WorklistRow> ethnicity(String team, boolean openOnly) {
        return service.worklist(team, new WorklistFilter(openOnly, Optional.of(QualityItem.ETHNIC_CATEGORY),
                Optional.empty(), Period.all(), Optional.empty()), TeamAccess.everyTeam());
    }

    @Test
    void openPregnanciesAreBookedNotYetBornOrBornInTheLastSixWeeksNewestFirst() {
        assertThat(ethnicity("TC", true)).extracting(WorklistRow::localPatientId, WorklistRow::bookingDate,
                WorklistRow::edd, WorklistRow::midwife).containsExactly(
                        tuple("W3", LocalDate.of(2024, 2, 5), LocalDate.of(2024, 9, 1), "MW7"),
                        tuple("W2", LocalDate.of(2024, 1, 20), LocalDate.of(2024, 7, 10), null),
                        tuple("W6", LocalDate.of(2023, 8, 1), null, null));
        assertThat(ethnicity("TC", false)).extracting(WorklistRow::localPatientId)
                .containsExactly("W5", "W3", "W2", "W6", "W1", "W4", "W7");
        assertThat(service.worklist("TC", WorklistFilter.openPregnancies(), TeamAccess.everyTeam()))
                .extracting(WorklistRow::localPatientId).containsOnly("W3", "W2", "W6");
    }

    @Test
    void filtersByProblemAndBookingPeriod() {
        assertThat(service.worklist("TC", new WorklistFilter(false, Optional.empty(), Optional.of(Problem.DEFAULT),
                Period.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2)), Optional.empty()), TeamAccess.everyTeam()))
                .extracting(WorklistRow::localPatientId, WorklistRow::item)
                .containsExactly(tuple("W3", QualityItem.ETHNIC_CATEGORY), tuple("W2", QualityItem.ETHNIC_CATEGORY));
    }

    @Test
    void aStatusSurvivesReloadingTheSameExtractAndOnlyTheLatestLoadIsNew() throws IOException {
        assertThat(ethnicity("TC", false)).allMatch(WorklistRow::newSinceLastLoad)
                .allMatch(r -> r.status() == WorklistStatus.TO_FIX);
        WorklistRow marked = service.setStatus("TC", "W3", QualityItem.ETHNIC_CATEGORY, WorklistStatus.FIXED,
                " asked again at 16 weeks ", TeamAccess.only(Set.of("TC")));
        assertThat(marked).extracting(WorklistRow::status, WorklistRow::note)
                .containsExactly(WorklistStatus.FIXED, "asked again at 16 weeks");
        assertThat(jdbc.sql("SELECT target || '|' || detail FROM audit_event WHERE action = 'record_update'"
                + " ORDER BY event_id DESC LIMIT 1").query(String.class).single())
                .isEqualTo("worklist:TC:W3:ethnic_category|worklist status fixed with a note");

        load(extract);

        List<WorklistRow> after = ethnicity("TC", false);
        assertThat(after).filteredOn(r -> r.localPatientId().equals("W3")).singleElement()
                .extracting(WorklistRow::status, WorklistRow::note)
                .containsExactly(WorklistStatus.FIXED, "asked again at 16 weeks");
        assertThat(after).filteredOn(r -> !r.localPatientId().equals("W3"))
                .allMatch(r -> r.status() == WorklistStatus.TO_FIX);
        // The same extract again: nothing appeared or arose with this load.
        assertThat(after).noneMatch(WorklistRow::newSinceLastLoad);
        assertThat(service.worklist("TC", new WorklistFilter(false, Optional.empty(), Optional.empty(), Period.all(),
                Optional.of(WorklistStatus.FIXED)), TeamAccess.everyTeam()))
                .extracting(WorklistRow::localPatientId, WorklistRow::item)
                .containsExactly(tuple("W3", QualityItem.ETHNIC_CATEGORY));

        // A later load of another provider brings a new woman: only she is new.
        Path second = Files.createDirectories(extract.resolveSibling(extract.getFileName() + "-ryy"));
        write(second, "MSD000", "OrgCodeProvider,RPStartDate,RPEndDate\nRYY,2024-01-01,2024-05-31");
        write(second, "MSD001", "LPIDMother,OrgIDLPID,PersonBirthDateMother,EthnicCategoryMother\nW9,RYY,1990-01-01,99");
        write(second, "MSD002", "LPIDMother,OrgCodeGMPMother,StartDateGMPReg\nW9,C82001,2015-01-01");
        write(second, "MSD101", "PregnancyID,LPIDMother,OrgIDComm,AntenatalAppDate,EDDAgreed,OrgSiteIDBooking\n"
                + "Q9,W9,03W,2024-04-01,2024-11-01,RYYAA");
        write(second, "MSD102", "PregnancyID,CarePlanDate,CarePlanType,TeamLocalID\nQ9,2024-04-01,01,TC");
        load(second);
        assertThat(ethnicity("TC", true)).extracting(WorklistRow::localPatientId, WorklistRow::newSinceLastLoad)
                .containsExactly(tuple("W9", true), tuple("W3", false), tuple("W2", false), tuple("W6", false));

        assertThatThrownBy(() -> service.setStatus("TC", "W3", QualityItem.ETHNIC_CATEGORY, WorklistStatus.FIXED,
                null, TeamAccess.only(Set.of("TD")))).isInstanceOf(WorklistAccessDeniedException.class);
        assertThatThrownBy(() -> service.setStatus("TC", "D001", QualityItem.ETHNIC_CATEGORY, WorklistStatus.FIXED,
                null, TeamAccess.everyTeam())).isInstanceOf(UnknownWorklistRowException.class);
    }

    @Test
    void escalationsUseCompleteMonthsOnly() {
        List<Escalation> rows = service.escalations(Optional.empty(), false);
        // TD's June lies after the reporting period: not a complete month, so its 100% does not end the run.
        // TF's May holds 3 records against a median of 25: skipped, neither ending nor extending the run.
        assertThat(rows).filteredOn(e -> e.level() == Escalation.Level.TEAM && e.item() == QualityItem.ETHNIC_CATEGORY)
                .extracting(Escalation::group, Escalation::months, Escalation::since, Escalation::latestMonth,
                        Escalation::valid, Escalation::denominator, Escalation::escalated)
                .contains(tuple("TD", 5, YearMonth.of(2024, 1), YearMonth.of(2024, 5), 20L, 25L, true),
                        tuple("TF", 4, YearMonth.of(2024, 1), YearMonth.of(2024, 4), 20L, 25L, true));
        assertThat(QualityService.sparseMonthForEscalation(3, 25)).isTrue();
        assertThat(QualityService.sparseMonthForEscalation(13, 25)).isFalse();
        assertThat(QualityService.sparseMonthForEscalation(3, 19)).isFalse();
        assertThat(QualityService.median(new long[] { 25, 3, 25, 25, 25 })).isEqualTo(25.0);
        assertThat(QualityService.median(new long[] { 1, 4 })).isEqualTo(2.5);
    }

    private static Path writeExtract(Path folder) throws IOException {
        Path dir = Files.createDirectories(folder.resolve("rxx-2024"));
        StringBuilder mothers = new StringBuilder("LPIDMother,OrgIDLPID,PersonBirthDateMother,EthnicCategoryMother\n");
        StringBuilder bookings = new StringBuilder(
                "PregnancyID,LPIDMother,OrgIDComm,AntenatalAppDate,EDDAgreed,OrgSiteIDBooking\n");
        StringBuilder plans = new StringBuilder("PregnancyID,CarePlanDate,CarePlanType,TeamLocalID,CareProfLID\n");
        String[][] women = {
                { "W1", "2023-06-01", "2024-01-05" }, { "W2", "2024-01-20", "2024-07-10" },
                { "W3", "2024-02-05", "2024-09-01" }, { "W4", "2023-05-01", "2023-12-01" },
                { "W5", "2024-03-01", "2024-10-01" }, { "W6", "2023-08-01", "" }, { "W7", "2023-01-01", "" } };
        for (String[] w : women) {
            mothers.append(w[0]).append(",RXX,1990-01-01,99\n");
            bookings.append("P").append(w[0]).append(',').append(w[0]).append(",03W,").append(w[1]).append(',')
                    .append(w[2]).append(",RXXAA\n");
            plans.append("P").append(w[0]).append(',').append(w[1]).append(",01,TC,")
                    .append(w[0].equals("W3") ? "MW1" : "").append('\n');
        }
        plans.append("PW3,2024-03-01,02,TC,MW7\n");
        int n = 0;
        for (String team : List.of("TD", "TF")) {
            for (int month = 1; month <= 6; month++) {
                int women2 = team.equals("TF") && month == 5 ? 3 : 25;
                if (team.equals("TF") && month == 6) {
                    continue;
                }
                for (int i = 0; i < women2; i++) {
                    String id = String.format("D%03d", ++n);
                    boolean valid = month == 6 || (team.equals("TF") && month == 5) || i >= 5;
                    String date = String.format("2024-%02d-10", month);
                    mothers.append(id).append(",RXX,1990-01-01,").append(valid ? "A" : "99").append('\n');
                    bookings.append("P").append(id).append(',').append(id).append(",03W,").append(date)
                            .append(",2024-12-01,RXXAB\n");
                    plans.append("P").append(id).append(',').append(date).append(",01,").append(team).append(",\n");
                }
            }
        }
        write(dir, "MSD000", "OrgCodeProvider,RPStartDate,RPEndDate\nRXX,2024-01-01,2024-05-31");
        write(dir, "MSD001", mothers.toString().strip());
        write(dir, "MSD002", "LPIDMother,OrgCodeGMPMother,StartDateGMPReg\nW1,C82001,2015-01-01");
        write(dir, "MSD101", bookings.toString().strip());
        write(dir, "MSD102", plans.toString().strip());
        write(dir, "MSD301", """
                LabourDeliveryID,PregnancyID,LabourOnsetDate
                L1,PW1,2024-01-03
                L2,PW2,2024-05-10
                L5,PW5,2024-04-01""");
        write(dir, "MSD401", """
                LPIDBaby,LabourDeliveryID,OrgIDLocalPatientIdBaby,PersonBirthDateBaby,PersonBirthTimeBaby,PregOutcome,PersonPhenSex,GestationLengthBirth,DeliveryMethodCode,BabyFirstFeedIndCode
                B1,L1,RXX,2024-01-03,10:00:00,01,1,280,0,01
                B2,L2,RXX,2024-05-10,10:00:00,01,2,270,0,01
                B5,L5,RXX,2024-04-01,10:00:00,01,1,200,0,01""");
        return dir;
    }

    private static void write(Path folder, String table, String content) throws IOException {
        Files.writeString(folder.resolve(table + ".csv"), content + "\n");
    }
}
