package org.perinatalequity.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perinatalequity.ContextSecurity;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.board.ActionPlan;
import org.perinatalequity.board.ActionPlanService;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.quality.TeamAccess;
import org.perinatalequity.quality.WorklistFilter;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.security.AuditService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every kind of export goes through {@link Exports}: one line ending, one formula neutraliser, and an audit entry
 * naming who took what and how many records, written after the file.
 */
@SampleDataTest
@ExtendWith(ContextSecurity.class)
class ExportsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    @Test
    void aBreakdownCsvIsAuditedWithItsRowCountAndUsesCrlf() throws Exception {
        String csv = body("/api/measures/early_booking/breakdown?by=imd_quintile&format=csv", TestUsers.ANALYST);
        assertThat(csv).contains("\r\n").doesNotContainPattern("[^\r]\n");
        long dataRows = csv.lines().count() - 2; // the header and the LMNS total are not groups
        JsonNode entry = latestExport(TestUsers.ANALYST, "breakdown:early_booking");
        assertThat(entry.get("detail").asText()).isEqualTo("CSV by imd_quintile, suppressed");
        assertThat(entry.get("recordCount").asLong()).isEqualTo(dataRows);
    }

    @Test
    void aBreakdownArrowStreamIsAudited() throws Exception {
        bytes("/api/measures/preterm/breakdown?by=place&format=arrow", TestUsers.ANALYST);
        assertThat(latestExport(TestUsers.ANALYST, "breakdown:preterm").get("detail").asText())
                .isEqualTo("Arrow by place, suppressed");
    }

    @Test
    void aTrendCsvIsAuditedWithItsPoints() throws Exception {
        String csv = body("/api/measures/caesarean/trend?by=quarter&format=csv", TestUsers.ANALYST);
        JsonNode entry = latestExport(TestUsers.ANALYST, "trend:caesarean");
        assertThat(entry.get("detail").asText()).isEqualTo("CSV by quarter, suppressed");
        assertThat(entry.get("recordCount").asLong()).isEqualTo(csv.lines().count() - 1);
    }

    @Test
    void qualityCountsEscalationsAndAWorklistAreAudited() throws Exception {
        String counts = body("/api/quality?by=team&format=csv", TestUsers.ANALYST);
        JsonNode entry = latestExport(TestUsers.ANALYST, "quality:team");
        assertThat(entry.get("recordCount").asLong()).isEqualTo(counts.lines().count() - 1);
        assertThat(entry.get("detail").asText()).startsWith("data-quality counts CSV");

        String escalations = body("/api/quality/escalations?to=2024-12&format=csv", TestUsers.ANALYST);
        entry = latestExport(TestUsers.ANALYST, "quality-escalations");
        assertThat(entry.get("recordCount").asLong()).isEqualTo(escalations.lines().count() - 1);
        assertThat(entry.get("detail").asText()).startsWith("data-quality escalations CSV to 2024-12");

        String worklist = body("/api/quality/worklist?team=" + TestUsers.TEAM_ID + "&format=csv", TestUsers.TEAM);
        entry = latestExport(TestUsers.TEAM, "worklist:" + TestUsers.TEAM_ID);
        assertThat(entry.get("detail").asText()).isEqualTo("data-quality worklist CSV");
        assertThat(entry.get("recordCount").asLong()).isEqualTo(worklist.lines().count() - 1);
    }

    @Test
    void theAuditLogCsvIsItselfAudited() throws Exception {
        String csv = body("/api/audit?format=csv&action=login", TestUsers.ADMIN);
        assertThat(csv).startsWith("event_id,occurred_at,user,action,target,detail,record_count,outcome\r\n");
        JsonNode entry = latestExport(TestUsers.ADMIN, "audit log CSV");
        assertThat(entry.get("recordCount").asLong()).isEqualTo(csv.lines().count() - 1);
    }

    @Test
    @WithMockUser(username = "exports-test-board", roles = "BOARD")
    void theActionPlanCsvIsAudited(@Autowired ActionPlanService plans) throws Exception {
        ActionPlan plan = plans.plan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        plans.writeCsv(plan, plans.statuses(plan), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        JsonNode entry = latestExport("exports-test-board", "action-plan");
        assertThat(entry.get("recordCount").asLong()).isEqualTo(csv.lines().count() - 1);
        assertThat(entry.get("detail").asText()).endsWith(", suppressed");
    }

    @Test
    @WithMockUser(username = "exports-test-team", authorities = { "ROLE_TEAM", "TEAM:" + TestUsers.TEAM_ID })
    void theQualityPagesDownloadsAreAudited(@Autowired QualityService quality) throws Exception {
        // Both files first: reading the audit log signs the administrator in and out on this thread
        String escalations = new String(quality.escalationsCsv(Optional.of(YearMonth.of(2024, 12)), false),
                StandardCharsets.UTF_8);
        WorklistFilter open = new WorklistFilter(true, Optional.empty(), Optional.empty(),
                new Period(Optional.empty(), Optional.empty()), Optional.empty());
        String worklist = new String(quality.worklistCsv(TestUsers.TEAM_ID, open,
                TeamAccess.only(Set.of(TestUsers.TEAM_ID))), StandardCharsets.UTF_8);

        JsonNode entry = latestExport("exports-test-team", "quality-escalations");
        assertThat(entry.get("detail").asText()).isEqualTo("data-quality escalations CSV to 2024-12, NOT suppressed");
        assertThat(entry.get("recordCount").asLong()).isEqualTo(escalations.lines().count() - 1);
        entry = latestExport("exports-test-team", "worklist:" + TestUsers.TEAM_ID);
        assertThat(entry.get("detail").asText()).isEqualTo("data-quality worklist CSV");
        assertThat(entry.get("recordCount").asLong()).isPositive().isEqualTo(worklist.lines().count() - 1);
    }

    /** The newest export entry of the user for the target, read through the audit API as the administrator. */
    private JsonNode latestExport(String user, String target) throws Exception {
        JsonNode entries = json.readTree(body("/api/audit?user=" + user + "&action=" + AuditService.EXPORT
                + "&limit=50", TestUsers.ADMIN));
        List<JsonNode> matching = new ArrayList<>();
        entries.forEach(e -> {
            if (e.get("target").asText().equals(target)) {
                matching.add(e);
            }
        });
        assertThat(matching).as("export entries of %s for %s", user, target).isNotEmpty();
        return matching.get(0);
    }

    private String body(String url, String user) throws Exception {
        return new String(bytes(url, user), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String url, String user) throws Exception {
        MvcResult result = mvc.perform(get(url).with(httpBasic(user, TestUsers.PASSWORD))).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        return result.getResponse().getContentAsByteArray();
    }
}
