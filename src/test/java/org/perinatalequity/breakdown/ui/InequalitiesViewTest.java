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
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Dimension;

import org.springframework.beans.factory.annotation.Autowired;

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
    void shows_the_sii_and_ranks_areas_by_value() {
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
            assertThat(ranked.get(i - 1).value()).isGreaterThanOrEqualTo(ranked.get(i).value());
        }
        assertThat(ranked).extracting(BreakdownResult.Row::group).contains("Leicester", "Leicestershire");
        assertThat(ranked).allMatch(r -> r.numerator() % 5 == 0);
    }

    @Test
    void compares_each_group_over_time_on_one_chart_with_the_same_numbers_in_the_table() {
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
}
