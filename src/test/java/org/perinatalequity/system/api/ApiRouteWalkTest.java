package org.perinatalequity.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perinatalequity.ContextSecurity;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Walks every route of the OpenAPI document (and a few paths that do not exist) with every role, every method and
 * several {@code Accept} headers (issue 19): each answer's status is one the access rules allow for that role, its
 * body JSON (or, for a 200, the documented CSV, Arrow, PDF or SVG), never the application's HTML page, never a 500.
 * The expected doors are {@code ApiSecurityConfiguration}'s rules written out as a table here, not read from the
 * answers.
 */
@SampleDataTest
@ExtendWith(ContextSecurity.class)
class ApiRouteWalkTest {

    /** The caller, its name (null for anonymous) and the roles the users file gives it. */
    private record Caller(String label, String user, Set<String> roles) {
    }

    private static final List<Caller> CALLERS = List.of(new Caller("anonymous", null, Set.of()),
            new Caller("admin", TestUsers.ADMIN, Set.of("ADMIN")),
            new Caller("analyst", TestUsers.ANALYST, Set.of("ANALYST", "RECORD_ACCESS")),
            new Caller("analyst-aggregates", TestUsers.ANALYST_AGGREGATES, Set.of("ANALYST")),
            new Caller("board", TestUsers.BOARD, Set.of("BOARD")),
            new Caller("team", TestUsers.TEAM, Set.of("TEAM")));

