package org.perinatalequity.breakdown.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.breakdown.BreakdownMaps;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.measures.Dimension;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;

import org.springframework.beans.factory.annotation.Autowired;

/** The Neighbourhoods page on the sample: the map, its legend, and the same rows in the table. */
@SampleDataTest
class NeighbourhoodsViewTest extends SampleDataViewTest {

    @Autowired
    BreakdownService service;

    @BeforeEach
    void signIn() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
    }

    @Test
    void mapsTheMeasureBesideTheSameNumbers() {
        UI.getCurrent().navigate("neighbourhoods");
        NeighbourhoodsView view = _get(NeighbourhoodsView.class);

        assertThat(view.measure.getValue().id()).isEqualTo("preterm");
        assertThat(view.level.getValue()).isEqualTo(BreakdownMaps.MapLevel.NEIGHBOURHOOD);
        view.level.setValue(BreakdownMaps.MapLevel.LSOA);
        String svg = _get(view.map, Html.class).getInnerHtml();
        assertThat(Pattern.compile("<path id=\"E01\\d{6}\"").matcher(svg).results().count()).isEqualTo(611);
        assertThat(svg).contains("class=\"legend-class\"");
        BreakdownResult lsoas = service.breakdown(new BreakdownRequest("preterm", Dimension.LSOA, null, null, null,
                Map.of(), true, null));
        List<BreakdownResult.Row> shown = GridKt._fetch(view.table, 0, 1000);
        assertThat(shown).containsExactlyInAnyOrderElementsOf(lsoas.rows());
        assertThat(_find(view.downloads, Anchor.class)).extracting(Anchor::getText)
                .containsExactly("Download SVG", "Download PNG");

        assertThat(view.level.getListDataView().getItems().map(NeighbourhoodsView::levelLabel).toList())
                .containsExactly("LSOA", "MSOA", "Ward", "Neighbourhood", "Place");
        view.level.setValue(BreakdownMaps.MapLevel.NEIGHBOURHOOD);
        String neighbourhoods = _get(view.map, Html.class).getInnerHtml();
        assertThat(Pattern.compile("<path id=\"LLR-N\\d{2}\"").matcher(neighbourhoods).results().count())
                .isEqualTo(45);
        assertThat(neighbourhoods).contains("<title>Leicester neighbourhood 1 (LLR-N01): ");
        assertThat(GridKt._fetch(view.table, 0, 100)).extracting(BreakdownResult.Row::label)
                .contains("Leicester neighbourhood 1 (LLR-N01)");

        // Adjusted for maternal age: the map is coloured by the standardised ratio, the table shows it
        view.adjusted.setValue(true);
        assertThat(_get(view.map, Html.class).getInnerHtml()).contains("adjusted for maternal age");
        assertThat(view.table.getColumnByKey("ratio").isVisible()).isTrue();
        BreakdownResult.Row first = GridKt._fetch(view.table, 0, 100).stream()
                .filter(r -> !r.group().equals("Unknown") && r.ratio() != null).findFirst().orElseThrow();
        assertThat(first.adjusted().expected()).isPositive();
        view.adjusted.setValue(false);

        view.level.setValue(BreakdownMaps.MapLevel.PLACE);
        assertThat(_get(view.map, Html.class).getInnerHtml()).contains("<path id=\"Leicester\"");
        assertThat(GridKt._fetch(view.table, 0, 100)).extracting(BreakdownResult.Row::group)
                .contains("Leicester", "Leicestershire", "Rutland");
    }
}
