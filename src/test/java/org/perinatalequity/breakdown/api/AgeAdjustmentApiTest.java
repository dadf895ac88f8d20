package org.perinatalequity.breakdown.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perinatalequity.ContextSecurity;
import org.perinatalequity.EquityTest;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.security.SystemCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code adjust=maternal_age} on a hand-made extract of eleven births (caesarean births, June 2024), at two booking
 * sites, where every expected count is worked by hand:
 *
 * <pre>
 * woman  site  mother born  baby born   age at birth (band)  caesarean
 * W1     SA    1996-03-01   2024-06-01  28 (25-29)           yes
 * W2     SA    1996-03-01   2024-06-01  28 (25-29)           no
 * W3     SA    1986-01-01   2024-06-01  38 (35-39)           yes
 * W4     SA    1994-06-15   2024-06-20  30 (30-34)           yes   (29 at booking on 2024-01-10: the birth counts)
 * W5     SA    (none)       2024-06-01  no age: left out     yes
 * W6-W8  SB    1996-03-01   2024-06-01  28 (25-29)           W8 only
 * W9-W10 SB    1986-01-01   2024-06-01  38 (35-39)           yes
 * W11    SB    1994-06-15   2024-06-20  30 (30-34)           no
 * </pre>
 *
 * The LMNS's rates by band (records with an age): 25-29 2/5, 30-34 1/2, 35-39 3/3; all 6/10 = 60%. Site SA: observed
 * 3, expected 2 × 0.4 + 1 × 0.5 + 1 × 1 = 2.3; SB: observed 3, expected 3 × 0.4 + 0.5 + 2 × 1 = 3.7; the LMNS:
 * observed 6, expected 2 + 1 + 3 = 6. Exact limits (under 10 observed): χ²(0.025; 2O)/2 and χ²(0.975; 2O + 2)/2 over
 * expected, i.e. for O = 3 the counts 0.618672 and 8.767273 (scipy.stats.chi2.ppf), for O = 6 2.201894 and 13.059474.
 */
@EquityTest
@TestPropertySource(properties = TestUsers.USERS_FILE)
@AutoConfigureMockMvc
@ExtendWith(ContextSecurity.class)
class AgeAdjustmentApiTest {

