package org.perinatalequity.system.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perinatalequity.ContextSecurity;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The read API's answers on the bundled sample, byte for byte, against the snapshot in
 * {@code src/test/resources/api-snapshots.txt}: a refactoring that changes no behaviour changes no byte of any
 * answer (status, content type, file name, body). When a change is meant to alter an answer, rewrite the
 * snapshot with {@code -Dapi.snapshots.update=true} and review its diff in the commit.
 */
@SampleDataTest
@ExtendWith(ContextSecurity.class)
class ApiSnapshotTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/api-snapshots.txt");

    /** Groupings a board or team reads; LSOA and GP practice (hundreds of rows) once each, below. */
    private static final List<String> BY = List.of("ethnic_group", "ethnic_category", "imd_quintile",
            "imd_decile", "local_authority", "pcn", "place", "team", "provider", "age_group", "financial_year");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    @Test
    void everyReadAnswerMatchesTheSnapshot() throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String url : urls()) {
            answers.put(url, answer(url, TestUsers.ANALYST));
        }
        answers.put("[team] /api/quality/worklist?team=" + TestUsers.TEAM_ID,
                answer("/api/quality/worklist?team=" + TestUsers.TEAM_ID, TestUsers.TEAM));
        answers.put("[team] /api/quality/worklist?cohort=open&format=csv&team=" + TestUsers.TEAM_ID,
                answer("/api/quality/worklist?cohort=open&format=csv&team=" + TestUsers.TEAM_ID, TestUsers.TEAM));

        StringBuilder text = new StringBuilder();
        answers.forEach((url, body) -> text.append("### ").append(url).append('\n').append(body).append('\n'));
        String actual = text.toString();
        if (Boolean.getBoolean("api.snapshots.update")) {
            Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
        }
        Map<String, String> expected = parse(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
        assertThat(answers.keySet()).as("requests in the snapshot").containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, String> e : answers.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected.get(e.getKey()));
        }
    }

    private List<String> urls() throws Exception {
        List<String> urls = new ArrayList<>(List.of("/api/measures", "/api/dimensions"));
        JsonNode measures = json.readTree(answerBody("/api/measures"));
        for (JsonNode measure : measures) {
            String breakdown = "/api/measures/" + measure.get("id").asText() + "/breakdown";
            String trend = "/api/measures/" + measure.get("id").asText() + "/trend";
            BY.forEach(by -> urls.add(breakdown + "?by=" + by));
            urls.add(breakdown + "?by=ethnic_group&by2=imd_quintile");
            urls.add(trend);
            urls.add(trend + "?by=quarter");
        }
        urls.addAll(List.of(
                "/api/measures/preterm/breakdown?by=lsoa",
                "/api/measures/preterm/breakdown?by=msoa",
                "/api/measures/preterm/breakdown?by=ward",
                "/api/measures/preterm/breakdown?by=neighbourhood",
                "/api/measures/preterm/breakdown?by=ethnic_group&neighbourhood=LLR-N01",
                "/api/measures/early_booking/breakdown?by=gp_practice",
                "/api/measures/preterm/breakdown?by=ethnic_group&reference=White",
                "/api/measures/preterm/breakdown?by=ethnic_group&suppress=false",
                "/api/measures/early_booking/breakdown?by=imd_quintile&local_authority=E06000016&from=2023-07"
                        + "&to=2024-12",
                "/api/measures/early_booking/breakdown?by=team&format=csv",
                "/api/measures/stillbirth/breakdown?by=imd_quintile&format=csv",
                "/api/measures/preterm/trend?format=csv",
                "/api/measures/caesarean/trend?chart=p_prime",
                "/api/measures/caesarean/trend?chart=p&rolling=3",
                "/api/measures/early_booking/trend?by=financial_year&ethnic_group=Asian%20or%20Asian%20British",
                "/api/measures/preterm/breakdown?by=ethnic_group&place=Leicster",
                "/api/measures/preterm/breakdown?by=nothing",
                "/api/measures/no_such_measure/breakdown?by=team",
                "/api/quality",
                "/api/quality?by=team",
                "/api/quality?by=month",
                "/api/quality?by=neighbourhood",
                "/api/quality?by=ethnic_group&item=ethnicity&format=csv",
                "/api/quality/escalations",
                "/api/neighbourhoods/need",
                "/api/neighbourhoods/need?by=lsoa&format=csv",
                "/api/assets",
                "/api/reference"));
        return urls;
    }

    private String answerBody(String url) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(url).with(httpBasic(TestUsers.ANALYST, TestUsers.PASSWORD)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Status, content type and file name on one line, then the body. */
    private String answer(String url, String user) throws Exception {
        MockHttpServletResponse r = mvc.perform(MockMvcRequestBuilders.get(url)
                .with(httpBasic(user, TestUsers.PASSWORD))).andReturn().getResponse();
        return r.getStatus() + " " + r.getContentType() + " " + r.getHeader("Content-Disposition") + "\n"
                + r.getContentAsString(StandardCharsets.UTF_8).stripTrailing();
    }

    private static Map<String, String> parse(String text) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        String url = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("### ")) {
                if (url != null) {
                    answers.put(url, body.toString().stripTrailing());
                }
                url = line.substring(4);
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (url != null) {
            answers.put(url, body.toString().stripTrailing());
        }
        return answers;
    }
}
