package org.perinatalequity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.perinatalequity.EquityTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The real filter chains, user store and services over HTTP: every role against every API path (401
 * without credentials, 403 with the wrong role, through with the right one), JSON errors, statelessness,
 * bearer tokens, security headers, form login and lockout, upload limits, and the audit rows each
 * of these writes. A real port as well as MockMvc, because only the servlet container enforces the
 * multipart size limit.
 */
@EquityTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { TestUsers.USERS_FILE, "spring.servlet.multipart.max-file-size=64KB",
        "spring.servlet.multipart.max-request-size=64KB" })
@AutoConfigureMockMvc
class ApiSecurityTest {

    private static final String STATS_BODY = "[{\"numerator\":5,\"denominator\":10,\"confidence\":0.95,\"multiplier\":100}]";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(ApiSecurityTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IngestService ingestService;

    @Autowired
    ReferenceService referenceService;

    @Autowired
    UserDetailsService users;

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext server;

    // ------------------------------------------------------------------ role × endpoint

    enum Endpoint {
        INGEST, STATS, MEASURES, MEASURE_BREAKDOWN, DIMENSIONS, QUALITY, WORKLIST, REFERENCE, UNLISTED
    }

    private static MockHttpServletRequestBuilder request(Endpoint endpoint) {
        return switch (endpoint) {
            // A .txt file: past the filter chain, the controller answers 400, which proves the door opened.
            case INGEST -> multipart("/api/ingest").file(new MockMultipartFile("file", "notes.txt", "text/plain",
                    "x".getBytes(StandardCharsets.UTF_8)));
            case STATS -> post("/api/stats/proportion").contentType(MediaType.APPLICATION_JSON).content(STATS_BODY);
            case MEASURES -> get("/api/measures");
            case MEASURE_BREAKDOWN -> get("/api/measures/early_booking/breakdown").param("by", "ethnic_group");
            case DIMENSIONS -> get("/api/dimensions");
            case QUALITY -> get("/api/quality").param("by", "team");
            case WORKLIST -> get("/api/quality/worklist").param("team", TestUsers.TEAM_ID);
            case REFERENCE -> post("/api/reference");
            case UNLISTED -> get("/api/anything-else");
        };
    }

    /** Who may pass the filter chain for each endpoint; everyone else signed in gets 403. */
    private static List<String> allowed(Endpoint endpoint) {
        List<String> anyRole = List.of(TestUsers.ADMIN, TestUsers.ANALYST, TestUsers.ANALYST_AGGREGATES,
                TestUsers.BOARD, TestUsers.TEAM);
        return switch (endpoint) {
            case INGEST, REFERENCE -> List.of(TestUsers.ADMIN);
            case STATS, MEASURES, MEASURE_BREAKDOWN, DIMENSIONS, QUALITY -> anyRole;
            // The door lets an ANALYST without RECORD_ACCESS through, but the worklist refuses her (403, audited)
            // before it looks at the team (issue 19: access before existence).
            case WORKLIST -> List.of(TestUsers.ANALYST, TestUsers.TEAM);
            case UNLISTED -> List.of();
        };
    }

    static Stream<Arguments> roleMatrix() {
        List<String> everyone = List.of(TestUsers.ADMIN, TestUsers.ANALYST, TestUsers.ANALYST_AGGREGATES,
                TestUsers.BOARD, TestUsers.TEAM);
        return Stream.of(Endpoint.values()).flatMap(e -> everyone.stream().map(u -> Arguments.of(e, u)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("roleMatrix")
    void everyRoleMeetsEveryEndpointAsTheMatrixSays(Endpoint endpoint, String user) throws Exception {
        MvcResult result = mvc.perform(request(endpoint).with(httpBasic(user, TestUsers.PASSWORD))).andReturn();
        int status = result.getResponse().getStatus();
        if (allowed(endpoint).contains(user)) {
            assertThat(status).as("%s as %s", endpoint, user).isNotIn(401, 403);
            if (endpoint == Endpoint.STATS) {
                assertThat(status).isEqualTo(200);
            }
            if (endpoint == Endpoint.INGEST) {
                assertThat(status).isEqualTo(400);
            }
        } else {
            assertThat(status).as("%s as %s", endpoint, user).isEqualTo(403);
            assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
            assertThat(result.getResponse().getContentAsString()).contains("\"error\":\"forbidden\"")
                    .doesNotContain("Exception");
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void withoutCredentialsEveryEndpointAnswersAJson401(Endpoint endpoint) throws Exception {
        mvc.perform(request(endpoint))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic realm=")))
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(Endpoint.values());
    }

    @Test
    void aWrongPasswordIsA401NotTheLoginPage() throws Exception {
        mvc.perform(request(Endpoint.STATS).with(httpBasic(TestUsers.ANALYST, "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void theApiIsStatelessAndNeedsNoCsrfToken() throws Exception {
        MvcResult result = mvc.perform(request(Endpoint.STATS).with(user(TestUsers.BOARD).roles(Roles.BOARD)))
                .andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void aBearerTokenSignsInItsUserAndAWrongOneIsA401() throws Exception {
        mvc.perform(request(Endpoint.STATS).header("Authorization", "Bearer " + TestUsers.ANALYST_TOKEN))
                .andExpect(status().isOk());
        mvc.perform(request(Endpoint.INGEST).header("Authorization", "Bearer " + TestUsers.ANALYST_TOKEN))
                .andExpect(status().isForbidden());
        mvc.perform(request(Endpoint.STATS).header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
        assertThat(latest(AuditService.LOGIN_FAILED)).contains("bearer token");
    }

    // ------------------------------------------------------------------ headers

    @Test
    void apiAndUiResponsesCarryTheSecurityHeaders() throws Exception {
        for (MockHttpServletRequestBuilder request : List.of(request(Endpoint.STATS).with(httpBasic(TestUsers.ADMIN,
                TestUsers.PASSWORD)), get("/login"))) {
            MvcResult result = mvc.perform(request).andReturn();
            assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
            // Plain HTTP: no HSTS (it would pin a development host to HTTPS).
            assertThat(result.getResponse().getHeader("Strict-Transport-Security")).isNull();
        }
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy"))
                .isEqualTo(SecurityConfiguration.UI_CSP);
    }

    @Test
    void httpsResponsesCarryHsts() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
    }

    // ------------------------------------------------------------------ UI sign-in

    @Test
    void theUiSendsStrangersToTheLoginPageWhichAnyoneMayOpen() throws Exception {
        mvc.perform(get("/data")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void formLoginSucceedsAndIsAudited() throws Exception {
        mvc.perform(formLogin("/login").user(TestUsers.BOARD).password(TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
        assertThat(latest(AuditService.LOGIN)).isEqualTo(TestUsers.BOARD + "|ui");
    }

    /**
     * Spring's CSRF check guards the UI chain's own endpoints (here: sign-out); Vaadin's requests carry
     * Vaadin's token instead, and Vaadin exempts the login form's POST (its LoginForm cannot send
     * Spring's token), which docs/security.md records.
     */
    @Test
    void signingOutOfTheUiNeedsTheCsrfToken() throws Exception {
        long logouts = count("action = 'logout' AND user_name = '" + TestUsers.BOARD + "'");
        mvc.perform(post("/logout").with(user(TestUsers.BOARD).roles(Roles.BOARD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(csrf().useInvalidToken()).with(user(TestUsers.BOARD).roles(Roles.BOARD)))
                .andExpect(status().isForbidden());
        assertThat(count("action = 'logout' AND user_name = '" + TestUsers.BOARD + "'")).isEqualTo(logouts);
        mvc.perform(post("/logout").with(csrf()).with(user(TestUsers.BOARD).roles(Roles.BOARD)))
                .andExpect(status().is3xxRedirection());
        assertThat(count("action = 'logout' AND user_name = '" + TestUsers.BOARD + "'")).isEqualTo(logouts + 1);
    }

    @Test
    void uiSessionsEndAfterThirtyIdleMinutesAndTheirCookieIsHiddenFromScripts() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
        Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(context.getSessionTimeout()).as("minutes").isEqualTo(30);
    }

    @Test
    void fiveFailuresLockTheUsernameEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("test-lockout").password("guess-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("test-lockout").password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        // The API counts the same username: locked there too.
        mvc.perform(request(Endpoint.STATS).with(httpBasic("test-lockout", TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized());
        assertThat(count("action = 'login_failed' AND user_name = 'test-lockout' AND outcome = 'failure'")).isEqualTo(5);
        assertThat(count("action = 'account_locked' AND user_name = 'test-lockout'")).isEqualTo(1);
        assertThat(count("action = 'login_failed' AND user_name = 'test-lockout' AND outcome = 'denied'")).isEqualTo(2);
        assertThat(count("action = 'login' AND user_name = 'test-lockout'")).isZero();
    }

    @Test
    void apiFailuresCountTowardsTheLockout() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(request(Endpoint.STATS).with(httpBasic("test-lockout-api", "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(request(Endpoint.STATS).with(httpBasic("test-lockout-api", TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized());
        assertThat(latest(AuditService.ACCOUNT_LOCKED)).isEqualTo("test-lockout-api|api");
    }

    // ------------------------------------------------------------------ ingestion: roles, limits, audit

    @Test
    void anAdminIngestThroughTheApiIsAttributedAndAudited() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        TestFiles.zipFolder(TestFiles.FIXTURE_EXTRACT, zip);
        mvc.perform(multipart("/api/ingest").file(new MockMultipartFile("file", "rwe-2024-04.zip", "application/zip",
                zip.toByteArray())).with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submissions[0].status").value("loaded"));
        assertThat(jdbc.sql("SELECT user_name || '|' || source FROM ingest_run ORDER BY run_id DESC LIMIT 1")
                .query(String.class).single()).isEqualTo(TestUsers.ADMIN + "|api");
        String audit = jdbc.sql("""
                SELECT user_name || '|' || target || '|' || outcome || '|' || record_count || '|' || detail
                FROM audit_event WHERE action = 'ingest' ORDER BY event_id DESC LIMIT 1""").query(String.class).single();
        assertThat(audit).startsWith(TestUsers.ADMIN + "|rwe-2024-04.zip|success|10|via api: rwe-2024-04.zip loaded RWE");
    }

    @Test
    void aRefusedIngestIsAuditedAsDenied() throws Exception {
        mvc.perform(request(Endpoint.INGEST).with(user(TestUsers.BOARD).roles(Roles.BOARD)))
                .andExpect(status().isForbidden());
        assertThat(latest(AuditService.ACCESS_DENIED)).isEqualTo(TestUsers.BOARD + "|POST /api/ingest");
    }

    @Test
    void onlyZipOrCsvFilesAreAccepted() throws Exception {
        mvc.perform(request(Endpoint.INGEST).with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("bad_request"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is not a .csv file")));
    }

    @Test
    void clientPathsInFileNamesAreIgnored() throws Exception {
        var upload = multipart("/api/ingest");
        for (String table : List.of("MSD000", "MSD001", "MSD002", "MSD101")) {
            upload.file(new MockMultipartFile("file", "../../../tmp/" + table + ".csv", "text/csv",
                    Files.readAllBytes(TestFiles.FIXTURE_EXTRACT.resolve(table + ".csv"))));
        }
        mvc.perform(upload.with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submissions[0].status").value("loaded"));
    }

    @Test
    void anUploadOverTheSizeLimitIsAJson413() throws Exception {
        String boundary = "equity-boundary";
        byte[] big = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "x".repeat(100 * 1024) + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ingest"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\":\"payload_too_large\"");
    }

    // ------------------------------------------------------------------ service level

    @Test
    void servicesRefuseCallersWithoutTheRoleWhateverTheEntryPoint() {
        List<Path> nothing = List.of(Path.of("missing.zip"));
        IngestService.Requester requester = new IngestService.Requester("x", "test");
        assertThatThrownBy(() -> ingestService.ingest(nothing, requester))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> referenceService.load(nothing, "x"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        // The application itself may: the refusal now comes from the missing file, not from security.
        assertThat(SystemCaller.call(() -> ingestService.ingest(nothing, requester)).allLoaded()).isFalse();
    }

    @Test
    @WithMockUser(username = "someone", roles = { Roles.ANALYST, Roles.RECORD_ACCESS })
    void anAnalystMayNotLoadData() {
        assertThatThrownBy(() -> ingestService.ingest(List.of(Path.of("x.zip")), new IngestService.Requester("a", "t")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> referenceService.load(List.of(Path.of("x")), "a"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(latest(AuditService.REFERENCE_LOAD)).isEqualTo("a|x");
    }

    // ------------------------------------------------------------------ demo users

    @Test
    void theDemoUsersDoNotExistOutsideTheDemoProfile() throws Exception {
        for (String demo : List.of("analyst", "board", "admin", "team-CITY-NORTH")) {
            assertThatThrownBy(() -> users.loadUserByUsername(demo)).isInstanceOf(UsernameNotFoundException.class);
            mvc.perform(request(Endpoint.STATS).with(httpBasic(demo, "demo"))).andExpect(status().isUnauthorized());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** "user|target" of the newest audit event of an action. */
    private String latest(String action) {
        return jdbc.sql("SELECT user_name || '|' || coalesce(target, '') FROM audit_event WHERE action = ?"
                + " ORDER BY event_id DESC LIMIT 1").param(action).query(String.class).single();
    }

    private long count(String where) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE " + where).query(Long.class).single();
    }
}
