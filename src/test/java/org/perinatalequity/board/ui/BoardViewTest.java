package org.perinatalequity.board.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.board.BoardMeasures;
import org.perinatalequity.board.StatusText;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;

import org.springframework.beans.factory.annotation.Autowired;

/** The board overview on the sample data, signed in as a board member: ten cards, suppressed values, gaps. */
@SampleDataTest
class BoardViewTest extends SampleDataViewTest {

    @Autowired
    BreakdownService service;

    @BeforeEach
    void signIn() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }

    @Test
    void there_is_one_card_per_key_measure_under_its_plan_priority() {
        UI.getCurrent().navigate("board");
        _get(BoardView.class);

        List<BoardCard> cards = _find(BoardCard.class);
        assertThat(cards).hasSize(10);
        assertThat(cards).extracting(c -> c.getId().orElseThrow()).containsExactlyElementsOf(
                BoardMeasures.KEY.stream().map(id -> "board-card-" + id).toList());
        assertThat(_find(H3.class)).extracting(H3::getText).contains("Continuity of carer by 29 weeks",
                "Stillbirths", "Postcode linked to deprivation");
        assertThat(_find(H2.class)).extracting(H2::getText)
                .contains(service.measure("continuity_of_carer").planItems().get(0),
                        service.measure("ethnicity_recorded").planItems().get(0))
                .doesNotHaveDuplicates();
        assertThat(_find(Html.class)).hasSize(10);
        assertThat(_get(Button.class, spec -> spec.withId("board-print")).getText()).isEqualTo("Print");
    }

    @Test
    void continuity_of_carer_shows_its_target_variation_and_assurance_in_words() {
        UI.getCurrent().navigate("board");
        TrendResult months = service.trend("continuity_of_carer", Dimension.MONTH, Map.of(), true);

        assertThat(text("board-target-continuity_of_carer")).isEqualTo("Target: 75.0%");
        assertThat(months.assurance()).isNotNull();
        assertThat(text("board-assurance-continuity_of_carer"))
                .isEqualTo(StatusText.assuranceText(months.assurance(), 75.0))
                .startsWith("Assurance: ").containsAnyOf("✓", "✗", "?");
        assertThat(text("board-variation-continuity_of_carer")).isEqualTo(StatusText.variationText(months.variation()))
                .containsAnyOf("▲", "▼", "◆", "●");
        assertThat(text("board-chart-description-continuity_of_carer")).isNotBlank();
        assertThat(text("board-target-did_not_attend")).isEqualTo("Target: none set");
        assertThat(text("board-assurance-did_not_attend")).isEqualTo("Assurance: no target set");
    }

    @Test
    void the_latest_values_are_the_suppressed_last_quarter() {
        UI.getCurrent().navigate("board");
        for (String id : BoardMeasures.KEY) {
            Measure measure = service.measure(id);
            TrendResult quarters = service.trend(id, Dimension.QUARTER, Map.of(), true);
            assertThat(quarters.suppressed()).isTrue();
            TrendResult.Point last = quarters.points().get(quarters.points().size() - 1);
            String expected = "Latest quarter (" + last.period() + "): " + (last.value() == null
                    ? "not available" : StatusText.withUnit(last.value(), measure));
            assertThat(text("board-latest-" + id)).as(id).startsWith(expected);
        }
        // Stillbirths are rare events: with suppression some quarter or group is hidden, never shown as zero
        assertThat(text("board-latest-stillbirth")).doesNotContain(": 0.0 per 1,000");
    }

    @Test
    void the_gaps_compare_the_most_with_the_least_deprived_and_black_and_asian_with_white_women() {
        UI.getCurrent().navigate("board");
        BreakdownResult quintiles = service.breakdown(new BreakdownRequest("continuity_of_carer",
                Dimension.IMD_QUINTILE, null, null, null, Map.of(), true, null));
        assertThat(quintiles.suppressed()).isTrue();
        Measure measure = service.measure("continuity_of_carer");

        String deprivation = text("board-gap-deprivation-continuity_of_carer");
        assertThat(deprivation).startsWith("Most vs least deprived quintile: ")
                .isEqualTo("Most vs least deprived quintile: "
                        + StatusText.gap(quintiles, "1", "5", measure, "most deprived", "least deprived") + "; "
                        + quintiles.from() + " to " + quintiles.to() + ".")
                .contains("percentage points", "most deprived ", "least deprived ");
        String ethnicity = text("board-gap-ethnicity-continuity_of_carer");
        assertThat(ethnicity).contains("Black vs White women: ", "Asian vs White women: ", "White ");
        for (String id : BoardMeasures.KEY) {
            assertThat(text("board-gap-deprivation-" + id)).as(id).startsWith("Most vs least deprived quintile: ");
            assertThat(text("board-gap-ethnicity-" + id)).as(id).startsWith("Black vs White women: ");
        }
    }

    @Test
    void a_suppressed_value_reads_not_available() {
        BreakdownResult hidden = new BreakdownResult("stillbirth", "imd_quintile", null, "2024-01", "2024-12", true,
                "per 1,000", null, null, List.of(
                        new BreakdownResult.Row("1", null, null, null, null, null, null, null, null, true, null, null,
                                null, null),
                        new BreakdownResult.Row("5", null, 9.0, 2000.0, 4.5, 2.0, 8.5, null, null, false, "similar",
                                null, null, null)),
                null);
        assertThat(StatusText.gap(hidden, "1", "5", service.measure("stillbirth"), "most deprived", "least deprived"))
                .isEqualTo("not available (most deprived not available, least deprived 4.5 per 1,000)");

        TrendResult quarters = new TrendResult("preterm", "quarter", true, "%", null, 7.0, null, null, List.of(
                new TrendResult.Point("2025-Q1", 30.0, 400.0, 7.5, 5.1, 10.5, null, null, null, false, true),
                new TrendResult.Point("2025-Q2", null, null, null, null, null, null, null, null, true, true)), null);
        assertThat(StatusText.latestText(quarters, service.measure("preterm")))
                .isEqualTo("Latest quarter (2025-Q2): not available (suppressed: small numbers); 2025-Q1: 7.5%");
    }

    @Test
    void a_card_resting_on_poorly_recorded_items_is_flagged() {
        BreakdownResult.DataQuality failed = new BreakdownResult.DataQuality(false, List.of(
                new BreakdownResult.GateFailure(null, "ethnic_category", 91.26, 95),
                new BreakdownResult.GateFailure("team-7", "postcode", 90.0, 98)));
        BreakdownResult ethnicity = new BreakdownResult("preterm", "ethnic_group", null, "2024-01", "2024-12", true,
                "%", null, null, List.of(), null, failed);
        BreakdownResult passed = new BreakdownResult("preterm", "imd_quintile", null, "2024-01", "2024-12", true,
                "%", "2019", null, List.of(), null, new BreakdownResult.DataQuality(true, List.of()));
        // Only whole-selection failures count on the board; a team below its gate is the worklist's business
        assertThat(StatusText.dataQualityText(List.of(passed, ethnicity, ethnicity))).isEqualTo(
                "⚠ Data quality below threshold, read the gaps with care: Ethnic category 91.3% valid (needs 95.0%)");
        assertThat(StatusText.dataQualityText(List.of(passed))).isNull();

        UI.getCurrent().navigate("board");
        for (String id : BoardMeasures.KEY) {
            String expected = StatusText.dataQualityText(List.of(
                    service.breakdown(new BreakdownRequest(id, Dimension.IMD_QUINTILE, null, null, null, Map.of(),
                            true, null)),
                    service.breakdown(new BreakdownRequest(id, Dimension.ETHNIC_GROUP, null, null, null, Map.of(),
                            true, null))));
            List<Paragraph> flags = _find(Paragraph.class, spec -> spec.withId("board-quality-" + id));
            assertThat(flags.stream().map(Paragraph::getText).findFirst().orElse(null)).as(id).isEqualTo(expected);
        }
    }
}
