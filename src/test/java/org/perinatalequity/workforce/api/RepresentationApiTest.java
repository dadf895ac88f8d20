package org.perinatalequity.workforce.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code GET /api/workforce/representation} on the bundled sample (births from its MSDS extract, the MVP list from its
 * reference files): the partnership's 25 members of known ethnicity at 31 March 2025 against births of April 2024 to
 * March 2025; hidden whole for a board member (categories of 1 to 9), shown to the WORKFORCE role; 400s name the
 * parameter.
 */
@SampleDataTest
class RepresentationApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    private JsonNode get(String user, String... params) throws Exception {
        var request = MockMvcRequestBuilders.get("/api/workforce/representation")
                .with(httpBasic(user, TestUsers.PASSWORD));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void aBoardMemberSeesTheSmallPartnershipHiddenWhole() throws Exception {
        JsonNode answer = get(TestUsers.BOARD, "year", "2024-25", "group", "mvp");
        assertThat(answer.get("year").asText()).isEqualTo("2024-25");
        assertThat(answer.get("births").asDouble()).isGreaterThan(5000);
        assertThat(answer.get("groups")).hasSize(1);
        JsonNode mvp = answer.get("groups").get(0);
        assertThat(mvp.get("id").asText()).isEqualTo("mvp");
        assertThat(mvp.get("suppressed").asBoolean()).isTrue();
        assertThat(mvp.get("members").isNull()).isTrue();
        assertThat(mvp.get("categories")).isEmpty();
        // one member of unknown ethnicity: too few to show
        assertThat(mvp.get("notKnown").isNull()).isTrue();
        // No member-level row anywhere: no pseudonym, no postcode, no date.
        assertThat(answer.toString()).doesNotContain("member_key", "memberKey", "LE", "2019-", "2020-");
    }

    @Test
    void theWorkforceRoleSeesEachShareAgainstBirths() throws Exception {
        JsonNode mvp = get("test-workforce", "year", "2024-25", "group", "mvp").get("groups").get(0);
        assertThat(mvp.get("suppressed").asBoolean()).isFalse();
        // 26 current members at 31 March 2025, one not stating her ethnicity; the six former members have left.
        assertThat(mvp.get("members").asDouble()).isEqualTo(25.0);
        assertThat(mvp.get("notKnown").asDouble()).isEqualTo(1.0);
        JsonNode categories = mvp.get("categories");
        assertThat(categories).hasSize(5);
        assertThat(categories.get(0).get("category").asText()).isEqualTo("White");
        assertThat(categories.get(0).get("percent").asDouble()).isEqualTo(64.0);
        assertThat(categories.get(2).get("percent").asDouble()).isEqualTo(16.0);
        for (JsonNode c : categories) {
            double births = c.get("communityPercent").asDouble();
            assertThat(c.get("ratio").asDouble()).isCloseTo(c.get("percent").asDouble() / births,
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(c.get("gap").asDouble()).isCloseTo(c.get("percent").asDouble() - births,
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(c.get("lower").asDouble()).isLessThanOrEqualTo(c.get("percent").asDouble());
            assertThat(c.get("upper").asDouble()).isGreaterThanOrEqualTo(c.get("percent").asDouble());
        }
        // Asian women are under-represented in the sample's partnership, as MVPs commonly find.
        assertThat(categories.get(2).get("ratio").asDouble()).isLessThan(1.0);
        assertThat(mvp.get("test").asText()).isEqualTo("exact");
        assertThat(mvp.get("pValue").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void everyGroupWithoutTheParameterAndPlainRefusals() throws Exception {
        JsonNode all = get(TestUsers.ANALYST, "year", "2024-25");
        assertThat(all.get("groups")).extracting(g -> g.get("id").asText()).containsExactly("staff", "board", "mvp");
        // No workforce data in this database: staff and board have no one.
        assertThat(all.get("groups").get(0).get("members").asDouble()).isZero();
        mvc.perform(MockMvcRequestBuilders.get("/api/workforce/representation").param("year", "2024-25")
                .param("group", "panel").with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Parameter 'group': 'panel' is not one of staff, board, mvp"));
        mvc.perform(MockMvcRequestBuilders.get("/api/workforce/representation")
                .with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("'year' is required")));
    }
}
