package org.perinatalequity.breakdown.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownCharts;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Dimension;

import org.springframework.beans.factory.annotation.Autowired;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.perinatalequity.security.AuditFilter;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.stats.Comparison;

/** The inequalities page on the sample data: SII text, ranking of areas, and switching the measure and area level. */
@SampleDataTest
class InequalitiesViewTest extends SampleDataViewTest {

    @Autowired
    BreakdownService service;

    @BeforeEach
    void signIn() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
    }

    @Test
    void showsTheSiiAndRanksAreasByValue() {
        UI.getCurrent().navigate("inequalities");
        InequalitiesView view = _get(InequalitiesView.class);

        view.measure.setValue(service.measure("smoking_delivery"));
        view.area.setValue(Dimension.PLACE);

        BreakdownResult deciles = service.breakdown(new BreakdownRequest("smoking_delivery", Dimension.IMD_DECILE, null,
                null, null, Map.of(), true, null));
        assertThat(view.siiText.getText()).startsWith("Slope index of inequality "
                + Formats.value(deciles.inequality().sii()));
        // the board's sentence, with the direction the SII's sign gives (least minus most deprived)
        double sii = deciles.inequality().sii();
        assertThat(view.siiText.getText()).contains("least minus most deprived, so most deprived "
                + Formats.value(Math.abs(sii)) + " percentage points " + (sii < 0 ? "higher" : "lower")
                + " than least deprived.");
        assertThat(InequalitiesView.siiSentence(-2.94, "%"))
                .isEqualTo("most deprived " + Formats.value(2.94) + " percentage points higher than least deprived");
        assertThat(InequalitiesView.siiSentence(1.5, "per 1,000"))
                .isEqualTo("most deprived " + Formats.value(1.5) + " per 1,000 lower than least deprived");
        List<BreakdownResult.Row> ranked = GridKt._fetch(view.ranking, 0, 100);
        assertThat(ranked).isNotEmpty();
        for (int i = 1; i < ranked.size(); i++) {
            if (ranked.get(i).value() != null) { // suppressed rows come last
                assertThat(ranked.get(i - 1).value()).isGreaterThanOrEqualTo(ranked.get(i).value());
            }
        }
        assertThat(ranked).extracting(BreakdownResult.Row::group).contains("Leicester", "Leicestershire");
        assertThat(ranked).allMatch(r -> r.numerator() % 5 == 0);
    }

    @Test
    void comparesEachGroupOverTimeOnOneChartWithTheSameNumbersInTheTable() {
        UI.getCurrent().navigate("inequalities");
        InequalitiesView view = _get(InequalitiesView.class);
        view.measure.setValue(service.measure("early_booking"));

        Map<String, TrendResult> quintiles = service.trendsByGroup("early_booking", Dimension.QUARTER,
                Dimension.IMD_QUINTILE, Map.of(), true);
        assertThat(quintiles.keySet()).containsExactly("1", "2", "3", "4", "5", "Unknown");
        List<InequalitiesView.TrendRow> rows = GridKt._fetch(view.overTimeTable, 0, 1000);
        assertThat(rows).hasSize(quintiles.values().stream().mapToInt(t -> t.points().size()).sum());
        InequalitiesView.TrendRow first = rows.get(0);
        assertThat(first.group()).isEqualTo("1");
        assertThat(first.point()).isEqualTo(quintiles.get("1").points().get(0));
        // Each group's trend is that of the breakdown filtered to the group, suppressed
        TrendResult most = service.trend("early_booking", Dimension.QUARTER,
                Map.of(Dimension.IMD_QUINTILE, List.of("1")), true);
        assertThat(quintiles.get("1")).isEqualTo(most);
        assertThat(most.suppressed()).isTrue();

        assertThat(_find(view, Html.class)).extracting(Html::getInnerHtml)
                .anySatisfy(svg -> assertThat(svg).contains("Booked by 10 weeks by quarter and IMD quintile")
                        .contains(">Quintile 1: ", ">Quintile 5: ", ">Unknown: "));

        view.overTimeBy.setValue(Dimension.ETHNIC_GROUP);
        assertThat(GridKt._fetch(view.overTimeTable, 0, 1000)).extracting(InequalitiesView.TrendRow::group)
                .contains("White", "Asian or Asian British", "Black or Black British").doesNotContain("1");
    }

    @Test
    void theDefinitionsPanelShowsWhatTheMeasureCountsAndItsGate() {
        UI.getCurrent().navigate("inequalities");
        InequalitiesView view = _get(InequalitiesView.class);
        view.measure.setValue(service.measure("preterm"));

        DefinitionPanel panel = view.definition;
        assertThat(panel.getSummaryText()).isEqualTo("Definition: Preterm births");
        String text = panel.getElement().getTextRecursively();
        var preterm = service.measure("preterm");
        assertThat(text).contains("Numerator" + preterm.numeratorLabel())
                .contains("Denominator" + preterm.denominatorLabel())
                .contains("SourceCQIM: CQIMPreterm")
                .contains("Exclusions" + preterm.exclusions())
                .contains("Gestation at birth at least 70% valid")
                .contains(preterm.planItems().get(0));

        view.measure.setValue(service.measure("pcsp_recorded"));
        assertThat(panel.getSummaryText()).isEqualTo("Definition: Personalised care and support plan recorded");
    }

    private static String svgContaining(InequalitiesView view, String part) {
        return _find(view, Html.class).stream().map(Html::getInnerHtml).filter(h -> h.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart containing " + part));
    }

    @Test
    void theUrlStateOpensTheSamePageAndSurvivesARoundTrip() {
        UI.getCurrent().navigate("inequalities", QueryParameters.fromString("measure=stillbirth&from=2023-04"
                + "&to=2024-09&place=Leicester&area=local_authority&over=ethnic_group"));
        InequalitiesView view = _get(InequalitiesView.class);

        InequalitiesState state = view.state();
        assertThat(state.measure()).isEqualTo("stillbirth");
        assertThat(state.from()).isEqualTo(YearMonth.of(2023, 4));
        assertThat(state.to()).isEqualTo(YearMonth.of(2024, 9));
        assertThat(state.filters()).containsEntry(Dimension.PLACE, List.of("Leicester"));
        assertThat(state.area()).isEqualTo(Dimension.LOCAL_AUTHORITY);
        assertThat(state.over()).isEqualTo(Dimension.ETHNIC_GROUP);
        assertThat(InequalitiesState.fromParameters(state.toParameters(), InequalitiesView.AREAS,
                InequalitiesView.OVER_TIME)).isEqualTo(state);
        assertThat(view.measure.getValue().id()).isEqualTo("stillbirth");
        assertThat(view.from.getValue()).isEqualTo(YearMonth.of(2023, 4));
        assertThat(view.filterDimension.getValue()).isEqualTo(Dimension.PLACE);
        assertThat(view.filterValues.getValue()).containsExactly("Leicester");

        // Every analysis is of that period and those filters
        BreakdownResult expected = service.breakdown(new BreakdownRequest("stillbirth", Dimension.IMD_DECILE, null,
                YearMonth.of(2023, 4), YearMonth.of(2024, 9), Map.of(Dimension.PLACE, List.of("Leicester")), true, null));
        assertThat(view.deciles).isEqualTo(expected);
        assertThat(view.areas.by()).isEqualTo("local_authority");
        assertThat(view.areas.rows()).extracting(BreakdownResult.Row::group).containsOnly("E06000016");
        assertThat(view.trends).isEqualTo(service.trendsByGroup("stillbirth", Dimension.QUARTER,
                Dimension.ETHNIC_GROUP, Map.of(Dimension.PLACE, List.of("Leicester")), true));

        // A choice changes the state (and so the URL)
        view.to.setValue(YearMonth.of(2024, 3));
        assertThat(view.state().to()).isEqualTo(YearMonth.of(2024, 3));
        assertThat(view.state().toParameters()).containsEntry("to", List.of("2024-03"))
                .containsEntry("measure", List.of("stillbirth")).containsEntry("place", List.of("Leicester"));
        assertThat(view.deciles.to()).isEqualTo("2024-03");
    }

    @Test
    void aRareOutcomePublishesItsSiiFromTrueCountsAndDrawsNoLineItDoesNotGive() {
        UI.getCurrent().navigate("inequalities", QueryParameters.fromString("measure=stillbirth"));
        InequalitiesView view = _get(InequalitiesView.class);

        BreakdownResult deciles = view.deciles;
        assertThat(deciles.rows()).anyMatch(BreakdownResult.Row::suppressed); // hidden deciles (1-7 stillbirths)
        assertThat(deciles.inequality()).isNotNull();
        assertThat(view.siiText.getText()).startsWith("Slope index of inequality "
                + Formats.value(deciles.inequality().sii())).contains("true counts");
        // the hidden deciles stay hidden, and no fitted line is drawn over points that are not shown
        assertThat(deciles.rows().stream().filter(BreakdownResult.Row::suppressed)).allMatch(r -> r.value() == null);
        String slope = svgContaining(view, "slope index of inequality");
        assertThat(slope).doesNotContain("fitted-line").contains("SII ");
    }

    @Test
    void theHeatMapColoursEachCellByItsComparisonWithTheLmns() {
        UI.getCurrent().navigate("inequalities", QueryParameters.fromString("measure=breastmilk_first_feed"));
        InequalitiesView view = _get(InequalitiesView.class);

        String heat = svgContaining(view, "cell value");
        List<BreakdownResult.Row> cells = view.ethnicityByQuintile.rows().stream()
                .filter(r -> !r.suppressed() && r.value() != null).toList();
        assertThat(cells).extracting(BreakdownResult.Row::comparison).contains(Comparison.BETTER, Comparison.WORSE);
        for (String comparison : List.of("better", "similar", "worse")) {
            long n = cells.stream().filter(r -> comparison.equals(r.comparison().label())).count();
            int classes = heat.split("class=[\"']cell value " + comparison + "[\"']", -1).length - 1;
            assertThat(classes).as(comparison).isEqualTo((int) n);
        }
        // breastfeeding: higher is better, so a "better" cell is above the LMNS and blue, a "worse" one orange
        BreakdownResult.Row better = cells.stream().filter(r -> r.comparison() == Comparison.BETTER).findFirst().orElseThrow();
        assertThat(better.value()).isGreaterThan(view.ethnicityByQuintile.total().value());
        assertThat(heat).containsPattern("class=[\"']cell value better[\"']><rect[^>]*fill:rgb\\(0,94,184\\)")
                .contains("● Better than LMNS").contains("■ Worse than LMNS");
    }

    @Test
    void eachAnalysisDownloadsWhatIsShownAndTheDownloadIsAudited(@Autowired AuditService audit) {
        UI.getCurrent().navigate("inequalities", QueryParameters.fromString("measure=preterm&area=place"));
        InequalitiesView view = _get(InequalitiesView.class);

        byte[] csv = DownloadKt._download(_get(view.areaDownloads, Anchor.class, spec -> spec.withText("Download CSV")));
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2 + view.areas.rows().size());
        assertThat(lines.get(1)).startsWith("preterm,place,Total,");
        byte[] png = DownloadKt._download(_get(view.gridDownloads, Anchor.class, spec -> spec.withText("Download PNG")));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        byte[] svg = DownloadKt._download(_get(view.gradientDownloads, Anchor.class,
                spec -> spec.withText("Download SVG")));
        assertThat(new String(svg, StandardCharsets.UTF_8)).contains("<svg").contains("slope index of inequality");
        byte[] trends = DownloadKt._download(_get(view.overTimeDownloads, Anchor.class,
                spec -> spec.withText("Download CSV")));
        List<String> trendLines = new String(trends, StandardCharsets.UTF_8).lines().toList();
        assertThat(trendLines.get(0)).startsWith("by,group,measure,period,numerator");
        assertThat(trendLines).hasSize(1 + GridKt._size(view.overTimeTable));

        TestUsers.karibuLogin(TestUsers.ADMIN, List.of("ADMIN"), List.of());
        assertThat(audit.find(new AuditFilter(TestUsers.BOARD, AuditService.EXPORT), 10))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("breakdown:preterm"))
                .anySatisfy(e -> assertThat(e.detail()).startsWith("PNG chart by ethnic_group and imd_quintile"))
                .anySatisfy(e -> assertThat(e.target()).isEqualTo("trend:preterm"));
    }

    @Test
    void areasAreNamedAndHundredsOfThemAreRankedWithOnlyTheExtremesCharted() {
        UI.getCurrent().navigate("inequalities", QueryParameters.fromString("measure=early_booking&area=local_authority"));
        InequalitiesView view = _get(InequalitiesView.class);
        List<BreakdownResult.Row> ranked = GridKt._fetch(view.ranking, 0, 100);
        assertThat(ranked).extracting(BreakdownResult.Row::label).contains("Leicester (E06000016)", "Rutland (E06000017)");
        assertThat(GridKt._getFormattedRow(view.ranking, 0).get(0)).contains(" (E0");

        view.area.setValue(Dimension.LSOA);
        BreakdownResult lsoas = view.areas;
        assertThat(lsoas.rows().size()).isGreaterThan(BreakdownCharts.MANY_GROUPS);
        List<BreakdownResult.Row> all = GridKt._fetch(view.ranking, 0, 1000);
        assertThat(all).hasSize(lsoas.rows().size());
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).value() != null) {
                assertThat(all.get(i - 1).value()).isGreaterThanOrEqualTo(all.get(i).value());
            }
        }
        assertThat(all.get(0).groupName()).matches(".+ \\d{3}[A-Z]"); // an LSOA name such as "Leicester 001A"
        // the funnel's words count the areas instead of listing hundreds
        String words = _find(view, com.vaadin.flow.component.html.Paragraph.class).stream()
                .map(com.vaadin.flow.component.html.Paragraph::getText).filter(t -> t.contains("groups shown"))
                .findFirst().orElseThrow();
        assertThat(words.split(";").length).isLessThan(12);
    }
}
