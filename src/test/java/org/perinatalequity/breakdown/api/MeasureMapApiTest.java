package org.perinatalequity.breakdown.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perinatalequity.ContextSecurity;
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
@ExtendWith(ContextSecurity.class)
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

    /**
     * MSOAs, wards and neighbourhoods: a path per area of the level (126 MSOAs, 208 wards and 45 neighbourhoods in
     * the sample's boundaries), each titled with its name and the breakdown's value, and the rows of every level
     * adding up to the same LMNS total, unsuppressed.
     */
    @Test
    void drawsMsoasWardsAndNeighbourhoodsWhoseRowsAddUpToTheSameTotal() throws Exception {
        Map<String, Long> areas = Map.of("msoa", 126L, "ward", 208L, "neighbourhood", 45L);
        Map<String, String> codes = Map.of("msoa", "E02\\d{6}", "ward", "E05\\d{6}", "neighbourhood", "LLR-N\\d{2}");
        String lsoaTotal = null;
        for (String level : List.of("lsoa", "msoa", "ward", "neighbourhood")) {
            JsonNode breakdown = json.readTree(mvc.perform(analyst("/api/measures/preterm/breakdown").param("by", level)
                    .param("suppress", "false")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString());
            double numerator = 0;
            double denominator = 0;
            for (JsonNode row : breakdown.get("rows")) {
                numerator += row.get("numerator").asDouble();
                denominator += row.get("denominator").asDouble();
            }
            String sums = numerator + "/" + denominator;
            assertThat(sums).as(level).isEqualTo(breakdown.get("total").get("numerator").asDouble() + "/"
                    + breakdown.get("total").get("denominator").asDouble());
            if (lsoaTotal == null) {
                lsoaTotal = sums;
                continue;
            }
            assertThat(sums).as(level + " adds up to the LSOAs' total").isEqualTo(lsoaTotal);
            String svg = mvc.perform(analyst("/api/measures/preterm/map").param("by", level).param("suppress", "false"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(Pattern.compile("<path id=\"" + codes.get(level) + "\"").matcher(svg).results().count())
                    .as(level).isEqualTo(areas.get(level));
            JsonNode shown = null;
            for (JsonNode row : breakdown.get("rows")) {
                if (!row.get("group").asText().equals("Unknown") && row.hasNonNull("value") && shown == null) {
                    shown = row;
                }
            }
            assertThat(shown).as(level).isNotNull();
            assertThat(shown.get("groupName").asText()).as(level).isNotBlank();
            assertThat(svg).as(level).contains("<title>" + shown.get("groupName").asText() + " ("
                    + shown.get("group").asText() + "): " + String.format(Locale.UK, "%.1f", shown.get("value")
                            .asDouble()) + "%");
        }
        JsonNode dimensions = json.readTree(mvc.perform(get("/api/dimensions")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        for (JsonNode dimension : dimensions) {
            if (dimension.get("id").asText().equals("neighbourhood")) {
                assertThat(dimension.get("names").get("LLR-N01").asText()).isEqualTo("Leicester neighbourhood 1");
                assertThat(dimension.get("values").toString()).contains("\"LLR-N45\"", "\"Unknown\"");
            }
        }
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "ethnic_group").param("ward", "E05999999"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("ward"),
                                org.hamcrest.Matchers.containsString("E05999999"))));
    }

    private static MockHttpServletRequestBuilder analyst(String url) {
        return MockMvcRequestBuilders.get(url).with(httpBasic(TestUsers.ANALYST, TestUsers.PASSWORD));
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

        mvc.perform(get("/api/measures/preterm/map").param("by", "pcn")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "a primary care network is a group of GP practices, not an area with a boundary")));
        mvc.perform(get("/api/measures/preterm/map").param("by", "county")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/measures/preterm/map")).andExpect(status().isBadRequest());
    }
}
