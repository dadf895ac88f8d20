package org.perinatalequity.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.SystemCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

/**
 * Every routed view × every kind of user, through Vaadin's own navigation access control: the user
 * lands on the view when the role allows it, on "Not available to you" (or, for the start page, her
 * team's page for a team user and "Your access" for anyone else) when it does not, and on the login page when nobody is signed in. The expectations are the
 * table below, written from DESIGN.md section 6 and docs/security.md, not read from the views'
 * annotations; the discovered routes are checked against the table so that a new view cannot go
 * untested.
 */
@SampleDataTest
class ViewAccessTest extends SampleDataViewTest {

    /** Who navigates: each role of the design, the analyst with and without record access, and nobody. */
    enum Who {
        ADMIN(TestUsers.ADMIN, List.of("ADMIN"), List.of()),
        ANALYST_RECORDS(TestUsers.ANALYST, List.of("ANALYST", "RECORD_ACCESS"), List.of()),
        ANALYST(TestUsers.ANALYST_AGGREGATES, List.of("ANALYST"), List.of()),
        BOARD(TestUsers.BOARD, List.of("BOARD"), List.of()),
        TEAM(TestUsers.TEAM, List.of("TEAM"), List.of(TestUsers.TEAM_ID)),
        ANONYMOUS(null, List.of(), List.of());

        final String user;
        final List<String> roles;
        final List<String> teams;

        Who(String user, List<String> roles, List<String> teams) {
            this.user = user;
            this.roles = roles;
            this.teams = teams;
        }

        static final Set<Who> SIGNED_IN = Set.of(ADMIN, ANALYST_RECORDS, ANALYST, BOARD, TEAM);
        static final Set<Who> DATA_STAFF = Set.of(ADMIN, ANALYST_RECORDS, ANALYST);
        static final Set<Who> EVERYONE = Set.of(values());
    }

    /** Where a navigation ends. */
    enum Landing {
        VIEW, ACCESS_DENIED, YOUR_ACCESS, TEAM_PAGE, LOGIN
    }

    /** A row of the access table: a route, the view it opens with its heading, and who may open it. */
    record Page(String route, String view, String heading, Set<Who> allowed, Landing refusedSignedIn) {

        Landing expected(Who who) {
            if (allowed.contains(who)) {
                return Landing.VIEW;
            }
            if (who == Who.ANONYMOUS) {
                return Landing.LOGIN;
            }
            // A team user's start page is her team's: its worklist is her work.
            return refusedSignedIn == Landing.YOUR_ACCESS && who == Who.TEAM ? Landing.TEAM_PAGE : refusedSignedIn;
        }
    }

    private static final String UI_PACKAGE = "org.perinatalequity.";

