package org.perinatalequity.breakdown.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The analyst API on the bundled sample data (about 25,000 births): every endpoint, each format (the Arrow
 * stream is read back), each error, and suppressed against unsuppressed output.
 */
@SampleDataTest
class MeasuresApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    /** The sample is loaded once for every class sharing the context; it needs the Spring beans. */
    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }


    private JsonNode getJson(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /**
     * As an analyst: Basic credentials for the filter chain, and the same user in Spring Security's static holder.
     * Test contexts running side by side each install their own holder strategy there, so the policy could
     * otherwise read another context's thread-local (a single application has one).
     */
    private JsonNode getJsonAsAnalyst(MockHttpServletRequestBuilder request) throws Exception {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        TestUsers.ANALYST, null, java.util.List.of(
                                new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ANALYST"),
                                new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                        "ROLE_RECORD_ACCESS"))));
        try {
            return getJson(request);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    /** An analyst, who may switch suppression off (use with {@link #getJsonAsAnalyst}). */
    private static MockHttpServletRequestBuilder analystGet(String url) {
        return MockMvcRequestBuilders.get(url).with(httpBasic(TestUsers.ANALYST, TestUsers.PASSWORD));
    }

    /** By default a board member: signed in, never allowed unsuppressed numbers. */
    private static MockHttpServletRequestBuilder get(String url) {
        return MockMvcRequestBuilders.get(url).with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD));
    }

    @Test
    void listsThe19MeasuresAndTheDimensions() throws Exception {
        JsonNode measures = getJson(get("/api/measures"));
        assertThat(measures).hasSize(25); // the 19 of DESIGN.md section 5 and the six perinatal mental health measures
        JsonNode coc = measures.findParents("id").stream().filter(m -> m.get("id").asText().equals("continuity_of_carer"))
                .findFirst().orElseThrow();
        assertThat(coc.get("target").asDouble()).isEqualTo(75);
        assertThat(coc.get("polarity").asText()).isEqualTo("higher_is_better");
        assertThat(coc.get("planItems").get(0).asText()).startsWith("Continuity of carer");

        JsonNode dimensions = getJson(get("/api/dimensions"));
        assertThat(dimensions).hasSize(20);
        assertThat(dimensions.get(0).get("id").asText()).isEqualTo("ethnic_group");
        assertThat(dimensions.get(0).get("values").get(3).asText()).isEqualTo("Black or Black British");
        JsonNode team = dimensions.findParents("id").stream().filter(d -> d.get("id").asText().equals("team"))
                .findFirst().orElseThrow();
        assertThat(team.get("values").toString()).contains("CITY-NORTH", "CHARNWOOD");
    }

    @Test
    void unsuppressedBreakdownByDeprivationHasExactCountsLimitsAndSii() throws Exception {
        JsonNode r = getJsonAsAnalyst(analystGet("/api/measures/preterm/breakdown").param("by", "imd_quintile")
                .param("suppress", "false"));

        assertThat(r.get("suppressed").asBoolean()).isFalse();
        assertThat(r.get("imdVintage").asText()).isEqualTo("2019");
        JsonNode total = r.get("total");
        long sum = 0;
        for (JsonNode row : r.get("rows")) {
            sum += row.get("denominator").asLong();
            double p = row.get("numerator").asDouble() / row.get("denominator").asDouble() * 100;
            assertThat(row.get("value").asDouble()).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(row.get("lower95").asDouble()).isLessThan(p);
            assertThat(row.get("lower998").asDouble()).isLessThan(row.get("lower95").asDouble());
            assertThat(row.get("comparison").asText()).isIn("better", "similar", "worse");
        }
        assertThat(sum).isEqualTo(total.get("denominator").asLong());
        assertThat(r.get("rows").get(0).get("group").asText()).isEqualTo("1");
        // The synthetic data has more preterm births in the most deprived quintile.
        assertThat(r.get("rows").get(0).get("value").asDouble()).isGreaterThan(r.get("rows").get(4).get("value").asDouble());
        JsonNode sii = r.get("inequality");
        assertThat(sii.get("sii").asDouble()).isLessThan(0);
        assertThat(sii.get("siiLower95").asDouble()).isLessThan(sii.get("sii").asDouble());
        assertThat(sii.get("rii").asDouble()).isLessThan(1);
    }

    @Test
    void breakdownsSayWhetherDataQualityGatesPass() throws Exception {
        JsonNode byTeam = getJson(get("/api/measures/smoking_booking/breakdown").param("by", "team"));
        JsonNode quality = byTeam.get("dataQuality");
        assertThat(quality.has("passed")).isTrue();
        // The sample's ethnicity and smoking recording is good enough for the whole LMNS: no LMNS-wide failure.
        for (JsonNode f : quality.get("failures")) {
            assertThat(f.has("group")).isTrue();
            assertThat(f.get("validPercent").asDouble()).isLessThan(f.get("threshold").asDouble());
        }
        assertThat(quality.get("passed").asBoolean()).isEqualTo(quality.get("failures").isEmpty());
    }

    @Test
    void suppressedBreakdownRoundsCountsAndHidesSmallCells() throws Exception {
        JsonNode r = getJson(get("/api/measures/stillbirth/breakdown").param("by", "team").param("by2", "ethnic_group")
                .param("suppress", "false")); // a board member: suppression stays on

        assertThat(r.get("suppressed").asBoolean()).isTrue();
        int hidden = 0;
        for (JsonNode row : r.get("rows")) {
            assertThat(row.get("numerator").asLong() % 5).isZero();
            assertThat(row.get("denominator").asLong() % 5).isZero();
            if (row.get("suppressed").asBoolean()) {
                hidden++;
                assertThat(row.has("value")).isFalse();
                assertThat(row.get("comparison").asText()).isEqualTo("not_compared");
            }
        }
        assertThat(hidden).isGreaterThan(1);
    }

    @Test
    void referenceGroupsGiveRatiosAndFiltersNarrowTheData() throws Exception {
        JsonNode r = getJsonAsAnalyst(analystGet("/api/measures/breastmilk_first_feed/breakdown").param("by", "ethnic_group")
                .param("reference", "White").param("place", "Leicester").param("from", "2023-04")
                .param("to", "2024-03").param("suppress", "false"));

        assertThat(r.get("from").asText()).isEqualTo("2023-04");
        assertThat(r.get("to").asText()).isEqualTo("2024-03");
        JsonNode white = r.get("rows").get(0);
        assertThat(white.get("group").asText()).isEqualTo("White");
        assertThat(white.get("ratio").asDouble()).isEqualTo(1.0);
        assertThat(white.has("ratioLower95")).isTrue();
        assertThat(white.get("ratioLower95").isNull()).isTrue();
        assertThat(white.get("ratioUpper95").isNull()).isTrue();
        JsonNode black = r.get("rows").get(3);
        assertThat(black.get("group").asText()).isEqualTo("Black or Black British");
        assertThat(black.get("ratio").asDouble()).isGreaterThan(1.0);
        JsonNode all = getJsonAsAnalyst(analystGet("/api/measures/breastmilk_first_feed/breakdown").param("by", "ethnic_group")
                .param("suppress", "false"));
        assertThat(all.get("total").get("denominator").asLong()).isGreaterThan(r.get("total").get("denominator").asLong());
    }

    @Test
    void theReferenceRowIsExactlyOneWithoutAnIntervalInCsvAndArrow() throws Exception {
        String csv = mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place")
                .param("reference", "Leicester").param("format", "csv")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
        String[] leicester = csv.lines().filter(l -> l.startsWith("preterm,place,Leicester,")).findFirst()
                .orElseThrow().split(",", -1);
        String[] county = csv.lines().filter(l -> l.startsWith("preterm,place,Leicestershire,")).findFirst()
                .orElseThrow().split(",", -1);
        assertThat(leicester[header.indexOf("ratio")]).isEqualTo("1.0");
        assertThat(leicester[header.indexOf("ratio_lower95")]).isEmpty();
        assertThat(leicester[header.indexOf("ratio_upper95")]).isEmpty();
        assertThat(county[header.indexOf("ratio_lower95")]).isNotEmpty();

        byte[] arrow = mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place")
                .param("reference", "Leicester").param("format", "arrow")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (RootAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrow), allocator)) {
            assertThat(reader.loadNextBatch()).isTrue();
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            int row = -1;
            for (int i = 0; i < root.getRowCount(); i++) {
                if ("Leicester".equals(String.valueOf(root.getVector("group").getObject(i)))) {
                    row = i;
                }
            }
            assertThat(row).isNotNegative();
            assertThat(root.getVector("ratio").getObject(row)).isEqualTo(1.0);
            assertThat(root.getVector("ratio_lower95").isNull(row)).isTrue();
            assertThat(root.getVector("ratio_upper95").isNull(row)).isTrue();
        }
    }

    @Test
    void downloadsAreNamedAndOnlySuccessfulExportsAreAudited() throws Exception {
        long before = exports();
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place").param("format", "xml"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place").param("place", "Leicster")
                .param("format", "csv")).andExpect(status().isBadRequest());
        assertThat(exports()).as("a refused export is not an export").isEqualTo(before);

        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place").param("format", "csv"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"preterm-place.csv\""));
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place").param("by2", "ethnic_group")
                .header("Accept", "text/csv")).andExpect(status().isOk()).andExpect(header().string(
                        "Content-Disposition", "attachment; filename=\"preterm-place-ethnic_group.csv\""));
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place").param("format", "arrow"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"preterm-place.arrow\""));
        assertThat(exports()).isEqualTo(before + 3);
        mvc.perform(get("/api/measures/preterm/trend").param("by", "quarter").param("format", "csv"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"preterm-trend-quarter.csv\""));
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place"))
                .andExpect(status().isOk()).andExpect(header().doesNotExist("Content-Disposition"));
    }

    private long exports() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'export'").query(Long.class).single();
    }

    @Test
    void csvAndArrowCarryTheSameRows() throws Exception {
        String csv = mvc.perform(get("/api/measures/early_booking/breakdown").param("by", "place")
                .header("Accept", "text/csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("measure,by,group,group_name,by2,group2,numerator,denominator,value,lower95");
        assertThat(lines.get(1)).startsWith("early_booking,place,Total,");
        assertThat(lines.get(2)).startsWith("early_booking,place,Leicester,");

        byte[] arrow = mvc.perform(get("/api/measures/early_booking/breakdown").param("by", "place")
                .param("format", "arrow")).andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.apache.arrow.stream")).andReturn().getResponse()
                .getContentAsByteArray();
        try (RootAllocator allocator = new RootAllocator();
                ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(arrow), allocator)) {
            assertThat(reader.loadNextBatch()).isTrue();
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(root.getRowCount()).isEqualTo(lines.size() - 1);
            assertThat(((VarCharVector) root.getVector("group")).getObject(1).toString()).isEqualTo("Leicester");
            assertThat(root.getVector("denominator").getObject(0).toString() + ".0")
                    .contains(lines.get(1).split(",")[7]);
        }
    }

    /** Code → name from a bundled reference file's two columns (read here, independently of the app). */
    private static java.util.Map<String, String> referenceNames(String file, int code, int name) throws Exception {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().build()
                .parse(java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("data-samples", "reference", file)))) {
            parser.forEach(r -> names.put(r.get(code), r.get(name)));
        }
        return names;
    }

    @Test
    void codedAreasCarryTheirNamesFromTheReferenceFiles() throws Exception {
        java.util.Map<String, String> lsoas = referenceNames("File_7_IoD2019_synthetic_LLR.csv", 0, 1);
        java.util.Map<String, String> practices = referenceNames("gp_practice_pcn.csv", 0, 3);
        java.util.Map<String, String> pcns = referenceNames("gp_practice_pcn.csv", 1, 2);

        JsonNode la = getJson(get("/api/measures/preterm/breakdown").param("by", "local_authority"));
        JsonNode leicester = null;
        for (JsonNode row : la.get("rows")) {
            if (row.get("group").asText().equals("E06000016")) {
                leicester = row;
            }
        }
        assertThat(leicester).isNotNull();
        assertThat(leicester.get("groupName").asText()).isEqualTo("Leicester");
        assertThat(json.writeValueAsString(leicester)).startsWith("{\"group\":\"E06000016\",\"groupName\":\"Leicester\"");

        for (var check : List.of(java.util.Map.entry("lsoa", lsoas), java.util.Map.entry("gp_practice", practices),
                java.util.Map.entry("pcn", pcns))) {
            JsonNode rows = getJson(get("/api/measures/early_booking/breakdown").param("by", check.getKey())).get("rows");
            int named = 0;
            for (JsonNode row : rows) {
                String code = row.get("group").asText();
                if (check.getValue().containsKey(code)) {
                    assertThat(row.get("groupName").asText()).as(code).isEqualTo(check.getValue().get(code));
                    named++;
                } else {
                    assertThat(row.has("groupName")).as(code).isFalse(); // Unknown, or a code no file names
                }
            }
            assertThat(named).as(check.getKey()).isGreaterThan(rows.size() / 2);
        }
        // The PCN is its code now, its name beside it
        assertThat(pcns).containsEntry("U90001", "Leicester City North PCN");
        JsonNode byPlace = getJson(get("/api/measures/early_booking/breakdown").param("by", "place"));
        assertThat(byPlace.get("rows").get(0).has("groupName")).isFalse();

        JsonNode dimensions = getJson(get("/api/dimensions"));
        for (JsonNode d : dimensions) {
            switch (d.get("id").asText()) {
                case "lsoa" -> assertThat(d.get("names").get("E01900001").asText()).isEqualTo(lsoas.get("E01900001"));
                case "pcn" -> assertThat(d.get("names").get("U90001").asText()).isEqualTo("Leicester City North PCN");
                case "gp_practice" -> assertThat(d.get("names").get("C82001").asText())
                        .isEqualTo(practices.get("C82001"));
                case "local_authority" -> assertThat(d.get("names").get("E06000017").asText()).isEqualTo("Rutland");
                // The boundary files' names (MSOA11NM, WD23NM) and the neighbourhood file's
                case "msoa" -> assertThat(d.get("names").get("E02900001").asText()).isEqualTo("Leicester 001");
                case "ward" -> assertThat(d.get("names").get("E05900001").asText()).isEqualTo("Leicester Ward 1");
                case "neighbourhood" -> assertThat(d.get("names").get("LLR-N01").asText())
                        .isEqualTo("Leicester neighbourhood 1");
                default -> assertThat(d.has("names")).as(d.get("id").asText()).isFalse();
            }
        }

        String csv = mvc.perform(get("/api/measures/preterm/breakdown").param("by", "local_authority")
                .param("format", "csv")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("\npreterm,local_authority,E06000016,Leicester,");
    }

    @Test
    void trendByMonthHasSpcFlags() throws Exception {
        JsonNode r = getJson(get("/api/measures/smoking_delivery/trend").param("by", "month"));
        assertThat(r.get("points").size()).isGreaterThanOrEqualTo(24);
        assertThat(r.get("points").get(0).get("period").asText()).matches("\\d{4}-\\d{2}");
        assertThat(r.get("variation").asText()).isIn("common_cause", "special_cause_improvement",
                "special_cause_concern", "special_cause_neither");
        assertThat(r.get("points").get(5).get("spc").asText()).isIn("common_cause", "special_cause_improvement",
                "special_cause_concern", "special_cause_neither");
        JsonNode coc = getJson(get("/api/measures/continuity_of_carer/trend").param("by", "quarter"));
        assertThat(coc.get("target").asDouble()).isEqualTo(75);
        assertThat(coc.get("assurance").asText()).isEqualTo("consistently_failing");
    }

    @Test
    void servesAnOpenapiDescriptionOfTheApi() throws Exception {
        JsonNode api = getJson(get("/api/openapi"));
        assertThat(api.get("paths").has("/api/measures/{id}/breakdown")).isTrue();
        assertThat(api.get("paths").has("/api/stats/proportion")).isTrue();
        assertThat(api.get("paths").has("/api/ingest")).isTrue();
    }

    @Test
    void badParametersGetA400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/measures/preterm/breakdown")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.detail").value("Parameter 'by' is required"));
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "shoe_size")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Parameter 'by': unknown dimension 'shoe_size' (GET /api/dimensions lists them)"));
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place").param("from", "2024/01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Parameter 'from': a month as YYYY-MM, not '2024/01'"));
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place").param("colour", "red"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers
                        .startsWith("Parameter 'colour' is neither an option")));
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place").param("reference", "Mars"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers
                        .startsWith("Parameter 'reference': no group 'Mars'")));
        mvc.perform(get("/api/measures/preterm/trend").param("by", "place")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "ethnic_group").param("place", "Leicster"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("Parameter 'place': no value"
                        + " 'Leicster'; valid values: Leicester, Leicestershire, Rutland, Outside LLR, Pseudo postcode"
                        + " (ZZ99: no fixed abode or overseas), Unknown"));
        mvc.perform(get("/api/measures/preterm/trend").param("ethnic_group", "White,Foo"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers
                        .startsWith("Parameter 'ethnic_group': no value 'Foo'; valid values: White, Mixed, ")));
        mvc.perform(get("/api/measures/preterm/breakdown").param("by", "place").param("team", "Nowhere"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers
                        .startsWith("Parameter 'team': no value 'Nowhere'; valid values: ")));
        mvc.perform(get("/api/measures/nonsense/breakdown").param("by", "place")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
    }
}
