package org.perinatalequity.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouterLink;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.security.AuditEntry;
import org.perinatalequity.security.AuditService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The security package's own pages on the sample data: the audit log lists what was just done, filters it and
 * downloads it (an audited, formula-safe CSV); "Your access" says who you are and what your role allows and
 * nothing else; "Not available to you" explains the refusal, links onward and is itself audited.
 */
@SampleDataTest
class SecurityViewsTest extends SampleDataViewTest {

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    private static void signInAsAdmin() {
        TestUsers.karibuLogin(TestUsers.ADMIN, List.of("ADMIN"), List.of());
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEntry> auditGrid() {
        return _get(Grid.class, spec -> spec.withId("audit-grid"));
    }

    private static List<AuditEntry> rows() {
        Grid<AuditEntry> grid = auditGrid();
        List<AuditEntry> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }

    // ------------------------------------------------------------------ audit log

    @Test
    void aWorklistViewShowsUpInTheAuditLogAndTheFiltersNarrowIt() {
        TestUsers.karibuLogin(TestUsers.TEAM, List.of("TEAM"), List.of(TestUsers.TEAM_ID));
        UI.getCurrent().navigate("quality/team/" + TestUsers.TEAM_ID);
        int shown = GridKt._size(_get(Grid.class, spec -> spec.withId("worklist-grid")));

        signInAsAdmin();
        UI.getCurrent().navigate("audit");
        assertThat(_get(H1.class).getText()).isEqualTo("Audit log");
        AuditEntry newest = rows().get(0);
        assertThat(newest.user()).isEqualTo(TestUsers.TEAM);
        assertThat(newest.action()).isEqualTo(AuditService.RECORD_VIEW);
        assertThat(newest.target()).isEqualTo("worklist:" + TestUsers.TEAM_ID);
        assertThat(newest.recordCount()).isEqualTo((long) shown);
        assertThat(GridKt._getFormattedRow(auditGrid(), 0).subList(1, 6)).containsExactly(TestUsers.TEAM,
                "record_view", "success", "worklist:" + TestUsers.TEAM_ID, String.valueOf(shown));
        List<Long> ids = rows().stream().map(AuditEntry::eventId).toList();
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        _get(TextField.class, spec -> spec.withId("audit-user")).setValue(TestUsers.TEAM.toUpperCase());
        assertThat(rows()).isNotEmpty().allMatch(e -> e.user().equals(TestUsers.TEAM));

        @SuppressWarnings("unchecked")
        ComboBox<String> action = _get(ComboBox.class, spec -> spec.withId("audit-action"));
        action.setValue(AuditService.LOGIN);
        assertThat(rows()).as("the team user never signed in through a form here").isEmpty();
        action.setValue(AuditService.RECORD_VIEW);
        assertThat(rows()).isNotEmpty().allMatch(e -> e.user().equals(TestUsers.TEAM)
                && e.action().equals(AuditService.RECORD_VIEW));

        _get(TextField.class, spec -> spec.withId("audit-user")).clear();
        action.clear();
        assertThat(rows()).extracting(AuditEntry::user).contains(TestUsers.TEAM);
        assertThat(rows().size()).isEqualTo(Math.min(AuditLogView.PAGE_LIMIT, count("true")));
    }

    @Test
    void theCsvDownloadHoldsTheFilteredRowsFormulaSafeAndIsItselfAudited() throws IOException {
        audit.recordAs(TestUsers.BOARD, AuditService.EXPORT, "=HYPERLINK(\"http://evil\")",
                "typed 943 476 5919 at LE1 5WW", 3L, AuditService.Outcome.success);
        signInAsAdmin();
        UI.getCurrent().navigate("audit");
        _get(TextField.class, spec -> spec.withId("audit-user")).setValue(TestUsers.BOARD);
        @SuppressWarnings("unchecked")
        ComboBox<String> action = _get(ComboBox.class, spec -> spec.withId("audit-action"));
        action.setValue(AuditService.EXPORT);
        AuditEntry shown = rows().get(0);
        assertThat(shown.detail()).isEqualTo("typed [number removed] at LE1 ***");

        long exportsBefore = count("action = 'export' AND user_name = '" + TestUsers.ADMIN + "'");
        byte[] bytes = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("audit-csv")));
        List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getRecords();

        assertThat(csv).hasSize(rows().size());
        CSVRecord first = csv.get(0);
        assertThat(first.get("event_id")).isEqualTo(String.valueOf(shown.eventId()));
        assertThat(first.get("user")).isEqualTo(TestUsers.BOARD);
        assertThat(first.get("target")).as("a spreadsheet must not run it").isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(first.get("detail")).isEqualTo("typed [number removed] at LE1 ***");
        assertThat(first.get("record_count")).isEqualTo("3");
        assertThat(csv).allMatch(r -> r.get("user").equals(TestUsers.BOARD) && r.get("action").equals("export"));

