package org.perinatalequity.need.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.perinatalequity.reference.ReferenceReport;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.security.SystemCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The need ranking and the assets register on a hand-made extract of six births (June 2024) in two neighbourhoods,
 * with every count worked by hand:
 *
 * <pre>
 * woman  area       postcode  ethnic  mother born  age (band)  gestation  booked (gestation)
 * W1     N1 (L1)    LE1 1AA   H       1996-03-01   28 (25-29)  250 pre    2023-12-18 (100, late)
 * W2     N1         LE1 1AA   M       1996-03-01   28 (25-29)  275        2023-11-08 (60)
 * W3     N1         LE1 1AA   A       1986-01-01   38 (35-39)  250 pre    2023-12-18 (late)
 * W4     N1         LE1 1AA   A       1986-01-01   38 (35-39)  250 pre    2023-11-08
 * W5     N2 (L2)    LE2 2AA   A       1996-03-01   28 (25-29)  275        2023-11-08
 * W6     N2         LE2 2AA   A       1986-01-01   38 (35-39)  250 pre    2023-12-18 (late)
 * </pre>
 *
 * L1 is IMD decile 1, L2 decile 8. The LMNS's preterm rates: 25-29 1/3, 35-39 3/3; N1 observed 3, expected
 * 2 × 1/3 + 2 × 1 = 8/3 (excess 1/3, ratio 1.125, exact limits 0.618672 and 8.767273 over 8/3); N2 observed 1,
 * expected 1/3 + 1 = 4/3 (excess −1/3, ratio 0.75). Late booking: 25-29 1/3, 35-39 2/3; N1 observed 2, expected
 * 2/3 + 4/3 = 2; N2 observed 1, expected 1: no excess anywhere. No stillbirth, no birthweight, no smoking record.
 * With two areas every component that differs has z = ±1: births (4 v 2), deprivation (1 v 8, lower is need), the
 * Black, Asian and Mixed share (50% v 0%) and preterm excess; so N1's score is (1 + 2 + 2 + 1) ÷ 10 (the
 * built-in weights' sum) = 0.6 and N2's −0.6. The family hub is at LE1 3AA (1 km east of N1's births, 9 km west
 * of N2's); the VCSE groups are not hubs; so N2, ranked 2 (in the top 10) with no hub within 3 km, is flagged.
 */
@EquityTest
@TestPropertySource(properties = TestUsers.USERS_FILE)
@AutoConfigureMockMvc
@ExtendWith(ContextSecurity.class)
class NeedApiTest {

    private static final double LOWER_3 = 0.618672122895601;
    private static final double UPPER_3 = 8.767273069742324;
    private static final String IOD2019 = "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),"
            + "Local Authority District name (2019),Index of Multiple Deprivation (IMD) Score,Index of Multiple"
            + " Deprivation (IMD) Rank (where 1 is most deprived),Index of Multiple Deprivation (IMD) Decile (where 1"
            + " is most deprived 10% of LSOAs)";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(NeedApiTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    IngestService ingest;

    @Autowired
    ReferenceService reference;

    static ReferenceReport referenceReport;

    @BeforeEach
    void load() throws IOException {
        if (!ingest.isDatabaseEmpty()) {
            return;
        }
        Path dir = Files.createTempDirectory(Path.of("target"), "need");
        Path refs = Files.createDirectories(dir.resolve("reference"));
        Files.writeString(refs.resolve("ONSPD.csv"), """
                pcd,pcds,doterm,oslaua,oseast1m,osnrth1m,ctry,lsoa11
                LE1 1AA,LE1 1AA,,E06000016,450000,300000,E92000001,E01900001
                LE1 3AA,LE1 3AA,,E06000016,451000,300000,E92000001,E01900001
                LE2 1AA,LE2 1AA,,E06000016,459000,300000,E92000001,E01900002
                LE2 2AA,LE2 2AA,,E06000016,460000,300000,E92000001,E01900002
                """);
        Files.writeString(refs.resolve("File_7.csv"), IOD2019 + "\n"
                + "E01900001,Leicester 001A,E06000016,Leicester,60.1,100,1\n"
                + "E01900002,Leicester 001B,E06000016,Leicester,8.2,26000,8\n");
        Files.writeString(refs.resolve("neighbourhoods.csv"), """
                LSOA11CD,neighbourhood_code,neighbourhood_name
                E01900001,N1,North
                E01900002,N2,South
                """);
        Files.writeString(refs.resolve("assets.csv"), """
                name,type,postcode,services,languages,opening,contact
                Hub A,Family hub,LE1 3AA,"Antenatal classes, infant feeding",English; Gujarati,Mon-Fri 9-5,0116 000 0000
                Bump Buddies,VCSE group,LE2 1AA,Peer support,English,Thu 10-12,info@example.org
                Nowhere Hub,Community hub,LE9 9ZZ,Drop-in,English,,
                "=HYPERLINK(""http://x"")",VCSE group,LE2 1AA,,,,
                Misfiled,Clinic,LE1 1AA,,,,
                """);
        Path extract = Files.createDirectories(dir.resolve("rwe"));
        write(extract, "MSD000", "OrgCodeProvider,RPStartDate,RPEndDate\nRWE,2023-11-01,2024-06-30");
        StringBuilder mothers = new StringBuilder("LPIDMother,OrgIDLPID,PersonBirthDateMother,Postcode,EthnicCategoryMother");
        StringBuilder bookings = new StringBuilder("PregnancyID,LPIDMother,OrgIDComm,AntenatalAppDate,EDDAgreed,"
                + "OrgSiteIDBooking");
        StringBuilder labours = new StringBuilder("LabourDeliveryID,PregnancyID,LabourOnsetDate");
        StringBuilder babies = new StringBuilder("LPIDBaby,LabourDeliveryID,OrgIDLocalPatientIdBaby,"
                + "PersonBirthDateBaby,PersonBirthTimeBaby,PregOutcome,PersonPhenSex,GestationLengthBirth");
        String[][] women = { { "LE1 1AA", "H", "1996-03-01", "250", "2023-12-18" },
                { "LE1 1AA", "M", "1996-03-01", "275", "2023-11-08" },
                { "LE1 1AA", "A", "1986-01-01", "250", "2023-12-18" },
                { "LE1 1AA", "A", "1986-01-01", "250", "2023-11-08" },
                { "LE2 2AA", "A", "1996-03-01", "275", "2023-11-08" },
                { "LE2 2AA", "A", "1986-01-01", "250", "2023-12-18" } };
        for (int i = 0; i < women.length; i++) {
            String w = "W" + (i + 1);
            String[] row = women[i];
            mothers.append('\n').append(w).append(",RWE,").append(row[2]).append(',').append(row[0]).append(',')
                    .append(row[1]);
            bookings.append("\nP").append(i + 1).append(',').append(w).append(",03W,").append(row[4])
                    .append(",2024-06-15,SA");
            labours.append("\nL").append(i + 1).append(",P").append(i + 1).append(",2024-06-01");
            babies.append("\nB").append(i + 1).append(",L").append(i + 1).append(",RWE,2024-06-01,10:00:00,01,1,")
                    .append(row[3]);
        }
        write(extract, "MSD001", mothers.toString());
        write(extract, "MSD101", bookings.toString());
        write(extract, "MSD301", labours.toString());
        write(extract, "MSD401", babies.toString());
        SystemCaller.run(() -> {
            referenceReport = reference.load(List.of(refs), "tester");
            IngestReport report = ingest.ingest(List.of(extract), new IngestService.Requester("tester", "test"));
            assertThat(report.allLoaded()).as("extract loads: %s", report).isTrue();
        });
    }

    private static void write(Path folder, String table, String content) throws IOException {
        Files.writeString(folder.resolve(table + ".csv"), content + "\n");
    }

    private static MockHttpServletRequestBuilder get(String url, String user) {
        return MockMvcRequestBuilders.get(url).with(httpBasic(user, TestUsers.PASSWORD));
    }

    private JsonNode read(String url, String user) throws Exception {
        return json.readTree(mvc.perform(get(url, user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theRegisterLoadsWithAWarningPerUnknownPostcodeAndBadType() {
        assertThat(referenceReport.files()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("assets");
            assertThat(f.rows()).isEqualTo(4);
        });
        assertThat(referenceReport.warnings()).contains(
                "assets.csv, line 4: postcode 'LE9 9ZZ' of Nowhere Hub is not in the loaded postcode directory: it is"
                        + " kept but has no LSOA or location",
                "assets.csv, line 6: type 'Clinic' of Misfiled is not one of children's centre, community hub,"
                        + " family hub, VCSE group: the line is left out");
    }

    @Test
    void neighbourhoodsAreRankedOnTheHandWorkedComponents() throws Exception {
        JsonNode need = read("/api/neighbourhoods/need?by=neighbourhood&suppress=false", TestUsers.ANALYST);
        assertThat(need.get("by").asText()).isEqualTo("neighbourhood");
        assertThat(need.get("suppressed").asBoolean()).isFalse();
        assertThat(need.get("weights").get("deprivation").asDouble()).isEqualTo(2.0);
        JsonNode n1 = need.get("rows").get(0);
        JsonNode n2 = need.get("rows").get(1);
        assertThat(n1.get("group").asText()).isEqualTo("N1");
        assertThat(n1.get("groupName").asText()).isEqualTo("North");
        assertThat(n1.get("rank").asInt()).isEqualTo(1);
        assertThat(n1.get("score").asDouble()).isCloseTo(0.6, within(1e-9));
        assertThat(n2.get("score").asDouble()).isCloseTo(-0.6, within(1e-9));
        assertThat(n1.get("births").asLong()).isEqualTo(4);
        assertThat(n2.get("births").asLong()).isEqualTo(2);
        assertThat(n1.get("imdDecile").asDouble()).isEqualTo(1.0);
        assertThat(n2.get("imdDecile").asDouble()).isEqualTo(8.0);
        JsonNode c1 = n1.get("components");
        assertThat(c1.get("black_asian_mixed_share").get("value").asDouble()).isEqualTo(50.0);
        assertThat(c1.get("births").get("z").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(c1.get("deprivation").get("z").asDouble()).isCloseTo(1, within(1e-9));
        JsonNode preterm = c1.get("preterm");
        assertThat(preterm.get("observed").asDouble()).isEqualTo(3.0);
        assertThat(preterm.get("expected").asDouble()).isCloseTo(8.0 / 3, within(1e-9));
        assertThat(preterm.get("excess").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(preterm.get("ratio").asDouble()).isCloseTo(1.125, within(1e-9));
        assertThat(preterm.get("ratioLower95").asDouble()).isCloseTo(LOWER_3 / (8.0 / 3), within(1e-9));
        assertThat(preterm.get("ratioUpper95").asDouble()).isCloseTo(UPPER_3 / (8.0 / 3), within(1e-9));
        assertThat(preterm.get("z").asDouble()).isCloseTo(1, within(1e-9));
        assertThat(n2.get("components").get("preterm").get("ratio").asDouble()).isCloseTo(0.75, within(1e-9));
        JsonNode late = c1.get("late_booking");
        assertThat(late.get("observed").asDouble()).isEqualTo(2.0);
        assertThat(late.get("expected").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(late.get("z").asDouble()).isEqualTo(0.0);
        assertThat(n1.get("nearestHub").asText()).isEqualTo("Hub A");
        assertThat(n1.get("nearestHubKm").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(n1.get("noHubNearby").asBoolean()).isFalse();
        assertThat(n2.get("nearestHubKm").asDouble()).isCloseTo(9.0, within(1e-9));
        assertThat(n2.get("noHubNearby").asBoolean()).isTrue();
    }

    @Test
    void theBoardSeesTheSameRankingWithSmallCountsHidden() throws Exception {
        JsonNode need = read("/api/neighbourhoods/need?suppress=false", TestUsers.BOARD);
        assertThat(need.get("suppressed").asBoolean()).isTrue();
        JsonNode n1 = need.get("rows").get(0);
        assertThat(n1.get("group").asText()).isEqualTo("N1");
        assertThat(n1.get("score").asDouble()).isCloseTo(0.6, within(1e-9));
        assertThat(n1.get("births").isNull()).isTrue();
        JsonNode preterm = n1.get("components").get("preterm");
        assertThat(preterm.get("suppressed").asBoolean()).isTrue();
        assertThat(preterm.has("observed")).isFalse();
        assertThat(preterm.has("z")).isFalse();
        assertThat(n1.get("components").get("births").get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void lsoasAreRankedWithTheirNamesAndOwnDecile() throws Exception {
        JsonNode need = read("/api/neighbourhoods/need?by=lsoa", TestUsers.TEAM);
        JsonNode first = need.get("rows").get(0);
        assertThat(first.get("group").asText()).isEqualTo("E01900001");
        assertThat(first.get("groupName").asText()).isEqualTo("Leicester 001A");
        assertThat(first.get("imdDecile").asDouble()).isEqualTo(1.0);
        assertThat(first.get("nearestHubKm").isNull()).isTrue();
    }

    @Test
    void theRankingExportsAsCsvWithAFileName() throws Exception {
        String csv = mvc.perform(get("/api/neighbourhoods/need?format=csv&suppress=false", TestUsers.ANALYST))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"need-by-neighbourhood.csv\""))
                .andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("rank,group,group_name,score,births,imd_decile,black_asian_mixed_percent,"
                + "preterm_observed,preterm_expected");
        assertThat(lines.get(1)).startsWith("1,N1,North,");
        assertThat(lines).hasSize(3);
    }

    @Test
    void theRegisterIsListedWithLsoasAndExportsWithoutFormulas() throws Exception {
        JsonNode assets = read("/api/assets", TestUsers.BOARD);
        assertThat(assets).hasSize(4);
        assertThat(assets.get(0).get("name").asText()).isEqualTo("Hub A");
        assertThat(assets.get(0).get("type").asText()).isEqualTo("family_hub");
        assertThat(assets.get(0).get("postcode").asText()).isEqualTo("LE1 3AA");
        assertThat(assets.get(0).get("lsoa").asText()).isEqualTo("E01900001");
        assertThat(assets.get(0).get("services").asText()).isEqualTo("Antenatal classes, infant feeding");
        assertThat(assets.get(2).get("lsoa").isNull()).isTrue();
        String csv = mvc.perform(get("/api/assets", TestUsers.TEAM).header("Accept", "text/csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"community-assets.csv\""))
                .andReturn().getResponse().getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("name,type,postcode,lsoa,services,languages,opening,contact");
        assertThat(lines.get(4)).doesNotStartWith("=").doesNotStartWith("\"=");
    }

    @Test
    void aWrongParameterIsAClearRefusal() throws Exception {
        String body = mvc.perform(get("/api/neighbourhoods/need?by=ward", TestUsers.ANALYST))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("Parameter 'by': neighbourhood or lsoa, not 'ward'");
    }
}
