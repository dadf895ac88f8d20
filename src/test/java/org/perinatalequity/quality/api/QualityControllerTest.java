package org.perinatalequity.quality.api;

import org.perinatalequity.TestUsers;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.quality.QualityFixture;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.perinatalequity.EquityTest;
import org.springframework.test.context.TestPropertySource;

/** The shapes of GET /api/quality, /worklist and /escalations on the hand-built extract, and their 400s. */
@EquityTest
@TestPropertySource(properties = TestUsers.USERS_FILE)
@AutoConfigureMockMvc
class QualityControllerTest {

    /** An analyst with record access: every team's worklist. */
    private static MockHttpServletRequestBuilder get(String url) {
        return MockMvcRequestBuilders.get(url).with(SecurityMockMvcRequestPostProcessors.httpBasic(TestUsers.ANALYST,
                TestUsers.PASSWORD));
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(QualityControllerTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    IngestService ingestService;

    @Autowired
    ReferenceService referenceService;

    @BeforeEach
    void load() throws Exception {
        if (ingestService.isDatabaseEmpty()) {
            QualityFixture.load(ingestService, referenceService,
                    Files.createTempDirectory(Path.of("target"), "quality-fixture"));
        }
    }

    @Test
    void countsByTeamForOneItem() throws Exception {
        mvc.perform(get("/api/quality").param("by", "team").param("item", "ethnic_category"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.by").value("team"))
                .andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.rows[0].group").value("TA"))
                .andExpect(jsonPath("$.rows[0].item").value("ethnic_category"))
                .andExpect(jsonPath("$.rows[0].valid").value(2))
                .andExpect(jsonPath("$.rows[0].default").value(1))
                .andExpect(jsonPath("$.rows[0].invalid").value(1))
                .andExpect(jsonPath("$.rows[0].missing").value(1))
                .andExpect(jsonPath("$.rows[0].denominator").value(5))
                .andExpect(jsonPath("$.rows[1].group").value("TB"));
    }

    @Test
    void countsByMonthWithAPeriodAndADimensionFilter() throws Exception {
        mvc.perform(get("/api/quality").param("by", "month").param("item", "postcode").param("from", "2024-02")
                .param("to", "2024-03").param("booking_site", "RWEAA"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows", hasSize(2)))
                .andExpect(jsonPath("$.rows[0].group").value("2024-02"))
                .andExpect(jsonPath("$.rows[0].default").value(1))
                .andExpect(jsonPath("$.rows[1].group").value("2024-03"))
                .andExpect(jsonPath("$.rows[1].invalid").value(1));
        mvc.perform(get("/api/quality").param("by", "provider").param("suppress", "true"))
                .andExpect(jsonPath("$.rows", hasSize(10)))
                .andExpect(jsonPath("$.rows[0].denominator").value(5));
        mvc.perform(get("/api/quality").param("by", "team").param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(startsWith("team,item,valid,default,invalid,missing,denominator\r\n"
                        + "TA,ethnic_category,2,1,1,1,5\r\n")));
    }

    @Test
    void worklistOfATeam() throws Exception {
        mvc.perform(get("/api/quality/worklist").param("team", "TB"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.team").value("TB"))
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].localPatientId").value("M06"))
                .andExpect(jsonPath("$.rows[0].bookingDate").value("2024-01-15"))
                .andExpect(jsonPath("$.rows[0].item").value("ethnic_category"))
                .andExpect(jsonPath("$.rows[0].problem").value("default"))
                .andExpect(jsonPath("$.rows[0].edd").value("2024-08-02"))
                .andExpect(jsonPath("$.rows[0].midwife").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.rows[0].newSinceLastLoad").value(true))
                .andExpect(jsonPath("$.rows[0].status").value("to_fix"))
                .andExpect(jsonPath("$.rows[0].note").value(org.hamcrest.Matchers.nullValue()));
        mvc.perform(get("/api/quality/worklist").param("team", "TA").param("item", "postcode"))
                .andExpect(jsonPath("$.rows[*].problem").value(org.hamcrest.Matchers.contains("missing", "not_linked",
                        "invalid", "default")));
        mvc.perform(get("/api/quality/worklist").param("team", "TA").param("item", "postcode")
                .header("Accept", "text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("worklist-TA.csv")))
                .andExpect(content().string("Booking date,Local patient ID,Item,Problem,EDD,Midwife,New since last load,"
                        + "Status,Note\r\n"
                        + "2024-05-10,M05,Postcode,Missing,2024-11-26,,New,To fix,\r\n"
                        + "2024-04-10,M04,Postcode,Not in the postcode directory,,,New,To fix,\r\n"
                        + "2024-03-10,M03,Postcode,Invalid,2024-02-09,,New,To fix,\r\n"
                        + "2024-02-10,M02,Postcode,Not known (default code),,,New,To fix,\r\n"));
    }

    @Test
    void escalationsAsJsonAndCsv() throws Exception {
        mvc.perform(get("/api/quality/escalations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.months").value(3))
                .andExpect(jsonPath("$.suppressed").value(false))
                .andExpect(jsonPath("$.rows[0].level").value("team"))
                .andExpect(jsonPath("$.rows[0].group").value("TA"))
                .andExpect(jsonPath("$.rows[0].item").value("ethnic_category"))
                .andExpect(jsonPath("$.rows[0].threshold").value(95.0))
                .andExpect(jsonPath("$.rows[0].months").value(3))
                .andExpect(jsonPath("$.rows[0].since").value("2024-03"))
                .andExpect(jsonPath("$.rows[0].latestMonth").value("2024-05"))
                .andExpect(jsonPath("$.rows[0].validPercent").value(0.0))
                .andExpect(jsonPath("$.rows[0].escalated").value(true));
        mvc.perform(get("/api/quality/escalations").param("to", "2024-05").param("format", "csv"))
                .andExpect(header().string("Content-Disposition", containsString("quality-escalations-2024-05.csv")))
                .andExpect(content().string(startsWith("level,group,item,threshold,months,since,latestMonth,valid,"
                        + "denominator,validPercent,escalated\r\nteam,TA,ethnic_category,95.0,3,2024-03,2024-05,0,1,0.0,true\r\n")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/api/quality                                | Parameter 'by' is required",
            "/api/quality?by=colour                      | Parameter 'by': unknown dimension 'colour'",
            "/api/quality?by=team&item=shoe_size         | Parameter 'item': ethnic_category, postcode, ",
            "/api/quality?by=team&from=2024-13           | Parameter 'from': a month as YYYY-MM, not '2024-13'",
            "/api/quality?by=team&to=April               | Parameter 'to': a month as YYYY-MM, not 'April'",
            "/api/quality?by=team&from=2024-05&to=2024-01 | Parameter 'from': 2024-05 is after 'to' 2024-01",
            "/api/quality?by=team&colour=red             | Parameter 'colour' is neither an option",
            "/api/quality?by=team&team=TA&team=TB        | Parameter 'team' given more than once",
            "/api/quality?by=team&suppress=maybe         | Parameter 'suppress': true or false, not 'maybe'",
            "/api/quality?by=team&format=xml             | Parameter 'format': json or csv, not 'xml'",
            "/api/quality?by=team&booking_site=RWEZZ     | Parameter 'booking_site': no value 'RWEZZ'; valid values: RWEAA",
            "/api/quality?by=team&place=Leicster         | Parameter 'place': no value 'Leicster'; valid values: Leicester, Leicestershire, Rutland",
            "/api/quality/worklist                       | Parameter 'team' is required",
            "/api/quality/worklist?team=TZ               | Parameter 'team': no team 'TZ' in the loaded data",
            "/api/quality/worklist?team=TA&item=birthweight | Parameter 'item': birthweight is recorded at birth",
            "/api/quality/worklist?team=TA&by=team       | Parameter 'by' is not an option here",
            "/api/quality/worklist?team=TA&problem=typo  | Parameter 'problem': missing, default, invalid or not_linked, not 'typo'",
            "/api/quality/worklist?team=TA&status=done   | Parameter 'status': to_fix, fixed or cannot_fix, not 'done'",
            "/api/quality/worklist?team=TA&cohort=recent | Parameter 'cohort': open or all, not 'recent'",
            "/api/quality/escalations?to=2024-1          | Parameter 'to': a month as YYYY-MM, not '2024-1'" })
    void bad_parameters_answer_400_naming_the_parameter(String url, String detail) throws Exception {
        mvc.perform(get(url.strip()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.detail").value(startsWith(detail.strip())));
    }

    private static MockHttpServletRequestBuilder put(String url, String body,
            org.springframework.test.web.servlet.request.RequestPostProcessor who) {
        return MockMvcRequestBuilders.put(url).contentType("application/json").content(body).with(who);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor teamUser(String team) {
        return SecurityMockMvcRequestPostProcessors.user("user-of-" + team).authorities(
                new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_TEAM"),
                new org.springframework.security.core.authority.SimpleGrantedAuthority("TEAM:" + team));
    }

    @Test
    void aTeamUserMarksHerOwnRowAndGetsItBackWithItsStatus() throws Exception {
        mvc.perform(put("/api/quality/worklist/TB/M06/ethnic_category",
                "{\"status\":\"cannot_fix\",\"note\":\"  woman moved away  \"}", teamUser("TB")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.localPatientId").value("M06"))
                .andExpect(jsonPath("$.item").value("ethnic_category"))
                .andExpect(jsonPath("$.problem").value("default"))
                .andExpect(jsonPath("$.status").value("cannot_fix"))
                .andExpect(jsonPath("$.note").value("woman moved away"));
        mvc.perform(get("/api/quality/worklist").param("team", "TB").param("status", "cannot_fix"))
                .andExpect(jsonPath("$.rows", hasSize(1)))
                .andExpect(jsonPath("$.rows[0].note").value("woman moved away"));
        mvc.perform(get("/api/quality/worklist").param("team", "TB").param("status", "to_fix"))
                .andExpect(jsonPath("$.rows", hasSize(0)));
        // An analyst with RECORD_ACCESS answers any team's row.
        mvc.perform(put("/api/quality/worklist/TB/M06/ethnic_category", "{\"status\":\"to_fix\"}",
                SecurityMockMvcRequestPostProcessors.httpBasic(TestUsers.ANALYST, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("to_fix"))
                .andExpect(jsonPath("$.note").value(org.hamcrest.Matchers.nullValue()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TA | /api/quality/worklist/TB/M06/ethnic_category | {\"status\":\"fixed\"}   | 403",
            "TB | /api/quality/worklist/TB/M06/ethnic_category | {\"status\":\"done\"}    | 400",
            "TB | /api/quality/worklist/TB/M06/ethnic_category | {\"note\":\"x\"}         | 400",
            "TB | /api/quality/worklist/TB/M01/ethnic_category | {\"status\":\"fixed\"}   | 404",
            "TB | /api/quality/worklist/TB/M06/postcode        | {\"status\":\"fixed\"}   | 404",
            "TB | /api/quality/worklist/TB/M06/shoe_size       | {\"status\":\"fixed\"}   | 404",
            "TB | /api/quality/worklist/TB/M06/birthweight     | {\"status\":\"fixed\"}   | 404" })
    void put_answers_403_for_another_team_400_for_a_bad_status_404_for_an_unknown_row(String team, String url,
            String body, int expected) throws Exception {
        mvc.perform(put(url.strip(), body.strip(), teamUser(team.strip()))).andExpect(status().is(expected));
    }

    @Test
    void aBoardMemberCannotMarkRows() throws Exception {
        mvc.perform(put("/api/quality/worklist/TB/M06/ethnic_category", "{\"status\":\"fixed\"}",
                SecurityMockMvcRequestPostProcessors.httpBasic(TestUsers.BOARD, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/quality/worklist/TB/M06/ethnic_category", "{\"status\":\"fixed\"}",
                SecurityMockMvcRequestPostProcessors.httpBasic(TestUsers.ANALYST_AGGREGATES, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
