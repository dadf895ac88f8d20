package org.perinatalequity.breakdown.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** {@code GET /api/measures/{id}/map} on the bundled sample and its synthetic boundaries. */
@SampleDataTest
class MeasureMapApiTest {

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
    void drawsEveryLmnsLsoaWithTheBreakdownsValueInItsTitle() throws Exception {
        String svg = mvc.perform(get("/api/measures/preterm/map").param("by", "lsoa")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml")).andReturn().getResponse()
                .getContentAsString();
        JsonNode breakdown = json.readTree(mvc.perform(get("/api/measures/preterm/breakdown").param("by", "lsoa"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(Pattern.compile("<path id=\"E01\\d{6}\"").matcher(svg).results().count()).isEqualTo(611);
        JsonNode shown = null;
        JsonNode hidden = null;
        for (JsonNode row : breakdown.get("rows")) {
            if (row.get("suppressed").asBoolean() && hidden == null) {
                hidden = row;
            } else if (!row.get("suppressed").asBoolean() && row.hasNonNull("value") && shown == null) {
                shown = row;
            }
        }
        assertThat(shown).isNotNull();
        assertThat(svg).contains("<title>" + shown.get("groupName").asText() + " (" + shown.get("group").asText()
                + "): " + String.format(Locale.UK, "%.1f", shown.get("value").asDouble()) + "%");
        if (hidden != null) {
            assertThat(svg).contains("(" + hidden.get("group").asText() + "): suppressed</title>");
        }
        assertThat(svg).contains("class=\"legend-class\"").contains("Preterm");
    }

    @Test
    void drawsPlacesAndPngAndRefusesWhatItCannotMap() throws Exception {
        String svg = mvc.perform(get("/api/measures/preterm/map").param("by", "place")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(svg).contains("<path id=\"Leicester\"", "<path id=\"Leicestershire\"", "<path id=\"Rutland\"");

        byte[] png = mvc.perform(get("/api/measures/preterm/map").param("by", "place").param("format", "png"))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png")).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        mvc.perform(get("/api/measures/preterm/map").param("by", "msoa")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("use by=lsoa or by=place")));
        mvc.perform(get("/api/measures/preterm/map").param("by", "county")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/measures/preterm/map")).andExpect(status().isBadRequest());
    }
}
