package org.perinatalequity.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.EquityTest;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.Dataset;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The workforce dataset through the one ingest mechanism: the staff-level files of one organisation's year and the
 * aggregate return of another with the same counts give the same nine indicators; bad rows are rejected with their
 * line; only the WORKFORCE role loads workforce data and sees its staff-level rows (API and service).
 */
@EquityTest
@TestPropertySource(properties = TestUsers.USERS_FILE)
@AutoConfigureMockMvc
class WorkforceIngestTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(WorkforceIngestTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    IngestService ingest;

    @Autowired
    WorkforceService workforce;

    private static boolean loaded;
    private static IngestReport staffReport;
    private static IngestReport badReport;

    @BeforeEach
    void load() throws IOException {
        if (loaded) {
            return;
        }
        as("test-workforce", "WORKFORCE");
        try {
            staffReport = ingest.ingest(List.of(staffLevel(Files.createTempDirectory(Path.of("target"), "wrk-staff"))),
                    new IngestService.Requester("test-workforce", "test"));
            IngestReport aggregate = ingest.ingest(List.of(aggregate(Files.createTempDirectory(Path.of("target"),
                    "wrk-agg"))), new IngestService.Requester("test-workforce", "test"));
            assertThat(aggregate.allLoaded()).as(aggregate.toString()).isTrue();
            badReport = ingest.ingest(List.of(bad(Files.createTempDirectory(Path.of("target"), "wrk-bad"))),
                    new IngestService.Requester("test-workforce", "test"));
        } finally {
            SecurityContextHolder.clearContext();
        }
        loaded = true;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void bothLayoutsGiveTheSameIndicators() {
        assertThat(staffReport.allLoaded()).as(staffReport.toString()).isTrue();
        assertThat(staffReport.submissions().get(0).dataset()).isEqualTo(Dataset.WORKFORCE);
        as(TestUsers.BOARD, "BOARD");
        List<WresIndicator> fromStaff = workforce.wres("2024-25").orElseThrow().indicators();
        List<WresIndicator> fromAggregate = workforce.wres("2023-24").orElseThrow().indicators();
        assertThat(fromStaff).isEqualTo(fromAggregate);
        // Bank staff, other departments and the leaver are not counted: 60 White and 40 BME in post.
        assertThat(fromStaff.get(0).white().numerator()).isEqualTo(60.0);
        assertThat(fromStaff.get(0).bme().numerator()).isEqualTo(40.0);
        assertThat(fromStaff.get(1).relativeLikelihood()).isEqualTo((30.0 / 100) / (10.0 / 50));
        assertThat(fromStaff.get(2).relativeLikelihood()).isEqualTo((10.0 / 40) / (12.0 / 60));
        assertThat(fromStaff.get(3).relativeLikelihood()).isEqualTo((40.0 / 60) / (15.0 / 40));
        // 1.78, but its interval (1.15 to 2.75) reaches into the band: not called adverse.
        assertThat(fromStaff.get(3).lower95()).isBetween(1.14, 1.16);
        assertThat(fromStaff.get(3).assessment()).isEqualTo(Assessment.EQUITABLE);
        assertThat(fromStaff.get(4).bme().value()).isEqualTo(30.0);
        // Two BME board members of twelve: hidden (below 10), and the White count with them.
        assertThat(fromStaff.get(8).bme().suppressed()).isTrue();
        assertThat(fromStaff.get(8).white().numerator()).isNull();
    }

    @Test
    void badRowsAreRejectedWithTheirLines() {
        assertThat(badReport.allLoaded()).isTrue();
        assertThat(badReport.rejects()).extracting(IngestReport.Issue::line, IngestReport.Issue::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "StaffId"),
                        org.assertj.core.groups.Tuple.tuple(4, "StartDate"));
        assertThat(badReport.rejects().get(1).value()).isEqualTo("2024-13-01");
        // The staff id is never shown, even when it is what is wrong.
        assertThat(badReport.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(5);
            assertThat(w.column()).isEqualTo("EthnicCategory");
            assertThat(w.value()).isEqualTo("Q");
        });
        assertThat(badReport.submissions().get(0).tables()).filteredOn(t -> t.table().equals("WRK001"))
                .singleElement().satisfies(t -> {
                    assertThat(t.loaded()).isEqualTo(2);
                    assertThat(t.rejected()).isEqualTo(2);
                });
    }

    @Test
    void anAdminCannotLoadWorkforceData() throws IOException {
        as(TestUsers.ADMIN, "ADMIN");
        IngestReport report = ingest.ingest(List.of(bad(Files.createTempDirectory(Path.of("target"), "wrk-admin"))),
                new IngestService.Requester(TestUsers.ADMIN, "test"));
        assertThat(report.submissions().get(0).status()).isEqualTo(IngestReport.Status.refused);
        assertThat(report.submissions().get(0).message()).contains("WORKFORCE role");
    }

    @Test
    void aBoardUserCannotReachStaffLevelRows() throws Exception {
        mvc.perform(get("/api/workforce/staff").param("year", "2024-25").with(httpBasic(TestUsers.BOARD,
                TestUsers.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/workforce/staff").param("year", "2024-25").with(httpBasic(TestUsers.ANALYST,
                TestUsers.PASSWORD))).andExpect(status().isForbidden());
        as(TestUsers.BOARD, "BOARD");
        assertThatThrownBy(() -> workforce.staff("2024-25")).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        mvc.perform(get("/api/workforce/staff").param("year", "2024-25").with(httpBasic("test-workforce",
                TestUsers.PASSWORD))).andExpect(status().isOk())
                // 102 in post and the leaver, who was staff during the year.
                .andExpect(jsonPath("$.length()").value(103))
                .andExpect(jsonPath("$[0].staffPseudonym").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")));
    }

    @Test
    void theWresAnswerFollowsTheContract() throws Exception {
        mvc.perform(get("/api/workforce/wres").param("year", "2024-25").with(httpBasic(TestUsers.BOARD,
                TestUsers.PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value("2024-25"))
                .andExpect(jsonPath("$.indicators.length()").value(9))
                .andExpect(jsonPath("$.indicators[1].indicator").value(2))
                .andExpect(jsonPath("$.indicators[1].white.numerator").value(30.0))
                .andExpect(jsonPath("$.indicators[1].white.denominator").value(100.0))
                .andExpect(jsonPath("$.indicators[1].relativeLikelihood").value(org.hamcrest.Matchers.closeTo(1.5, 1e-12)))
                .andExpect(jsonPath("$.indicators[1].lower95").isNumber())
                .andExpect(jsonPath("$.indicators[1].assessment").value("equitable"))
                .andExpect(jsonPath("$.indicators[0].assessment").value("not_assessed"));
        mvc.perform(get("/api/workforce/wres").param("year", "2024").with(httpBasic(TestUsers.BOARD,
                TestUsers.PASSWORD))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("YYYY-YY")));
        mvc.perform(get("/api/workforce/wres").param("year", "2019-20").with(httpBasic(TestUsers.BOARD,
                TestUsers.PASSWORD))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2023-24, 2024-25")));
    }

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    }

    private static Path header(Path dir, String org, String start, String end) throws IOException {
        write(dir.resolve("WRK000.csv"), List.of("OrgCode,ReportingPeriodStartDate,ReportingPeriodEndDate",
                org + "," + start + "," + end));
        return dir;
    }

    /** 2024-25: 60 White and 40 BME midwives in post, two of unknown ethnicity, and staff not to be counted. */
    static Path staffLevel(Path dir) throws IOException {
        header(dir, "RWE", "2024-04-01", "2025-03-31");
        List<String> staff = new ArrayList<>(List.of("StaffId,EthnicCategory,PayBand,StaffGroup,OccupationCode,"
                + "AreaOfWork,AssignmentCategory,StartDate,LeavingDate"));
        for (int i = 0; i < 60; i++) {
            staff.add("W" + i + "," + (i % 3 == 0 ? "C" : "A") + "," + (i < 40 ? "5" : "6")
                    + ",Nursing and Midwifery Registered,N6A,Maternity - Community,Permanent,2015-01-01,");
        }
        for (int i = 0; i < 40; i++) {
            staff.add("B" + i + "," + (i % 2 == 0 ? "H" : "N") + "," + (i < 30 ? "5" : "7")
                    + ",Nursing and Midwifery Registered,N6A,Neonatal Unit,Fixed Term Temp,2020-06-01,");
        }
        staff.add("U0,Z,5,Nursing and Midwifery Registered,N6A,Maternity - Labour Ward,Permanent,2019-01-01,");
        staff.add("U1,,5,Nursing and Midwifery Registered,N6A,Maternity - Labour Ward,Permanent,2019-01-01,");
        for (int i = 0; i < 3; i++) {
            staff.add("K" + i + ",H,5,Nursing and Midwifery Registered,N6A,Maternity - Community,Bank,2019-01-01,");
        }
        for (int i = 0; i < 5; i++) {
            staff.add("C" + i + ",M,6,Nursing and Midwifery Registered,N0A,Cardiology,Permanent,2019-01-01,");
        }
        staff.add("L0,A,5,Nursing and Midwifery Registered,N6A,Maternity - Community,Permanent,2010-01-01,2024-09-30");
        write(dir.resolve("WRK001.csv"), staff);
        List<String> events = new ArrayList<>(List.of("PersonId,EventType,EventDate,EthnicCategory,PayBand"));
        for (int i = 0; i < 100; i++) {
            events.add("AW" + i + ",shortlisted,2024-05-01,A,5");
        }
        for (int i = 0; i < 30; i++) {
            events.add("AW" + i + ",appointed,2024-06-01,A,5");
        }
        for (int i = 0; i < 50; i++) {
            events.add("AB" + i + ",shortlisted,2024-05-01,R,5");
        }
        for (int i = 0; i < 10; i++) {
            events.add("AB" + i + ",appointed,2024-06-01,R,5");
        }
        for (int i = 0; i < 12; i++) {
            events.add("W" + i + ",disciplinary,2024-07-01,,");
        }
        for (int i = 0; i < 10; i++) {
            events.add("B" + i + ",disciplinary,2024-07-01,,");
        }
        events.add("B0,disciplinary,2024-08-01,,"); // a second entry of one person counts once
        events.add("B1,disciplinary,2023-08-01,,"); // outside the year
        for (int i = 0; i < 40; i++) {
            events.add("W" + i + ",training,2024-09-01,,");
        }
        for (int i = 0; i < 15; i++) {
            events.add("B" + i + ",training,2024-09-01,,");
        }
        write(dir.resolve("WRK101.csv"), events);
        write(dir.resolve("WRK201.csv"), List.of("Indicator,EthnicGroup,Percentage,Respondents", "5,White,25,300",
                "5,BME,30,120"));
        List<String> board = new ArrayList<>(List.of("MemberId,EthnicCategory,Voting,Executive"));
        for (int i = 0; i < 10; i++) {
            board.add("M" + i + ",A,Y,N");
        }
        board.add("M10,H,Y,Y");
        board.add("M11,N,Y,N");
        board.add("M12,J,N,N");
        write(dir.resolve("WRK301.csv"), board);
        return dir;
    }

    /** 2023-24 of another organisation: the same counts as an aggregate WRES return. */
    static Path aggregate(Path dir) throws IOException {
        header(dir, "RX1", "2023-04-01", "2024-03-31");
        write(dir.resolve("WRK401.csv"), List.of("Indicator,EthnicGroup,Band,Numerator,Denominator,Percentage",
                "1,White,5,40,,", "1,White,6,20,,", "1,BME,5,30,,", "1,BME,7,10,,", "1,Unknown,5,2,,",
                "2,White,,30,100,", "2,BME,,10,50,", "3,White,,12,60,", "3,BME,,10,40,", "4,White,,40,60,",
                "4,BME,,15,40,", "5,White,,,300,25", "5,BME,,,120,30", "9,White,,10,,", "9,BME,,2,,"));
        return dir;
    }

    /** Four staff rows: a good one, one without a staff id, one with an impossible date, one with a bad code. */
    static Path bad(Path dir) throws IOException {
        header(dir, "RBAD", "2022-04-01", "2023-03-31");
        write(dir.resolve("WRK001.csv"), List.of("StaffId,EthnicCategory,PayBand,StaffGroup,AreaOfWork,"
                + "AssignmentCategory,StartDate", "S1,A,5,Midwifery,Maternity,Permanent,2020-01-01",
                ",A,5,Midwifery,Maternity,Permanent,2020-01-01", "S3,A,5,Midwifery,Maternity,Permanent,2024-13-01",
                "S4,Q,5,Midwifery,Maternity,Permanent,2020-01-01"));
        return dir;
    }
}