        assertThat(count("action = 'export' AND user_name = '" + TestUsers.ADMIN + "'")).isEqualTo(exportsBefore + 1);
        assertThat(jdbc.sql("""
                SELECT target || '|' || detail || '|' || record_count FROM audit_event
                WHERE action = 'export' AND user_name = ? ORDER BY event_id DESC LIMIT 1""")
                .param(TestUsers.ADMIN).query(String.class).single())
                .isEqualTo("audit log CSV|user=" + TestUsers.BOARD + ", action=export|" + csv.size());
    }

    @Test
    void theApplicationStartIsListedWithItsSafetySettings() {
        signInAsAdmin();
        UI.getCurrent().navigate("audit");
        @SuppressWarnings("unchecked")
        ComboBox<String> action = _get(ComboBox.class, spec -> spec.withId("audit-action"));
        action.setValue(AuditService.APP_START);
        AuditEntry start = rows().get(rows().size() - 1);
        assertThat(start.user()).isEqualTo("system");
        assertThat(start.target()).isEqualTo("configuration");
        assertThat(start.detail()).startsWith("profiles default; small numbers suppressed below 8; IMD 2019;"
                + " pseudonymisation key set; users file src/test/resources/security/test-users.csv (8 users);"
                + " OpenID Connect (none); lockout 5 failures in 15m lock for 15m; session timeout 30m; inbox off;")
                .doesNotContain("test-key");
    }

    @Test
    void theUploadsTakeOnlyZipAndCsvFilesUpTo500Megabytes() {
        signInAsAdmin();
        for (String route : List.of("data", "linkage")) {
            UI.getCurrent().navigate(route);
            Upload upload = _get(Upload.class);
            assertThat(upload.getAcceptedFileTypes()).as(route).containsExactlyInAnyOrder(".zip", ".csv");
            assertThat(upload.getMaxFileSize()).as(route).isEqualTo(500 * 1024 * 1024);
        }
    }

    // ------------------------------------------------------------------ your access

    @Test
    void yourAccessNamesTheTeamUserTheRoleAndTheTeamAndNothingMore() {
        TestUsers.karibuLogin(TestUsers.TEAM, List.of("TEAM"), List.of(TestUsers.TEAM_ID));
        UI.getCurrent().navigate("account");
        AccountView view = _get(AccountView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("access-summary")).getText())
                .isEqualTo("Signed in as test-team, with the role TEAM, for team CITY-NORTH.");
        assertThat(_find(view, ListItem.class)).extracting(ListItem::getText).containsExactly(
                "Measures for your area and the data-quality worklists of your own team (CITY-NORTH) only;"
                        + " each view is recorded in the audit log.",
                "The action plan, with where its measures stand (small numbers suppressed).",
                "The statistics calculator, for numbers you type or paste in.");
        assertNothingButText(view);
    }

    @Test
    void yourAccessListsEachRightOfAnAnalystWithRecordAccess() {
        TestUsers.karibuLogin(TestUsers.ANALYST, List.of("ANALYST", "RECORD_ACCESS"), List.of());
        UI.getCurrent().navigate("account");
        AccountView view = _get(AccountView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("access-summary")).getText())
                .isEqualTo("Signed in as test-analyst, with the roles ANALYST, RECORD_ACCESS.");
        assertThat(_find(view, ListItem.class)).extracting(ListItem::getText).containsExactly(
                "Every measure and breakdown; you may switch small-number suppression off for your own analysis.",
                "The data loaded and the linkage report.",
                "Record-level lists (worklists of any team); each view is recorded in the audit log.",
                "The action plan, with where its measures stand (small numbers suppressed).",
                "The statistics calculator, for numbers you type or paste in.");
        assertNothingButText(view);
    }

    @Test
    void yourAccessOfTheBoardAndTheAdmin() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
        UI.getCurrent().navigate("account");
        assertThat(_get(Paragraph.class, spec -> spec.withId("access-summary")).getText())
                .isEqualTo("Signed in as test-board, with the role BOARD.");
        assertThat(_find(_get(AccountView.class), ListItem.class)).extracting(ListItem::getText)
                .containsExactly("KPI and SPC charts with small numbers suppressed; no record-level data.",
                        "The action plan, with where its measures stand (small numbers suppressed).",
                        "The statistics calculator, for numbers you type or paste in.");

        signInAsAdmin();
        UI.getCurrent().navigate("account");
        assertThat(_get(Paragraph.class, spec -> spec.withId("access-summary")).getText())
                .isEqualTo("Signed in as test-admin, with the role ADMIN.");
        assertThat(_find(_get(AccountView.class), ListItem.class)).extracting(ListItem::getText)
                .containsExactly("Loading MSDS extracts and reference data, and the audit log.",
                        "The action plan, with where its measures stand (small numbers suppressed).",
                        "The statistics calculator, for numbers you type or paste in.");
    }

    /** No data, no controls, no links out: the page only describes. */
    private static void assertNothingButText(AccountView view) {
        assertThat(_find(view, Grid.class)).isEmpty();
        assertThat(_find(view, Anchor.class)).isEmpty();
        assertThat(_find(view, RouterLink.class)).isEmpty();
        assertThat(_find(view, Button.class)).isEmpty();
        assertThat(_find(view, Paragraph.class)).hasSize(2);
    }

    // ------------------------------------------------------------------ not available to you

    @Test
    void aRefusedPageExplainsItselfLinksToYourAccessAndIsAudited() {
        long before = count("action = 'access_denied' AND user_name = '" + TestUsers.BOARD + "'");
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
        UI.getCurrent().navigate("audit");

        Component current = UI.getCurrent().getCurrentView();
        assertThat(current).isInstanceOf(AccessDeniedView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Not available to you");
        assertThat(_get(Paragraph.class, spec -> spec.withId("access-denied")).getText())
                .isEqualTo("This page is not part of your role. The menu lists what you can open.");
        RouterLink onward = _get(RouterLink.class, spec -> spec.withText("See what your access includes"));
        assertThat(onward.getHref()).isEqualTo(AccountView.ROUTE);
        assertThat(_find(Grid.class)).as("nothing of the audit log leaks").isEmpty();

        assertThat(count("action = 'access_denied' AND user_name = '" + TestUsers.BOARD + "'")).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                SELECT target || '|' || outcome FROM audit_event WHERE action = 'access_denied' AND user_name = ?
                ORDER BY event_id DESC LIMIT 1""").param(TestUsers.BOARD).query(String.class).single())
                .isEqualTo("view /audit|denied");
    }

    private long count(String where) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE " + where).query(Long.class).single();
    }
}
