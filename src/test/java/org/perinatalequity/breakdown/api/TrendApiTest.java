package org.perinatalequity.breakdown.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The trend API on the bundled sample: complete periods, {@code "spc": null} on the incomplete ones, the same chart
 * reading whatever the suppression, the chart, rolling and rebase parameters and their 400s.
 */
@SampleDataTest
class TrendApiTest {

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

    private JsonNode getJson(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** As an analyst (see MeasuresApiTest: the static holder is set too, as contexts run side by side). */
    private JsonNode getJsonAsAnalyst(String url, String... params) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                TestUsers.ANALYST, null, List.of(new SimpleGrantedAuthority("ROLE_ANALYST"))));
        try {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(url)
                    .with(httpBasic(TestUsers.ANALYST, TestUsers.PASSWORD));
            for (int i = 0; i < params.length; i += 2) {
                request = request.param(params[i], params[i + 1]);
            }
            return getJson(request);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void incompletePointsHaveANullSpcAndCompleteOnesAReading() throws Exception {
        JsonNode r = getJson(get("/api/measures/early_booking/trend").param("by", "month"));
        assertThat(r.get("chart").asText()).isEqualTo("xmr");
        assertThat(r.get("rollingMonths").asInt()).isEqualTo(1);
        int complete = 0;
        int incomplete = 0;
        for (JsonNode p : r.get("points")) {
            assertThat(p.has("complete")).isTrue();
            assertThat(p.has("spc")).as("spc is present, null or not").isTrue();
            if (p.get("complete").asBoolean()) {
                complete++;
                assertThat(p.get("spc").isTextual()).as(p.get("period").asText()).isTrue();
                assertThat(p.get("mean").asDouble()).isEqualTo(r.get("mean").asDouble());
            } else {
                incomplete++;
                assertThat(p.get("spc").isNull()).isTrue();
                assertThat(p.has("processUpper")).isFalse();
            }
        }
        assertThat(complete).isGreaterThanOrEqualTo(12);
        // The sample's bookings reach back before its reporting period (women who gave birth in it).
        assertThat(incomplete).isPositive();
        LocalDate dataTo = LocalDate.parse(r.get("dataTo").asText());
        for (JsonNode p : r.get("points")) {
            if (YearMonth.parse(p.get("period").asText()).atEndOfMonth().isAfter(dataTo)) {
                assertThat(p.get("complete").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void theReadingIsTheSameSuppressedOrNot() throws Exception {
        for (String measure : List.of("ethnicity_recorded", "early_booking", "stillbirth")) {
            for (String by : List.of("month", "quarter")) {
                JsonNode shown = getJsonAsAnalyst("/api/measures/" + measure + "/trend", "by", by, "place",
                        "Rutland");
                JsonNode exact = getJsonAsAnalyst("/api/measures/" + measure + "/trend", "by", by, "place",
                        "Rutland", "suppress", "false");
                assertThat(shown.get("suppressed").asBoolean()).isTrue();
                assertThat(exact.get("suppressed").asBoolean()).isFalse();
                assertThat(shown.get("variation")).isEqualTo(exact.get("variation"));
                assertThat(shown.get("assurance")).isEqualTo(exact.get("assurance"));
                assertThat(shown.get("mean")).isEqualTo(exact.get("mean"));
                for (int i = 0; i < shown.get("points").size(); i++) {
                    JsonNode a = shown.get("points").get(i);
                    JsonNode b = exact.get("points").get(i);
                    assertThat(a.get("spc")).isEqualTo(b.get("spc"));
                    assertThat(a.get("processUpper")).isEqualTo(b.get("processUpper"));
                    assertThat(a.get("complete")).isEqualTo(b.get("complete"));
                }
            }
        }
    }

    @Test
    void everyGroupAgreesOnWhichPeriodsAreComplete() throws Exception {
        Map<String, Boolean> lmns = completeness(getJson(get("/api/measures/early_booking/trend")));
        for (String group : List.of("White", "Black or Black British")) {
            Map<String, Boolean> narrowed = completeness(getJson(get("/api/measures/early_booking/trend")
                    .param("ethnic_group", group)));
            narrowed.forEach((period, complete) -> assertThat(complete).as(group + " " + period)
                    .isEqualTo(lmns.get(period)));
        }
    }

    private static Map<String, Boolean> completeness(JsonNode trend) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        trend.get("points").forEach(p -> out.put(p.get("period").asText(), p.get("complete").asBoolean()));
        return out;
    }

    @Test
    void rareEventsAreRollingTwelveMonthRatesByDefault() throws Exception {
        JsonNode rolling = getJson(get("/api/measures/neonatal_death/trend"));
        assertThat(rolling.get("rollingMonths").asInt()).isEqualTo(12);
        JsonNode monthly = getJson(get("/api/measures/neonatal_death/trend").param("rolling", "1"));
        assertThat(monthly.get("rollingMonths").asInt()).isEqualTo(1);
        YearMonth first = YearMonth.parse(monthly.get("points").get(0).get("period").asText());
        JsonNode firstRolling = rolling.get("points").get(0);
        assertThat(firstRolling.get("period").asText()).isEqualTo(first.plusMonths(11).toString());
        // Each rolling point sums its twelve months: the first one's denominator is the first twelve months'.
        double sum = 0;
        for (JsonNode p : monthly.get("points")) {
            if (YearMonth.parse(p.get("period").asText()).isBefore(first.plusMonths(12))) {
                sum += p.get("denominator").asDouble();
            }
        }
        // Published denominators are rounded to 5: the rolling one is within 2.5 + 12 × 2.5 of the monthly sum.
        assertThat(firstRolling.get("denominator").asDouble()).isCloseTo(sum,
                org.assertj.core.api.Assertions.within(32.5));
        assertThat(rolling.get("points").get(rolling.get("points").size() - 1).get("period").asText())
                .isEqualTo(monthly.get("points").get(monthly.get("points").size() - 1).get("period").asText());
        // Neonatal deaths need 27 days after the month: the last month whose end + 27 days passes data-to is out.
        LocalDate dataTo = LocalDate.parse(monthly.get("dataTo").asText());
        for (JsonNode p : monthly.get("points")) {
            if (YearMonth.parse(p.get("period").asText()).atEndOfMonth().plusDays(27).isAfter(dataTo)) {
                assertThat(p.get("complete").asBoolean()).as(p.get("period").asText()).isFalse();
            }
        }
        // Not rare: plain months.
        assertThat(getJson(get("/api/measures/caesarean/trend")).get("rollingMonths").asInt()).isEqualTo(1);
    }

    @Test
    void pAndPPrimeChartsWhenChosen() throws Exception {
        JsonNode p = getJson(get("/api/measures/caesarean/trend").param("chart", "p"));
        JsonNode laney = getJson(get("/api/measures/caesarean/trend").param("chart", "p_prime"));
        assertThat(p.get("chart").asText()).isEqualTo("p");
        assertThat(laney.get("chart").asText()).isEqualTo("p_prime");
        // Both are centred on the pooled proportion Σx/Σn of the complete months, on the % scale.
        double x = 0;
        double n = 0;
        JsonNode exact = getJsonAsAnalyst("/api/measures/caesarean/trend", "suppress", "false");
        for (JsonNode point : exact.get("points")) {
            if (point.get("complete").asBoolean()) {
                x += point.get("numerator").asDouble();
                n += point.get("denominator").asDouble();
            }
        }
        assertThat(p.get("mean").asDouble()).isCloseTo(100 * x / n, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(laney.get("mean").asDouble()).isCloseTo(100 * x / n, org.assertj.core.api.Assertions.within(1e-9));
        List<Double> widths = new ArrayList<>();
        for (JsonNode point : p.get("points")) {
            if (point.has("processUpper")) {
                widths.add(point.get("processUpper").asDouble() - point.get("processLower").asDouble());
            }
        }
        assertThat(widths.stream().distinct().count()).as("p limits vary with each month's denominator")
                .isGreaterThan(1);
    }

    @Test
    void rebasingGivesTheLaterPeriodItsOwnMean() throws Exception {
        JsonNode plain = getJson(get("/api/measures/caesarean/trend"));
        List<String> charted = new ArrayList<>();
        plain.get("points").forEach(p -> {
            if (p.get("complete").asBoolean()) {
                charted.add(p.get("period").asText());
            }
        });
        String at = charted.get(charted.size() / 2);
        JsonNode rebased = getJson(get("/api/measures/caesarean/trend").param("rebase", at));
        assertThat(rebased.get("rebasedAt").get(0).asText()).isEqualTo(at);
        JsonNode first = null;
        JsonNode last = null;
        for (JsonNode p : rebased.get("points")) {
            if (p.get("complete").asBoolean()) {
                first = first == null ? p : first;
                last = p;
            }
        }
        assertThat(first.get("mean").asDouble()).isNotEqualTo(last.get("mean").asDouble());
        assertThat(rebased.get("mean").asDouble()).isEqualTo(last.get("mean").asDouble());
        assertThat(getJson(get("/api/measures/caesarean/trend").param("rebase", "none")).get("rebasedAt")).isEmpty();
    }

    @Test
    void badTrendParametersGetA400NamingThem() throws Exception {
        mvc.perform(get("/api/measures/caesarean/trend").param("chart", "c")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Parameter 'chart': xmr, p or p_prime, not 'c'"));
        mvc.perform(get("/api/measures/caesarean/trend").param("rolling", "twelve"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Parameter 'rolling': a number of months")));
        mvc.perform(get("/api/measures/caesarean/trend").param("rolling", "0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Parameter 'rolling'")));
        mvc.perform(get("/api/measures/caesarean/trend").param("rolling", "12").param("by", "quarter"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Parameter 'rolling': rolling rates are by=month only, not "
                        + "by=quarter"));
        mvc.perform(get("/api/measures/caesarean/trend").param("rebase", "2024/01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Parameter 'rebase': months as YYYY-MM")));
        mvc.perform(get("/api/measures/caesarean/trend").param("rebase", "2099-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("Parameter 'rebase': 2099-01 must leave")));
    }
}
