package org.perinatalequity.breakdown.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code adjust=maternal_age} on the sample: the map colours each place by the same standardised ratio the breakdown
 * answers, says so in its title, and the breakdown's LMNS total is exactly as expected (ratio 1).
 */
@SampleDataTest
class AdjustedMapApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    private static MockHttpServletRequestBuilder get(String url) {
        return MockMvcRequestBuilders.get(url).with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD));
    }

    @Test
    void theMapOfPlacesShowsEachPlacesStandardisedRatio() throws Exception {
        JsonNode breakdown = json.readTree(mvc.perform(get("/api/measures/caesarean/breakdown").param("by", "place")
                .param("adjust", "maternal_age")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        JsonNode total = breakdown.get("total");
        // Unfiltered, the LMNS is its own reference: observed ≈ expected (both from rounded counts under suppression).
        assertThat(total.get("expected").asDouble()).isPositive();
        assertThat(total.get("ratio").asDouble()).isCloseTo(total.get("observed").asDouble()
                / total.get("expected").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(total.get("expected").asDouble()).isCloseTo(total.get("observed").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(0.5));
        JsonNode leicester = null;
        for (JsonNode row : breakdown.get("rows")) {
            if (row.get("group").asText().equals("Leicester")) {
                leicester = row;
            }
        }
        assertThat(leicester).isNotNull();
        // adjustedValue = ratio × the LMNS's rate, the same rate for every row (the total's too).
        double lmnsRate = total.get("adjustedValue").asDouble() / total.get("ratio").asDouble();
        assertThat(leicester.get("adjustedValue").asDouble()).isCloseTo(leicester.get("ratio").asDouble()
                * lmnsRate, org.assertj.core.data.Offset.offset(1e-9));

        String svg = mvc.perform(get("/api/measures/caesarean/map").param("by", "place")
                .param("adjust", "maternal_age")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(svg).contains("adjusted for maternal age");
        assertThat(svg).contains("<title>Leicester: " + String.format(Locale.UK, "ratio %.2f (%.2f to %.2f), %,.0f"
                + " observed", leicester.get("ratio").asDouble(), leicester.get("ratioLower95").asDouble(),
                leicester.get("ratioUpper95").asDouble(), leicester.get("observed").asDouble()));
        mvc.perform(get("/api/measures/caesarean/map").param("by", "place").param("adjust", "sex"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aMeasureCountedInWomenIsNotAdjusted() throws Exception {
        String detail = json.readTree(mvc.perform(get("/api/measures/pmh_access/breakdown").param("by", "place")
                .param("adjust", "maternal_age")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString()).path("detail").asText();
        assertThat(detail).isEqualTo("Parameter 'adjust': pmh_access counts women, not events;"
                + " adjust=maternal_age is available for measures that count events");
    }

    @Test
    void theOpenApiDocumentListsTheAdjustmentAndItsRowFields() throws Exception {
        JsonNode document = json.readTree(mvc.perform(get("/api/openapi")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        JsonNode row = document.path("components").path("schemas").path("Row").path("properties");
        assertThat(row.has("observed") && row.has("expected") && row.has("adjustedValue") && row.has("ratio"))
                .as("Row schema %s", row).isTrue();
        for (String path : new String[] { "/api/measures/{id}/breakdown", "/api/measures/{id}/map" }) {
            boolean listed = false;
            for (JsonNode parameter : document.path("paths").path(path).path("get").path("parameters")) {
                listed |= parameter.path("name").asText().equals("adjust")
                        && parameter.path("schema").path("enum").toString().equals("[\"maternal_age\"]");
            }
            assertThat(listed).as(path).isTrue();
        }
        for (String stats : new String[] { "dsr", "isr", "israte", "relative-likelihood", "representation" }) {
            assertThat(document.path("paths").has("/api/stats/" + stats)).as(stats).isTrue();
        }
    }
}
