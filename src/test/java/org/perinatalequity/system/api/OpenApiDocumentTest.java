package org.perinatalequity.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perinatalequity.ContextSecurity;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document against the code: every parameter each {@code @RestController} handler accepts (found by
 * reflection over the request mappings) is listed where a generated client would look for it, with its enum;
 * and a client built from the document alone calls the breakdown endpoint with filters correctly.
 */
@SampleDataTest
@ExtendWith(ContextSecurity.class)
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode document;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    @BeforeEach
    void readDocument() throws Exception {
        document = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/api/openapi")
                .with(httpBasic(TestUsers.ANALYST, TestUsers.PASSWORD))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    @Test
    void everyParameterOfEveryHandlerIsInTheDocument() {
        int handlers = 0;
        List<String> missing = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.perinatalequity")
                    || !handler.getBeanType().isAnnotationPresent(RestController.class)) {
                continue;
            }
            for (String path : e.getKey().getPatternValues()) {
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    handlers++;
                    String where = method + " " + path;
                    JsonNode operation = document.path("paths").path(path).path(method.name().toLowerCase());
                    if (operation.isMissingNode()) {
                        missing.add(where + ": no operation");
                        continue;
                    }
                    missing.addAll(missingParameters(where, handler, operation));
                    JsonNode ok = operation.path("responses").path("200").path("content");
                    if (!ok.elements().hasNext() || ok.elements().next().path("schema").isMissingNode()) {
                        missing.add(where + ": no response schema for 200");
                    }
                }
            }
        }
        assertThat(handlers).as("the API's handlers").isGreaterThanOrEqualTo(17);
        assertThat(missing).isEmpty();
    }

    private List<String> missingParameters(String where, HandlerMethod handler, JsonNode operation) {
        List<String> missing = new ArrayList<>();
        Map<String, JsonNode> query = parameters(operation, "query");
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            PathVariable path = p.getParameterAnnotation(PathVariable.class);
            RequestPart part = p.getParameterAnnotation(RequestPart.class);
            if (param != null && Map.class.isAssignableFrom(p.getParameterType())) {
                // A map of every parameter: its named ones are declared beside it; with @DimensionFilters the rest
                // are the dimension filters, without it the map only refuses names not declared.
                if (handler.hasMethodAnnotation(DimensionFilters.class)) {
                    Arrays.stream(Dimension.values()).map(Dimension::id).filter(id -> !query.containsKey(id))
                            .forEach(id -> missing.add(where + ": filter " + id));
                }
                assertThat(query).as(where + ": the map itself is no parameter").doesNotContainKey(p.getParameterName());
            } else if (param != null) {
                String name = param.name().isEmpty() ? p.getParameterName() : param.name();
                if (!query.containsKey(name)) {
                    missing.add(where + ": query parameter " + name);
                }
            } else if (path != null) {
                String name = path.value().isEmpty() ? p.getParameterName() : path.value();
                if (!parameters(operation, "path").containsKey(name)) {
                    missing.add(where + ": path parameter " + name);
                }
            } else if (part != null) {
                JsonNode properties = operation.path("requestBody").path("content").path("multipart/form-data")
                        .path("schema").path("properties");
                if (!properties.has(part.value())) {
                    missing.add(where + ": multipart part " + part.value());
                }
            } else if (p.hasParameterAnnotation(RequestBody.class)
                    && operation.path("requestBody").path("content").path("application/json").isMissingNode()) {
                missing.add(where + ": JSON request body");
            }
        }
        return missing;
    }

    private static Map<String, JsonNode> parameters(JsonNode operation, String in) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        operation.path("parameters").forEach(p -> {
            if (p.path("in").asText().equals(in)) {
                found.put(p.path("name").asText(), p);
            }
        });
        return found;
    }

    private static List<String> enumOf(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        JsonNode values = schema.has("items") ? schema.path("items").path("enum") : schema.path("enum");
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void enumsResponseSchemasAndSecuritySchemesAreDeclared() {
        Map<String, JsonNode> breakdown = parameters(document.at("/paths/~1api~1measures~1{id}~1breakdown/get"), "query");
        List<String> dimensionIds = Arrays.stream(Dimension.values()).map(Dimension::id).toList();
        assertThat(enumOf(breakdown.get("by"))).isEqualTo(dimensionIds);
        assertThat(breakdown.get("by").path("required").asBoolean()).isTrue();
        assertThat(enumOf(breakdown.get("by2"))).isEqualTo(dimensionIds);
        assertThat(enumOf(breakdown.get("format"))).containsExactly("json", "csv", "arrow");
        assertThat(enumOf(breakdown.get("place"))).isEqualTo(Dimension.PLACE.fixedValues());
        assertThat(enumOf(parameters(document.at("/paths/~1api~1measures~1{id}~1trend/get"), "query").get("by")))
                .containsExactly("month", "quarter", "financial_year");

        Map<String, JsonNode> quality = parameters(document.at("/paths/~1api~1quality/get"), "query");
        assertThat(quality).doesNotContainKey("params").containsKeys("by", "item", "from", "to", "suppress", "format",
                "team", "ethnic_group");
        assertThat(enumOf(quality.get("item"))).isEqualTo(Arrays.stream(QualityItem.values()).map(QualityItem::id)
                .toList());
        assertThat(enumOf(quality.get("format"))).containsExactly("json", "csv");

        assertThat(document.at("/paths/~1api~1reference/post").isMissingNode()).isFalse();
        assertThat(document.at("/paths/~1api~1audit/get").isMissingNode()).isFalse();

        String schema = document.at("/paths/~1api~1measures~1{id}~1breakdown/get/responses/200/content/"
                + "application~1json/schema/$ref").asText();
        assertThat(schema).isEqualTo("#/components/schemas/BreakdownResult");
        JsonNode row = document.at("/components/schemas/Row/properties");
        assertThat(row.has("ratioLower95") && row.has("comparison") && row.has("lower998")).isTrue();

        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.at("/basicAuth/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(schemes.at("/bearerAuth/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(document.path("security").findValuesAsText("basicAuth")).isNotNull();
        assertThat(document.path("security").toString()).contains("basicAuth", "bearerAuth");
    }

    /**
     * What a generated client does, from the document alone: fill the path template, put each argument where its
     * parameter's {@code in} says, under its name, repeated for an exploded array. The call must answer the same
     * as a hand-written one.
     */
    @Test
    void aClientBuiltFromTheDocumentCallsTheBreakdownWithFilters() throws Exception {
        String template = "/api/measures/{id}/breakdown";
        JsonNode operation = document.path("paths").path(template).path("get");
        Map<String, List<String>> arguments = new LinkedHashMap<>();
        arguments.put("id", List.of("preterm"));
        arguments.put("by", List.of("ethnic_group"));
        arguments.put("place", List.of("Leicester", "Rutland"));
        arguments.put("imd_quintile", List.of("1"));

        String path = template;
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> a : arguments.entrySet()) {
            JsonNode parameter = null;
            for (JsonNode p : operation.path("parameters")) {
                if (p.path("name").asText().equals(a.getKey())) {
                    parameter = p;
                }
            }
            assertThat(parameter).as("parameter " + a.getKey()).isNotNull();
            List<String> allowed = enumOf(parameter);
            if (!allowed.isEmpty()) {
                assertThat(allowed).as("enum of " + a.getKey()).containsAll(a.getValue());
            }
            if (parameter.path("in").asText().equals("path")) {
                path = path.replace("{" + a.getKey() + "}", a.getValue().get(0));
                continue;
            }
            assertThat(parameter.path("in").asText()).isEqualTo("query");
            boolean array = parameter.path("schema").path("type").asText().equals("array");
            assertThat(array || a.getValue().size() == 1).as(a.getKey() + " takes one value").isTrue();
            if (array) {
                assertThat(parameter.path("explode").asBoolean(true)).isTrue();
            }
            for (String value : a.getValue()) {
                query.append(query.isEmpty() ? "?" : "&").append(a.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        String generated = call(path + query);
        String handWritten = call("/api/measures/preterm/breakdown?by=ethnic_group&place=Leicester,Rutland"
                + "&imd_quintile=1");
        assertThat(generated).isEqualTo(handWritten);
        assertThat(generated).isNotEqualTo(call("/api/measures/preterm/breakdown?by=ethnic_group"));
    }

    @Test
    void theAuditEndpointAnswersAdminsAndNamesABadAction() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/api/measures/preterm/breakdown").param("by", "place")
                .param("format", "csv").with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD))).andExpect(status().isOk());
        JsonNode entries = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/api/audit").param("action", "export")
                .param("limit", "3").with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(entries.size()).isBetween(1, 3);
        assertThat(entries.get(0).get("action").asText()).isEqualTo("export");
        assertThat(entries.get(0).get("target").asText()).isEqualTo("breakdown:preterm");
        mvc.perform(MockMvcRequestBuilders.get("/api/audit").param("action", "exports")
                .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD))).andExpect(status().isBadRequest());
        mvc.perform(MockMvcRequestBuilders.get("/api/audit").with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private String call(String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(java.net.URI.create(url))
                .with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
