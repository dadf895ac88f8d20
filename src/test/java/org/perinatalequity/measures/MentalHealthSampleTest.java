package org.perinatalequity.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The sample's MHSDS submission (docs/sample-data.md, "Mental health") through the API: access near the national
 * level and below the 10% target, lower for Asian and Black women than for White women, linkage to MSDS near 95%,
 * and rolling 12-month trends of distinct women.
 */
@SampleDataTest
class MentalHealthSampleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    private JsonNode get(String url) throws Exception {
        return json.readTree(mvc.perform(MockMvcRequestBuilders.get(url)
                .with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private static Map<String, Double> values(JsonNode breakdown) {
        Map<String, Double> out = new HashMap<>();
        breakdown.get("rows").forEach(r -> out.put(r.get("group").asText(), r.path("value").asDouble()));
        out.put("Total", breakdown.get("total").get("value").asDouble());
        return out;
    }

    @Test
    void accessOverAYearIsNearTheNationalLevelWithEthnicGaps() throws Exception {
        Map<String, Double> byGroup = values(get("/api/measures/pmh_access/breakdown?by=ethnic_group"
                + "&from=2024-04&to=2025-03"));
        Map<String, Double> byQuintile = values(get("/api/measures/pmh_access/breakdown?by=imd_quintile"
                + "&from=2024-04&to=2025-03"));
        assertThat(byGroup.get("Total")).isBetween(7.0, 9.0);
        assertThat(byGroup.get("Asian or Asian British")).isLessThan(byGroup.get("White"));
        assertThat(byGroup.get("Black or Black British")).isLessThan(byGroup.get("White"));
        assertThat(byQuintile.get("1")).as("most deprived below least deprived").isLessThan(byQuintile.get("5"));
    }

    @Test
    void theLinkageRateIsAQualityItemOfTheMentalHealthProvider() throws Exception {
        JsonNode rows = get("/api/quality?by=provider&item=mh_linkage").get("rows");
        assertThat(rows).hasSize(1);
        JsonNode rt5 = rows.get(0);
        assertThat(rt5.get("group").asText()).isEqualTo("RT5");
        double rate = rt5.get("valid").asDouble() / rt5.get("denominator").asDouble();
        assertThat(rate).as("about 4% of records without a usable NHS number, 6% of women not in MSDS")
                .isBetween(0.85, 0.95);
        assertThat(rt5.get("missing").asDouble()).isPositive();
        assertThat(rt5.get("invalid").asDouble()).isPositive();
    }

    @Test
    void rollingTwelveMonthsCountDistinctWomen() throws Exception {
        JsonNode trend = get("/api/measures/pmh_access/trend?by=month&rolling=12");
        JsonNode last = trend.get("points").get(trend.get("points").size() - 1);
        assertThat(last.get("period").asText()).isEqualTo("2025-03");
        JsonNode year = get("/api/measures/pmh_access/breakdown?by=provider&from=2024-04&to=2025-03").get("total");
        assertThat(last.get("numerator").asDouble()).as("the window ending 2025-03 is the year 2024-04..2025-03")
                .isEqualTo(year.get("numerator").asDouble());
        assertThat(last.get("denominator").asDouble()).isEqualTo(year.get("denominator").asDouble());
    }
}