    private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.DELETE, HttpMethod.PATCH);

    private static final List<String> ACCEPTS = List.of("", "text/csv", "application/vnd.apache.arrow.file", "*/*",
            "text/html");

    private static final Set<String> ANY_ROLE = Set.of("ANALYST", "TEAM", "BOARD", "ADMIN");

    /** ApiSecurityConfiguration's rules, first match wins: a path prefix and the roles it lets through. */
    private static final List<Map.Entry<String, Set<String>>> RULES = List.of(
            Map.entry("/api/ingest", Set.of("ADMIN", "WORKFORCE")),
            Map.entry("/api/reference", Set.of("ADMIN")),
            Map.entry("/api/audit", Set.of("ADMIN")),
            Map.entry("/api/users", Set.of("ADMIN")),
            Map.entry("/api/stats/", ANY_ROLE),
            Map.entry("/api/measures", ANY_ROLE),
            Map.entry("/api/dimensions", ANY_ROLE),
            Map.entry("/api/openapi", ANY_ROLE),
            Map.entry("/api/neighbourhoods/", ANY_ROLE),
            Map.entry("/api/assets", ANY_ROLE),
            Map.entry("/api/quality/worklist", Set.of("TEAM", "ANALYST")),
            Map.entry("/api/quality", ANY_ROLE),
            Map.entry("/api/workforce/staff", Set.of("WORKFORCE")),
            Map.entry("/api/workforce", Set.of("ANALYST", "TEAM", "BOARD", "ADMIN", "WORKFORCE")),
            Map.entry("/api/board/pack.pdf", Set.of("BOARD", "ANALYST", "ADMIN")));

    /** Paths no controller maps: a 404 for whoever may pass the door of their prefix. */
    private static final List<String> UNKNOWN = List.of("/api/quality/teams/X", "/api/quality/worklist.json",
            "/api/stats/nope", "/api/measures/early_booking/nope", "/api/neighbourhoods/nope", "/api/nowhere");

    private static final Set<String> DOCUMENTED_200 = Set.of("application/json", "text/csv",
            "application/vnd.apache.arrow.stream", "application/vnd.apache.arrow.file", "application/pdf",
            "image/svg+xml");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    @Test
    void everyRouteRoleMethodAndAcceptAnswersAsTheRulesSay() throws Exception {
        Map<String, Set<String>> routes = documentedRoutes();
        assertThat(routes).as("routes of the OpenAPI document").containsKeys("/api/measures", "/api/dimensions",
                "/api/quality/worklist", "/api/stats/proportion", "/api/ingest", "/api/board/pack.pdf");
        UNKNOWN.forEach(path -> routes.putIfAbsent(path, Set.of()));
        SoftAssertions softly = new SoftAssertions();
        int walked = 0;
        for (Map.Entry<String, Set<String>> route : routes.entrySet()) {
            String path = route.getKey();
            String url = concrete(path);
            for (Caller caller : CALLERS) {
                for (HttpMethod method : METHODS) {
                    for (String accept : ACCEPTS) {
                        MockHttpServletResponse r = perform(method, url, caller, accept);
                        walked++;
                        check(softly, path, url, route.getValue(), caller, method, accept, r);
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(walked).isGreaterThan(1000);
    }

    private void check(SoftAssertions softly, String path, String url, Set<String> documented, Caller caller,
            HttpMethod method, String accept, MockHttpServletResponse r) throws Exception {
        String what = caller.label() + " " + method + " " + url + " Accept '" + accept + "' -> " + r.getStatus() + " "
                + r.getContentType();
        int status = r.getStatus();
        String type = r.getContentType() == null ? "" : r.getContentType().toLowerCase(Locale.ROOT);
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        softly.assertThat(status).as(what).isNotEqualTo(500);
        softly.assertThat(type).as(what).doesNotContain("text/html");
        softly.assertThat(body.strip().toLowerCase(Locale.ROOT)).as(what).doesNotStartWith("<!doctype")
                .doesNotStartWith("<html");
        softly.assertThat(r.getForwardedUrl()).as(what + " (handed to Vaadin)").isNull();
        int expected = expectedDoor(path, caller, method, documented);
        if (expected != 0) {
            softly.assertThat(status).as(what).isEqualTo(expected);
        } else {
            softly.assertThat(status).as(what).isIn(200, 400, 403, 404, 406, 413, 415, 422);
        }
        if (status == 405) {
            softly.assertThat(r.getHeader("Allow")).as(what + " Allow").isNotBlank();
        }
        if (status == 200) {
            softly.assertThat(DOCUMENTED_200.stream().anyMatch(type::startsWith)).as(what + " documented type")
                    .isTrue();
        } else {
            softly.assertThat(type).as(what).startsWith("application/json");
            JsonNode error = json.readTree(body);
            softly.assertThat(error.path("error").asText()).as(what + " error").isNotBlank();
            softly.assertThat(error.path("detail").asText()).as(what + " detail").isNotBlank()
                    .doesNotContain("Exception");
        }
    }

    /**
     * The status the door decides (401, 403, 404 or 405), or 0 when the request reaches its handler and the answer
     * depends on what it sent.
     */
    private static int expectedDoor(String path, Caller caller, HttpMethod method, Set<String> documented) {
        if (caller.user() == null) {
            return 401;
        }
        Set<String> allowed = RULES.stream().filter(rule -> matches(path, rule.getKey())).findFirst()
                .map(Map.Entry::getValue).orElse(Set.of());
        if (allowed.stream().noneMatch(caller.roles()::contains)) {
            return 403;
        }
        if (documented.isEmpty()) {
            return 404;
        }
        return documented.contains(method.name()) ? 0 : 405;
    }

    private static boolean matches(String path, String prefix) {
        return prefix.endsWith("/") ? path.startsWith(prefix)
                : path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Path → documented methods (upper case), from the OpenAPI document. */
    private Map<String, Set<String>> documentedRoutes() throws Exception {
        String document = mvc.perform(MockMvcRequestBuilders.get("/api/openapi")
                .with(httpBasic(TestUsers.ANALYST, TestUsers.PASSWORD))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = json.readTree(document).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> methods = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            routes.put(path.getKey(), methods);
        }
        routes.putIfAbsent("/api/openapi", Set.of("GET"));
        return routes;
    }

    /** A path template with sample values: real ids where the sample has them. */
    private static String concrete(String template) {
        return template.replace("{id}", "early_booking").replace("{team}", TestUsers.TEAM_ID)
                .replace("{localPatientId}", "NO-SUCH-PATIENT").replace("{item}", "ethnic_category")
                .replaceAll("\\{[^}]+}", "x");
    }

    private MockHttpServletResponse perform(HttpMethod method, String url, Caller caller, String accept)
            throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, url);
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        if (caller.user() != null) {
            request.with(httpBasic(caller.user(), TestUsers.PASSWORD));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

}