    /** The access table. */
    private static final List<Page> PAGES = List.of(
            new Page("", UI_PACKAGE + "ingest.ui.DataLoadedView", "Data loaded", Who.DATA_STAFF, Landing.YOUR_ACCESS),
            new Page("data", UI_PACKAGE + "ingest.ui.DataLoadedView", "Data loaded", Who.DATA_STAFF,
                    Landing.ACCESS_DENIED),
            new Page("linkage", UI_PACKAGE + "reference.ui.LinkageView", "Linkage report", Who.DATA_STAFF,
                    Landing.ACCESS_DENIED),
            new Page("board", UI_PACKAGE + "board.ui.BoardView", "Board overview", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            new Page("action-plan", UI_PACKAGE + "board.ui.ActionPlanView", "Action plan", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            new Page("calculator", UI_PACKAGE + "calculator.ui.CalculatorView", "Statistics calculator", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            new Page("explorer", UI_PACKAGE + "breakdown.ui.ExplorerView", "Explorer", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            new Page("inequalities", UI_PACKAGE + "breakdown.ui.InequalitiesView", "Inequalities", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            new Page("neighbourhoods", UI_PACKAGE + "breakdown.ui.NeighbourhoodsView", "Neighbourhoods", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            new Page("quality", UI_PACKAGE + "quality.ui.QualityOverviewView", "Data quality", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            new Page("quality/team/" + TestUsers.TEAM_ID, UI_PACKAGE + "quality.ui.TeamQualityView",
                    "Data quality: team " + TestUsers.TEAM_ID, Who.SIGNED_IN, Landing.ACCESS_DENIED),
            new Page("workforce", UI_PACKAGE + "workforce.ui.WorkforceEqualityView", "Workforce equality", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            new Page("representation", UI_PACKAGE + "workforce.ui.RepresentationView", "Representation", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            // Staff-level HR data: the WORKFORCE role only, which none of the users above holds.
            new Page("workforce/staff", UI_PACKAGE + "workforce.ui.WorkforceStaffView", "Workforce staff list", Set.of(),
                    Landing.ACCESS_DENIED),
            new Page("audit", UI_PACKAGE + "security.ui.AuditLogView", "Audit log", Set.of(Who.ADMIN),
                    Landing.ACCESS_DENIED),
            new Page("account", UI_PACKAGE + "security.ui.AccountView", "Your access", Who.SIGNED_IN,
                    Landing.ACCESS_DENIED),
            new Page("login", UI_PACKAGE + "security.ui.LoginView", "Perinatal Equity Dashboard", Who.EVERYONE,
                    Landing.ACCESS_DENIED));

    /** The side menu each role should see, in menu order. */
    private static final Map<Who, List<String>> MENUS = Map.of(
            Who.ADMIN, List.of("Board overview", "Action plan", "Data loaded", "Linkage report", "Explorer",
                    "Inequalities", "Neighbourhoods", "Data quality", "Workforce equality", "Representation", "Statistics calculator", "Audit log", "Your access"),
            Who.ANALYST_RECORDS, List.of("Board overview", "Action plan", "Data loaded", "Linkage report", "Explorer",
                    "Inequalities", "Neighbourhoods", "Data quality", "Workforce equality", "Representation", "Statistics calculator", "Your access"),
            Who.ANALYST, List.of("Board overview", "Action plan", "Data loaded", "Linkage report", "Explorer",
                    "Inequalities", "Neighbourhoods", "Data quality", "Workforce equality", "Representation", "Statistics calculator", "Your access"),
            Who.BOARD, List.of("Board overview", "Action plan", "Explorer", "Inequalities", "Neighbourhoods", "Data quality",
                    "Workforce equality", "Representation", "Statistics calculator", "Your access"),
            Who.TEAM, List.of("Board overview", "Action plan", "Explorer", "Inequalities", "Neighbourhoods", "Data quality",
                    "Workforce equality", "Representation", "Statistics calculator", "Your access"));

    @Autowired
    BreakdownService breakdowns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    QualityService quality;

    private static void signIn(Who who) {
        if (who != Who.ANONYMOUS) {
            TestUsers.karibuLogin(who.user, who.roles, who.teams);
        }
    }

    static Stream<Arguments> matrix() {
        return PAGES.stream().flatMap(page -> Arrays.stream(Who.values()).map(who -> Arguments.of(page, who)));
    }

    @Test
    void theTableCoversEveryRoutedView() {
        Set<String> routed = ROUTES.getRoutes().stream().map(Class::getName).collect(Collectors.toSet());
        Set<String> tabled = PAGES.stream().map(Page::view).collect(Collectors.toSet());
        assertThat(tabled).containsExactlyInAnyOrderElementsOf(routed);
        assertThat(routed).hasSize(16);
    }

    @ParameterizedTest(name = "/{0} as {1}")
    @MethodSource("matrix")
    void eachUserLandsWhereTheTableSays(Page page, Who who) {
        signIn(who);
        UI.getCurrent().navigate(page.route());
        Component current = UI.getCurrent().getCurrentView();
        Landing expected = page.expected(who);
        switch (expected) {
            case VIEW -> {
                assertThat(ClassUtils.getUserClass(current).getName()).isEqualTo(page.view());
                assertThat(_get(H1.class).getText()).isEqualTo(page.heading());
            }
            case ACCESS_DENIED -> {
                assertThat(current).isInstanceOf(AccessDeniedView.class);
                assertThat(_get(H1.class).getText()).isEqualTo("Not available to you");
                assertThat(_find(H1.class)).extracting(H1::getText).doesNotContain(page.heading());
            }
            case YOUR_ACCESS -> {
                assertThat(current).isInstanceOf(AccountView.class);
                assertThat(_get(H1.class).getText()).isEqualTo("Your access");
            }
            case TEAM_PAGE -> {
                assertThat(ClassUtils.getUserClass(current).getName()).isEqualTo(UI_PACKAGE + "quality.ui.TeamQualityView");
                assertThat(_get(H1.class).getText()).isEqualTo("Data quality: team " + TestUsers.TEAM_ID);
                _get(Grid.class, spec -> spec.withId("worklist-grid"));
            }
            case LOGIN -> {
                assertThat(current).isInstanceOf(LoginView.class);
                _get(LoginForm.class);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = "ANONYMOUS", mode = EnumSource.Mode.EXCLUDE)
    void theMenuListsOnlyThePagesTheRoleMayOpen(Who who) {
        signIn(who);
        UI.getCurrent().navigate("account");
        SideNav nav = (SideNav) _get(Scroller.class).getContent();
        List<String> labels = nav.getItems().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).containsExactlyElementsOf(MENUS.get(who));
        // Every entry listed opens for this role, by the table above.
        for (SideNavItem item : nav.getItems()) {
            Page page = PAGES.stream().filter(p -> p.route().equals(item.getPath())).findFirst().orElseThrow();
            assertThat(page.allowed()).as(item.getPath()).contains(who);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = "ANONYMOUS", mode = EnumSource.Mode.EXCLUDE)
    void theTeamWorklistIsRecordLevelForItsTeamAndRecordAccessOnlyAndEachViewIsAudited(Who who) {
        boolean seesRecords = who == Who.TEAM || who == Who.ANALYST_RECORDS;
        long viewsBefore = recordViews(who.user);
        signIn(who);
        UI.getCurrent().navigate("quality/team/" + TestUsers.TEAM_ID);

        assertThat(_find(Grid.class, spec -> spec.withId("worklist-grid"))).hasSize(seesRecords ? 1 : 0);
        if (seesRecords) {
            Grid<?> worklist = _get(Grid.class, spec -> spec.withId("worklist-grid"));
            assertThat(GridKt._size(worklist)).isPositive();
            assertThat(recordViews(who.user)).isEqualTo(viewsBefore + 1);
            assertThat(jdbc.sql("""
                    SELECT target || '|' || record_count FROM audit_event WHERE action = 'record_view'
                    AND user_name = ? ORDER BY event_id DESC LIMIT 1""").param(who.user).query(String.class).single())
                    .isEqualTo("worklist:" + TestUsers.TEAM_ID + "|" + GridKt._size(worklist));
        } else {
            assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anyMatch(
                    t -> t.contains("open only to team " + TestUsers.TEAM_ID + " and to analysts with record access"));
            assertThat(recordViews(who.user)).isEqualTo(viewsBefore);
        }
    }

    @Test
    void aTeamUserSeesNoWorklistOfAnotherTeam() {
        String other = quality.teams().stream().filter(t -> !t.equals(TestUsers.TEAM_ID)).findFirst().orElseThrow();
        signIn(Who.TEAM);
        UI.getCurrent().navigate("quality/team/" + other);
        assertThat(_get(H1.class).getText()).isEqualTo("Data quality: team " + other);
        assertThat(_find(Grid.class, spec -> spec.withId("worklist-grid"))).isEmpty();
    }

    // ------------------------------------------------------------------ suppression by role

    private static final String MEASURE = "smoking_delivery";

    @SuppressWarnings("unchecked")
    private static List<BreakdownResult.Row> explorerRows() {
        Grid<BreakdownResult.Row> table = _get(Grid.class, spec -> spec.withId("breakdown-table"));
        List<BreakdownResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(table); i++) {
            rows.add(GridKt._get(table, i));
        }
        return rows;
    }

    private BreakdownResult team(boolean suppress) {
        return SystemCaller.call(() -> breakdowns.breakdown(new BreakdownRequest(MEASURE, Dimension.TEAM, null, null,
                null, Map.of(), suppress, null)));
    }

    /** The service itself, not only the pages and the API, keeps suppression on for anyone but an analyst. */
    @Test
    void theBreakdownServiceKeepsSuppressionOnForEveryoneButAnalysts() {
        BreakdownResult suppressed = team(true);
        BreakdownResult raw = team(false);
        assertThat(raw.rows()).isNotEqualTo(suppressed.rows());
        BreakdownRequest unsuppressed = new BreakdownRequest(MEASURE, Dimension.TEAM, null, null, null, Map.of(),
                false, null);
        for (List<String> roles : List.of(List.of("BOARD"), List.of("TEAM"), List.of("ADMIN"),
                List.of("ANALYST", "BOARD"))) {
            TestUsers.karibuLogin("someone", roles, List.of(TestUsers.TEAM_ID));
            BreakdownResult answer = breakdowns.breakdown(unsuppressed);
            assertThat(answer.suppressed()).as(roles.toString()).isTrue();
            assertThat(answer.rows()).as(roles.toString()).isEqualTo(suppressed.rows());
            assertThat(breakdowns.trend(MEASURE, Dimension.QUARTER, Map.of(), false).suppressed()).isTrue();
        }
        TestUsers.karibuLogin(TestUsers.ANALYST, List.of("ANALYST"), List.of());
        assertThat(breakdowns.breakdown(unsuppressed).rows()).isEqualTo(raw.rows());
        assertThat(breakdowns.trend(MEASURE, Dimension.QUARTER, Map.of(), false).suppressed()).isFalse();
    }

    @Test
    void aBoardMemberCannotSwitchSuppressionOffInTheExplorerEvenThroughTheUrl() {
        BreakdownResult suppressed = team(true);
        BreakdownResult raw = team(false);
        // Else the test could not tell the two apart.
        assertThat(raw.rows()).isNotEqualTo(suppressed.rows());

        signIn(Who.BOARD);
        UI.getCurrent().navigate("explorer", QueryParameters.fromString("measure=" + MEASURE + "&by=team&suppress=false"));
        Checkbox suppress = _get(Checkbox.class, spec -> spec.withLabel("Suppress small numbers"));
        assertThat(suppress.getValue()).isTrue();
        assertThat(suppress.isEnabled()).isFalse();
        assertThat(suppress.getHelperText()).isEqualTo("Always on for this role");
        assertThat(explorerRows()).isEqualTo(suppressed.rows());
    }

    @Test
    void anAnalystMaySwitchSuppressionOffInTheExplorer() {
        signIn(Who.ANALYST);
        UI.getCurrent().navigate("explorer", QueryParameters.fromString("measure=" + MEASURE + "&by=team&suppress=false"));
        Checkbox suppress = _get(Checkbox.class, spec -> spec.withLabel("Suppress small numbers"));
        assertThat(suppress.getValue()).isFalse();
        assertThat(suppress.isEnabled()).isTrue();
        assertThat(explorerRows()).isEqualTo(team(false).rows());
    }

    @Test
    void theInequalitiesPageOffersNoSuppressionSwitchAndRanksSuppressedAreas() {
        signIn(Who.BOARD);
        UI.getCurrent().navigate("inequalities");
        assertThat(_find(Checkbox.class)).extracting(Checkbox::getLabel).doesNotContain("Suppress small numbers");
        @SuppressWarnings("unchecked")
        Measure measure = (Measure) _get(ComboBox.class, spec -> spec.withId("inequality-measure")).getValue();
        @SuppressWarnings("unchecked")
        Grid<BreakdownResult.Row> ranking = _get(Grid.class, spec -> spec.withId("area-ranking"));
        List<BreakdownResult.Row> shown = new ArrayList<>();
        for (int i = 0; i < GridKt._size(ranking); i++) {
            shown.add(GridKt._get(ranking, i));
        }
        BreakdownRequest districts = new BreakdownRequest(measure.id(), Dimension.POSTCODE_DISTRICT, null, null,
                null, Map.of(), true, null);
        BreakdownResult suppressed = SystemCaller.call(() -> breakdowns.breakdown(districts));
        BreakdownResult raw = SystemCaller.call(() -> breakdowns.breakdown(new BreakdownRequest(measure.id(),
                Dimension.POSTCODE_DISTRICT, null, null, null, Map.of(), false, null)));
        assertThat(shown).isNotEmpty().allMatch(r -> suppressed.rows().contains(r));
        assertThat(raw.rows()).isNotEqualTo(suppressed.rows());
    }

    private long recordViews(String user) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND user_name = ?")
                .params(AuditService.RECORD_VIEW, user).query(Long.class).single();
    }
}
