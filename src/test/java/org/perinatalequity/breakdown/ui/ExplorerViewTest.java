package org.perinatalequity.breakdown.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.breakdown.BreakdownChartData;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownCharts;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Dimension;

import org.springframework.beans.factory.annotation.Autowired;

/** The explorer on the sample data: URL state round-trips, choices change the query, downloads match. */
@SampleDataTest
class ExplorerViewTest extends SampleDataViewTest {

    @Autowired
    BreakdownService service;

    @BeforeEach
    void signIn() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
    }

    @SuppressWarnings("unchecked")
    private static Grid<BreakdownResult.Row> table() {
        return _get(Grid.class, spec -> spec.withId("breakdown-table"));
    }

    @Test
    void theUrlStateOpensTheSameViewAndSurvivesARoundTrip() {
        UI.getCurrent().navigate("explorer", QueryParameters.fromString("measure=breastmilk_first_feed"
                + "&by=imd_quintile&place=Leicester&from=2023-04&to=2024-03"));
        ExplorerView view = _get(ExplorerView.class);

        ExplorerState state = view.state();
        assertThat(state.measure()).isEqualTo("breastmilk_first_feed");
        assertThat(state.by()).isEqualTo(Dimension.IMD_QUINTILE);
        assertThat(state.filters()).containsEntry(Dimension.PLACE, List.of("Leicester"));
        assertThat(ExplorerState.fromParameters(state.toParameters())).isEqualTo(state);

        Grid<BreakdownResult.Row> table = table();
        BreakdownResult expected = service.breakdown(state.toRequest());
        assertThat(GridKt._size(table)).isEqualTo(expected.rows().size());
        assertThat(GridKt._get(table, 0).group()).isEqualTo("1");
        assertThat(GridKt._get(table, 0).value()).isEqualTo(expected.rows().get(0).value());
        assertThat(view.state().suppress()).as("a board member: suppression stays on").isTrue();

        // The trend under the table: a Making Data Count chart of the same filtered months, in words and in rows
        TrendResult months = service.trend("breastmilk_first_feed", Dimension.MONTH, state.filters(), true);
        String svg = _get(_get(Div.class, spec -> spec.withId("trend-chart")), Html.class)
                .getInnerHtml();
        assertThat(svg).contains("<title", "First feed breast milk: SPC chart");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .contains("Chart in words: " + Charts.spcChart(BreakdownChartData.trend(months),
                        BreakdownChartData.measure(service.measure("breastmilk_first_feed")), 800, 320).description());
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("trend-table")))).isEqualTo(
                months.points().size());
    }

    @Test
    void choosingABreakdownAndAFilterChangesTheQueryAndTheUrl() {
        UI.getCurrent().navigate("explorer");
        ExplorerView view = _get(ExplorerView.class);
        ExplorerControls controls = _get(ExplorerControls.class);

        controls.by.setValue(Dimension.TEAM);
        controls.filterDimension.setValue(Dimension.ETHNIC_GROUP);
        controls.filterValues.select("Black or Black British");

        assertThat(view.state().by()).isEqualTo(Dimension.TEAM);
        assertThat(view.state().filters()).containsEntry(Dimension.ETHNIC_GROUP, List.of("Black or Black British"));
        BreakdownResult expected = service.breakdown(view.state().toRequest());
        assertThat(GridKt._size(table())).isEqualTo(expected.rows().size());
        assertThat(GridKt._get(table(), 0).group()).isEqualTo(expected.rows().get(0).group());
        assertThat(view.state().toParameters()).containsEntry("by", List.of("team"))
                .containsEntry("ethnic_group", List.of("Black or Black British"));
    }

    @Test
    void aGeographicBreakdownIsMappedBesideTheTableAndOthersAreNot() {
        UI.getCurrent().navigate("explorer", QueryParameters.fromString("measure=preterm&by=ward"));
        ExplorerView view = _get(ExplorerView.class);

        assertThat(view.map.isVisible()).isTrue();
        String svg = _get(view.map, Html.class).getInnerHtml();
        assertThat(java.util.regex.Pattern.compile("<path id=\"E05\\d{6}\"").matcher(svg).results().count())
                .isEqualTo(208);
        BreakdownResult.Row row = service.breakdown(view.state().toRequest()).rows().stream()
                .filter(r -> !r.group().equals("Unknown") && r.value() != null).findFirst().orElseThrow();
        assertThat(svg).contains("<title>" + row.groupName() + " (" + row.group() + "): ");
        assertThat(_find(Anchor.class).stream().map(Anchor::getText)).contains("Download map (SVG)");

        _get(ExplorerControls.class).by.setValue(Dimension.TEAM);
        assertThat(view.map.isVisible()).isFalse();
        assertThat(_find(Anchor.class).stream().map(Anchor::getText)).doesNotContain("Download map (SVG)");
    }

    @Test
    void theCsvDownloadHoldsExactlyTheRowsShown() {
        UI.getCurrent().navigate("explorer", QueryParameters.fromString("measure=smoking_delivery&by=place"));
        ExplorerView view = _get(ExplorerView.class);
        BreakdownResult shown = service.breakdown(view.state().toRequest());

        StringWriter csv = new StringWriter();
        service.writeCsv(shown, csv);
        List<String> lines = csv.toString().lines().toList();

        assertThat(lines).hasSize(1 + 1 + GridKt._size(table()));
        for (int i = 0; i < GridKt._size(table()); i++) {
            assertThat(lines.get(i + 2)).startsWith("smoking_delivery,place," + GridKt._get(table(), i).group() + ",");
        }
    }

    @Test
    void theDefinitionsPanelFollowsTheChosenMeasureAndBreakdown() {
        UI.getCurrent().navigate("explorer", QueryParameters.fromString("measure=stillbirth&by=ethnic_group"));
        ExplorerView view = _get(ExplorerView.class);

        assertThat(view.definition.getSummaryText()).isEqualTo("Definition: Stillbirths");
        String text = view.definition.getElement().getTextRecursively();
        assertThat(text).contains("Unitper 1,000; lower is better")
                .contains("Source" + service.measure("stillbirth").source())
                .contains("Exclusions" + service.measure("stillbirth").exclusions())
                // the measure's own gate and the one an ethnicity breakdown adds
                .contains("Gestation at birth at least 70% valid; Ethnic category at least 70% valid");
    }

    @Test
    void hundredsOfLsoasChartOnlyTheExtremesAndRankTheRestByName() {
        UI.getCurrent().navigate("explorer", QueryParameters.fromString("measure=early_booking&by=lsoa"));
        ExplorerView view = _get(ExplorerView.class);
        BreakdownResult shown = service.breakdown(view.state().toRequest());
        assertThat(shown.rows().size()).isGreaterThan(BreakdownCharts.MANY_GROUPS);

        String words = _find(view, Paragraph.class).stream().map(Paragraph::getText)
                .filter(t -> t.startsWith("Chart in words: ")).findFirst().orElseThrow();
        assertThat(words).contains("the 10 highest and 10 lowest of " + shown.rows().size() + " groups")
                .contains("Every group is in the table.");
        assertThat(words.length()).isLessThan(3000);
        String svg = _find(view, Html.class).get(0).getInnerHtml();
        assertThat(svg.split("class=[\"']whisker[\"']", -1).length - 1).isEqualTo(2 * BreakdownCharts.EXTREMES);

        List<BreakdownResult.Row> rows = GridKt._fetch(table(), 0, 1000);
        assertThat(rows).hasSize(shown.rows().size());
        assertThat(rows.get(0).value()).isEqualTo(shown.rows().stream().filter(r -> r.value() != null)
                .mapToDouble(BreakdownResult.Row::value).max().orElseThrow());
        assertThat(GridKt._getFormattedRow(table(), 0).get(0)).matches(".+ \\d{3}[A-Z] \\(E01\\d+\\)");
    }

    @Test
    void theReferenceRowReadsOneWithNoIntervalAndTheOthersTheirRatio() {
        UI.getCurrent().navigate("explorer", QueryParameters.fromString("measure=preterm&by=place&reference=Leicester"));
        Grid<BreakdownResult.Row> table = table();
        int leicester = -1;
        int rutland = -1;
        for (int i = 0; i < GridKt._size(table); i++) {
            String group = GridKt._get(table, i).group();
            leicester = group.equals("Leicester") ? i : leicester;
            rutland = group.equals("Leicestershire") ? i : rutland;
        }
        assertThat(GridKt._getFormatted(table, leicester, "ratio")).isEqualTo("1.0 (reference)");
        assertThat(GridKt._getFormatted(table, rutland, "ratio")).matches("\\d+\\.\\d \\(\\d+\\.\\d to \\d+\\.\\d\\)");
    }

    /** The "adjusted for maternal age" choice: the standardised columns, labelled, and back in the URL. */
    @Test
    void adjustedForMaternalAgeShowsObservedExpectedAndTheRatio() {
        UI.getCurrent().navigate("explorer", QueryParameters.fromString("measure=caesarean&by=place"));
        ExplorerView view = _get(ExplorerView.class);
        ExplorerControls controls = _get(ExplorerControls.class);
        assertThat(table().getColumnByKey("standardisedRatio").isVisible()).isFalse();

        controls.adjust.setValue(true);
        assertThat(view.state().adjust()).isEqualTo(org.perinatalequity.breakdown.Adjustment.MATERNAL_AGE);
        assertThat(view.state().toParameters()).containsEntry("adjust", List.of("maternal_age"));
        assertThat(ExplorerState.fromParameters(view.state().toParameters())).isEqualTo(view.state());
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withText(
                "Caesarean births by place, adjusted for maternal age"))).isNotNull();
        Grid<BreakdownResult.Row> table = table();
        assertThat(table.getColumnByKey("standardisedRatio").isVisible()).isTrue();
        BreakdownResult expected = service.breakdown(view.state().toRequest());
        BreakdownResult.Row first = expected.rows().get(0);
        assertThat(GridKt._get(table, 0).group()).isEqualTo(first.group());
        assertThat(GridKt._getFormatted(table, 0, "standardisedRatio")).isEqualTo(String.format(java.util.Locale.UK,
                "%.2f (%.2f to %.2f)", first.ratio(), first.ratioLower95(), first.ratioUpper95()));
        assertThat(GridKt._getFormatted(table, 0, "observed")).isEqualTo(String.format(java.util.Locale.UK, "%,.0f",
                first.adjusted().observed()));

        // A reference group takes the ratio column back: the adjustment is dropped.
        controls.reference.setValue("Leicester");
        assertThat(view.state().adjust()).isNull();
        assertThat(controls.adjust.getValue()).isFalse();
    }
}