    private static final double LOWER_3 = 0.618672122895601;
    private static final double UPPER_3 = 8.767273069742324;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(AgeAdjustmentApiTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    IngestService ingest;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void load() throws IOException {
        if (ingest.isDatabaseEmpty()) {
            Path extract = Files.createDirectories(Files.createTempDirectory(Path.of("target"), "age-adjustment")
                    .resolve("rwe"));
            write(extract, "MSD000", "OrgCodeProvider,RPStartDate,RPEndDate\nRWE,2024-01-01,2024-06-30");
            StringBuilder mothers = new StringBuilder("LPIDMother,OrgIDLPID,PersonBirthDateMother");
            StringBuilder bookings = new StringBuilder("PregnancyID,LPIDMother,OrgIDComm,AntenatalAppDate,"
                    + "EDDAgreed,OrgSiteIDBooking");
            StringBuilder labours = new StringBuilder("LabourDeliveryID,PregnancyID,LabourOnsetDate");
            StringBuilder babies = new StringBuilder("LPIDBaby,LabourDeliveryID,OrgIDLocalPatientIdBaby,"
                    + "PersonBirthDateBaby,PersonBirthTimeBaby,PregOutcome,PersonPhenSex,GestationLengthBirth,"
                    + "DeliveryMethodCode");
            String[][] women = { { "SA", "1996-03-01", "2024-06-01", "7" }, { "SA", "1996-03-01", "2024-06-01", "0" },
                    { "SA", "1986-01-01", "2024-06-01", "8" }, { "SA", "1994-06-15", "2024-06-20", "7" },
                    { "SA", "", "2024-06-01", "7" }, { "SB", "1996-03-01", "2024-06-01", "0" },
                    { "SB", "1996-03-01", "2024-06-01", "0" }, { "SB", "1996-03-01", "2024-06-01", "8" },
                    { "SB", "1986-01-01", "2024-06-01", "7" }, { "SB", "1986-01-01", "2024-06-01", "8" },
                    { "SB", "1994-06-15", "2024-06-20", "0" } };
            for (int i = 0; i < women.length; i++) {
                String w = "W" + (i + 1);
                String[] row = women[i];
                mothers.append('\n').append(w).append(",RWE,").append(row[1]);
                bookings.append("\nP").append(i + 1).append(',').append(w).append(",03W,2024-01-10,2024-06-15,")
                        .append(row[0]);
                labours.append("\nL").append(i + 1).append(",P").append(i + 1).append(',').append(row[2]);
                babies.append("\nB").append(i + 1).append(",L").append(i + 1).append(",RWE,").append(row[2])
                        .append(",10:00:00,01,1,275,").append(row[3]);
            }
            write(extract, "MSD001", mothers.toString());
            write(extract, "MSD101", bookings.toString());
            write(extract, "MSD301", labours.toString());
            write(extract, "MSD401", babies.toString());
            SystemCaller.run(() -> {
                IngestReport report = ingest.ingest(List.of(extract), new IngestService.Requester("tester", "test"));
                assertThat(report.allLoaded()).as("extract loads: %s", report).isTrue();
            });
        }
    }

    private static void write(Path folder, String table, String content) throws IOException {
        Files.writeString(folder.resolve(table + ".csv"), content + "\n");
    }

    private static MockHttpServletRequestBuilder get(String url, String user) {
        return MockMvcRequestBuilders.get(url).with(httpBasic(user, TestUsers.PASSWORD));
    }

    private JsonNode breakdown(String query) throws Exception {
        return json.readTree(mvc.perform(get("/api/measures/caesarean/breakdown?" + query, TestUsers.ANALYST))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theFactsCarryTheAgeOnTheEventDateInTheContractsBands() {
        // W4 was 29 when booked (age_group keeps the age at booking) and 30 on the birth date.
        assertThat(jdbc.sql("SELECT maternal_age_band, count(*) FROM fact_event WHERE measure_id = 'caesarean'"
                + " GROUP BY ALL ORDER BY 1 NULLS LAST").query((rs, i) -> rs.getString(1) + "=" + rs.getLong(2))
                .list()).containsExactly("25-29=5", "30-34=2", "35-39=3", "null=1");
    }

    @Test
    void eachRowCarriesObservedExpectedAndItsStandardisedRatio() throws Exception {
        JsonNode result = breakdown("by=booking_site&adjust=maternal_age&suppress=false");
        JsonNode sa = result.path("rows").get(0);
        JsonNode sb = result.path("rows").get(1);
        assertThat(sa.path("group").asText()).isEqualTo("SA");
        // The crude value keeps W5 (4 of 5); observed and expected leave her out.
        assertThat(sa.path("numerator").asDouble()).isEqualTo(4);
        assertThat(sa.path("value").asDouble()).isCloseTo(80, within(1e-12));
        assertThat(sa.path("observed").asDouble()).isEqualTo(3);
        assertThat(sa.path("expected").asDouble()).isCloseTo(2.3, within(1e-12));
        assertThat(sa.path("ratio").asDouble()).isCloseTo(3 / 2.3, within(1e-12));
        assertThat(sa.path("ratioLower95").asDouble()).isCloseTo(LOWER_3 / 2.3, within(1e-9));
        assertThat(sa.path("ratioUpper95").asDouble()).isCloseTo(UPPER_3 / 2.3, within(1e-9));
        assertThat(sa.path("adjustedValue").asDouble()).isCloseTo(3 / 2.3 * 60, within(1e-10));
        assertThat(sb.path("observed").asDouble()).isEqualTo(3);
        assertThat(sb.path("expected").asDouble()).isCloseTo(3.7, within(1e-12));
        assertThat(sb.path("ratio").asDouble()).isCloseTo(3 / 3.7, within(1e-12));
        assertThat(sb.path("adjustedValue").asDouble()).isCloseTo(3 / 3.7 * 60, within(1e-10));
        JsonNode total = result.path("total");
        assertThat(total.path("observed").asDouble()).isEqualTo(6);
        assertThat(total.path("expected").asDouble()).isCloseTo(6, within(1e-12));
        assertThat(total.path("ratio").asDouble()).isCloseTo(1, within(1e-12));
        assertThat(total.path("ratioLower95").asDouble()).isCloseTo(2.2018942534908508 / 6, within(1e-9));
        assertThat(total.path("ratioUpper95").asDouble()).isCloseTo(13.059474022518685 / 6, within(1e-9));
        assertThat(total.path("adjustedValue").asDouble()).isCloseTo(60, within(1e-10));
    }

    @Test
    void theReferenceIsTheWholeLmnsWhateverTheFilters() throws Exception {
        JsonNode result = breakdown("by=booking_site&booking_site=SA&adjust=maternal_age&suppress=false");
        assertThat(result.path("rows")).hasSize(1);
        for (JsonNode row : List.of(result.path("rows").get(0), result.path("total"))) {
            assertThat(row.path("expected").asDouble()).isCloseTo(2.3, within(1e-12));
            assertThat(row.path("ratio").asDouble()).isCloseTo(3 / 2.3, within(1e-12));
            assertThat(row.path("adjustedValue").asDouble()).isCloseTo(3 / 2.3 * 60, within(1e-10));
        }
    }

    @Test
    void withoutAdjustTheRowsAreAsBeforeAndSuppressedRowsCarryNulls() throws Exception {
        JsonNode crude = breakdown("by=booking_site&suppress=false");
        assertThat(crude.path("rows").get(0).has("observed")).isFalse();
        assertThat(crude.path("rows").get(0).has("ratio")).isFalse();
        // Suppressed (the default): 4 and 3 events are small numbers, so nothing of the adjustment is shown.
        mvc.perform(get("/api/measures/caesarean/breakdown?by=booking_site&adjust=maternal_age", TestUsers.BOARD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].suppressed").value(true))
                .andExpect(jsonPath("$.rows[0].observed").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.rows[0].expected").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.rows[0].ratio").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.rows[0].ratioLower95").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.rows[0].adjustedValue").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.total.observed").value(org.hamcrest.Matchers.nullValue()));
    }

    @Test
    void refusals() throws Exception {
        mvc.perform(get("/api/measures/caesarean/breakdown?by=booking_site&adjust=age", TestUsers.ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("adjust")));
        mvc.perform(get("/api/measures/caesarean/breakdown?by=booking_site&adjust=maternal_age&reference=SA",
                TestUsers.ANALYST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "Parameters 'adjust' and 'reference' cannot be combined")));
    }
}
