package org.perinatalequity.board.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.board.ActionPlan;
import org.perinatalequity.board.ActionPlanService;
import org.perinatalequity.board.BoardMeasures;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/board/pack.pdf on the bundled sample: the PDF is read back with PDFBox (its text, title, language and
 * fonts), and the roles and the period are checked.
 */
@SampleDataTest
class BoardPackApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    BreakdownService breakdowns;

    @Autowired
    ActionPlanService plans;

    @Autowired
    org.perinatalequity.security.AuditService audit;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    private static void as(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    private YearMonth lastMonth() {
        as(TestUsers.BOARD, "BOARD");
        try {
            return YearMonth.from(breakdowns.trend("early_booking", Dimension.MONTH, Map.of(), true).dataTo());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private byte[] pack(String user, String role, YearMonth period) throws Exception {
        as(user, role);
        try {
            return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .get("/api/board/pack.pdf").param("period", period.toString())
                    .with(httpBasic(user, TestUsers.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("Content-Disposition",
                            "attachment; filename=\"board-pack-" + period + ".pdf\""))
                    .andReturn().getResponse().getContentAsByteArray();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void thePackHasRealTextForEveryPriorityAndMeasureWithNAndDatesATitleAndALanguage()
            throws Exception {
        YearMonth period = lastMonth();
        byte[] bytes = pack(TestUsers.BOARD, "BOARD", period);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // kept for a look (and for docs/ screenshots when they are regenerated)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "board-pack-sample.pdf"), bytes);
        as(TestUsers.BOARD, "BOARD");
        ActionPlan plan;
        TrendResult coc;
        try {
            plan = plans.plan();
            coc = breakdowns.trend("continuity_of_carer", Dimension.QUARTER, Map.of(), true);
        } finally {
            SecurityContextHolder.clearContext();
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String month = period.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
                    java.util.Locale.UK));
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Perinatal equity board pack, " + month);
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            // cover, matrix, a page per priority, escalations, action plan
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(plan.priorities().size() + 4);

            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Period: " + month, "Data as at: ", "Source: MSDS submission of provider",
                    "Summary matrix", "Data-quality escalations", "Action plan status");
            for (ActionPlan.Priority priority : plan.priorities()) {
                assertThat(text).as(priority.id()).contains(priority.id() + " " + priority.name());
                for (ActionPlan.Intervention i : priority.interventions()) {
                    assertThat(text).as(i.id()).contains(i.id() + " ");
                    for (String id : i.measures()) {
                        assertThat(text).as(id).contains(breakdowns.measure(id).name());
                    }
                }
            }
            for (String id : BoardMeasures.KEY) {
                assertThat(text).as(id).contains(breakdowns.measure(id).name());
            }
            // n, period and the data-to date, with the latest complete quarter's counts
            TrendResult.Point latest = coc.latestComplete().orElseThrow();
            assertThat(text).contains("n = " + String.format(java.util.Locale.UK, "%,d",
                    latest.denominator().longValue()) + " in " + latest.period(),
                    "data to " + org.perinatalequity.board.StatusText.date(coc.dataTo()),
                    "Latest complete quarter (" + latest.period() + ")");
            // the continuity target against its cohort, with all women beside it
            assertThat(text).contains("Target 75.0% for women from Black or Black British, Asian or Asian British"
                    + " or Mixed groups, or women in IMD decile 1 or 2: ", "; all women ");
            assertThat(text).contains("Common cause", "Assurance: ");
            assertThat(text).doesNotContain("SYNTHETIC DATA"); // the demo profile is not on in tests

            // every font is embedded, so the text is the text
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVuSans"));
        }

        // audited as an export, by the board member who downloaded it
        as(TestUsers.ADMIN, "ADMIN");
        try {
            assertThat(audit.find(new org.perinatalequity.security.AuditFilter(TestUsers.BOARD,
                    org.perinatalequity.security.AuditService.EXPORT), 5)).anySatisfy(e -> {
                        assertThat(e.target()).isEqualTo("board-pack");
                        assertThat(e.detail()).isEqualTo("PDF for " + period + ", suppressed");
                    });
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void analystsAndAdminsMayDownloadItTeamUsersMayNotAndABadPeriodIsA400() throws Exception {
        YearMonth period = lastMonth();
        assertThat(pack(TestUsers.ANALYST, "ANALYST", period)).isNotEmpty();
        assertThat(pack(TestUsers.ADMIN, "ADMIN", period)).isNotEmpty();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/board/pack.pdf")
                .param("period", period.toString()).with(httpBasic(TestUsers.TEAM, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        for (String bad : List.of("2024-13", "2024-1", "March", "")) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/board/pack.pdf")
                    .param("period", bad).with(httpBasic(TestUsers.BOARD, TestUsers.PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Parameter 'period'")));
        }
    }
}
