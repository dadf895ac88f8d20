package org.perinatalequity.board.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.board.BoardMeasures;
import org.perinatalequity.board.BoardSummary;
import org.perinatalequity.board.MeasureStatus;
import org.perinatalequity.board.StatusText;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.stats.Comparison;

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

    /**
     * The trend a card's headline reads: the quarters, or for perinatal mental health access the rolling 12 months
     * (BoardMeasures.ROLLING_MONTHS: its 10% target is for a year).
     */
    private TrendResult headline(String id) {
        return BoardMeasures.rollingMonths(id) > 1 ? service.trend(id, Dimension.MONTH, Map.of(), true,
                org.perinatalequity.breakdown.TrendSpec.defaults().withRollingMonths(BoardMeasures.rollingMonths(id)))
                : service.trend(id, Dimension.QUARTER, Map.of(), true);
    }

    @Test
    void thePmhAccessCardReadsTheLatestTwelveMonthsAgainstTheTargetAsFarAsItsIntervalAllows() {
        UI.getCurrent().navigate("board");
        TrendResult year = headline("pmh_access");
        TrendResult.Point latest = year.latestComplete().orElseThrow();
        assertThat(text("board-latest-pmh_access")).startsWith("Latest complete 12 months (to " + latest.period()
                + "): " + StatusText.withUnit(latest.value(), service.measure("pmh_access")));
        String standing = text("board-target-standing-pmh_access");
        if (latest.upper95() < 10) {
            assertThat(standing).contains(" is below the 10.0 per 100 target (95% interval ");
        } else if (latest.lower95() > 10) {
            assertThat(standing).contains(" is above the 10.0 per 100 target");
        } else {
            assertThat(standing).contains("not distinguishable from the 10.0 per 100 target");
        }
        assertThat(text("board-target-pmh_access")).isEqualTo("Target: 10.0 per 100");
    }

    @Test
    void thereIsOneCardPerKeyMeasureUnderItsPlanPriority() {
        UI.getCurrent().navigate("board");
        _get(BoardView.class);

        List<BoardCard> cards = _find(BoardCard.class);
        assertThat(cards).as("ten maternity measures and perinatal mental health access").hasSize(11);
        assertThat(cards).extracting(c -> c.getId().orElseThrow()).containsExactlyElementsOf(
                BoardMeasures.KEY.stream().map(id -> "board-card-" + id).toList());
        assertThat(_find(H3.class)).extracting(H3::getText).contains("Continuity of carer by 29 weeks",
                "Stillbirths", "Postcode linked to deprivation");
        assertThat(_find(H2.class)).extracting(H2::getText)
                .contains(service.measure("continuity_of_carer").planItems().get(0),
                        service.measure("ethnicity_recorded").planItems().get(0))
                .doesNotHaveDuplicates();
        assertThat(_find(Html.class).stream().filter(h -> h.getElement().getClassList().contains("equity-board-chart")))
                .hasSize(11);
        assertThat(_get(Button.class, spec -> spec.withId("board-print")).getText()).isEqualTo("Print");
        assertThat(_get(Anchor.class, spec -> spec.withId("board-pack-download")).getText())
                .startsWith("Download the board pack (PDF, ");
    }

    @Test
    void aTeamUserSeesTheBoardButNotThePackDownload() {
        TestUsers.karibuLogin(TestUsers.TEAM, List.of("TEAM"), List.of(TestUsers.TEAM_ID));
        UI.getCurrent().navigate("board");
        assertThat(_find(BoardCard.class)).hasSize(11);
        assertThat(_find(Anchor.class, spec -> spec.withId("board-pack-download"))).isEmpty();
    }

    @Test
    void theSummaryMatrixHasARowPerMeasureWithPeriodCountsTargetIconsGapsAndQuality() {
        UI.getCurrent().navigate("board");
        String matrix = _find(Html.class).stream().map(h -> h.getElement().getOuterHTML())
                .filter(h -> h.contains("id=\"board-matrix\"")).findFirst().orElseThrow();
        for (String id : BoardMeasures.KEY) {
            MeasureStatus status = MeasureStatus.of(service, id);
            BoardSummary row = BoardSummary.of(status);
            String tr = matrix.substring(matrix.indexOf("<tr id=\"board-matrix-" + id + "\""));
            tr = tr.substring(0, tr.indexOf("</tr>"));
            TrendResult.Point latest = status.quarters().latestComplete().orElseThrow();
            assertThat(row.period()).as(id).isEqualTo((BoardMeasures.rollingMonths(id) > 1 ? "12 months to " : "")
                    + latest.period());
            assertThat(tr).as(id).contains(">" + service.measure(id).name() + "</th>", "<td>" + row.period()
                    + "</td>", StatusText.withUnit(latest.value(), status.measure()) + " ("
                    + String.format(java.util.Locale.UK, "%,d", latest.numerator().longValue()) + " of "
                    + String.format(java.util.Locale.UK, "%,d", latest.denominator().longValue()) + ")",
                    "data-icon=\"" + row.variation().id() + "\"", "data-icon=\"" + row.assurance().id() + "\"",
                    "<title>" + row.variation().text() + "</title>");
            assertThat(row.gaps()).as(id).hasSize(status.measure().kind().equals("data_quality") ? 0 : 4);
        }
        assertThat(matrix).contains("none (data-quality measure)", "Most deprived ", "Black ", "Mixed ethnicity ");
    }

    @Test
    void everyCardSaysWhatItCountsItsNPeriodAndDataToDate() {
        UI.getCurrent().navigate("board");
        for (String id : BoardMeasures.KEY) {
            Measure measure = service.measure(id);
            TrendResult quarters = headline(id);
            TrendResult.Point latest = quarters.latestComplete().orElseThrow();
            assertThat(text("board-definition-" + id)).startsWith(measure.numeratorLabel() + " ÷ ");
            assertThat(text("board-basis-" + id)).as(id).isEqualTo("n = " + String.format(java.util.Locale.UK,
                    "%,d", latest.denominator().longValue()) + " in " + (BoardMeasures.rollingMonths(id) > 1
                            ? "the 12 months to " : "") + latest.period() + "; data to "
                    + StatusText.date(quarters.dataTo()));
        }
    }

    @Test
    void theContinuityTargetIsComparedWithItsCohortAndAllWomenBesideIt() {
        UI.getCurrent().navigate("board");
        Measure coc = service.measure("continuity_of_carer");
        assertThat(coc.targetCohort().any()).containsOnlyKeys("ethnic_group", "imd_decile");
        TrendResult quarters = service.trend("continuity_of_carer", Dimension.QUARTER, Map.of(), true);
        TrendResult.Point latest = quarters.latestComplete().orElseThrow();
        YearMonth first = YearMonth.parse(latest.period().substring(0, 4) + "-01")
                .plusMonths(3L * (Integer.parseInt(latest.period().substring(6)) - 1));
        BreakdownResult.Row cohort = service.cohortTotal("continuity_of_carer", coc.targetCohort(), first,
                first.plusMonths(2), true);
        // the cohort is a part of all women, and differs from them
        assertThat(cohort.denominator()).isPositive().isLessThan(latest.denominator());
        assertThat(cohort.value()).isNotNull().isNotEqualTo(latest.value());
        assertThat(text("board-cohort-continuity_of_carer")).isEqualTo("Target 75.0% for women from Black or Black"
                + " British, Asian or Asian British or Mixed groups, or women in IMD decile 1 or 2: "
                + StatusText.withUnit(cohort.value(), coc) + " (" + String.format(java.util.Locale.UK, "%,d",
                        cohort.numerator().longValue()) + " of " + String.format(java.util.Locale.UK, "%,d",
                                cohort.denominator().longValue()) + ") in " + latest.period() + "; all women "
                + StatusText.withUnit(latest.value(), coc));
        assertThat(_find(Paragraph.class, spec -> spec.withId("board-cohort-early_booking"))).isEmpty();
    }

    @Test
    void continuityOfCarerShowsItsTargetVariationAndAssuranceInWords() {
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
    void theLatestValuesAreTheSuppressedLastCompleteQuarter() {
        UI.getCurrent().navigate("board");
        for (String id : BoardMeasures.KEY) {
            Measure measure = service.measure(id);
            TrendResult quarters = headline(id);
            assertThat(quarters.suppressed()).isTrue();
            TrendResult.Point latest = quarters.latestComplete().orElseThrow();
            String expected = (BoardMeasures.rollingMonths(id) > 1 ? "Latest complete 12 months (to "
                    : "Latest complete quarter (") + latest.period() + "): "
                    + StatusText.withUnit(latest.value(), measure) + StatusText.counts(latest);
            assertThat(text("board-latest-" + id)).as(id).startsWith(expected);
            // an incomplete quarter after it is named and not used
            quarters.points().stream().filter(p -> !p.complete() && p.period().compareTo(latest.period()) > 0)
                    .forEach(p -> assertThat(text("board-latest-" + id)).contains(p.period() + " incomplete"));
        }
        // Stillbirths are rare events: with suppression some quarter or group is hidden, never shown as zero
        assertThat(text("board-latest-stillbirth")).doesNotContain(": 0.0 per 1,000");
    }

    @Test
    void theGapsCompareTheMostWithTheLeastDeprivedAndBlackAsianAndMixedWithWhiteWomen() {
        UI.getCurrent().navigate("board");
        MeasureStatus status = MeasureStatus.of(service, "continuity_of_carer");
        BreakdownResult quintiles = status.quintiles();
        assertThat(quintiles.suppressed()).isTrue();
        Measure measure = service.measure("continuity_of_carer");
        // over the complete months only
        TrendResult months = service.trend("continuity_of_carer", Dimension.MONTH, Map.of(), true);
        assertThat(quintiles.to()).isEqualTo(months.points().stream().filter(TrendResult.Point::complete)
                .reduce((a, b) -> b).orElseThrow().period());

        String deprivation = text("board-gap-deprivation-continuity_of_carer");
        assertThat(deprivation).isEqualTo("Deprivation: "
                + StatusText.gap(quintiles, "1", "5", measure, "most deprived quintile", "least deprived") + "; "
                + quintiles.from() + " to " + quintiles.to() + ".")
                .containsPattern("most deprived quintile \\d+\\.\\d percentage points (higher|lower) than least"
                        + " deprived|the same as");
        String ethnicity = text("board-gap-ethnicity-continuity_of_carer");
        assertThat(ethnicity).contains("Black women ", "Asian women ", "Mixed ethnicity women ", " than White women");
        for (String id : BoardMeasures.KEY) {
            boolean quality = service.measure(id).kind().equals("data_quality");
            assertThat(_find(Paragraph.class, spec -> spec.withId("board-gap-deprivation-" + id))).as(id)
                    .hasSize(quality ? 0 : 1);
            assertThat(_find(Paragraph.class, spec -> spec.withId("board-gap-ethnicity-" + id))).as(id)
                    .hasSize(quality ? 0 : 1);
            assertThat(_find(Paragraph.class, spec -> spec.withId("board-gap-none-" + id))).as(id)
                    .hasSize(quality ? 1 : 0);
        }
    }

    @Test
    void theGapSentenceAndItsSignAgreeWithTheSlopeIndexOfInequality() {
        Measure measure = service.measure("early_booking");
        List<BreakdownResult.Row> rows = new java.util.ArrayList<>();
        double[] values = { 40.0, 39.3, 38.6, 37.8, 37.1 };
        for (int q = 1; q <= 5; q++) {
            rows.add(new BreakdownResult.Row(Integer.toString(q), null, values[q - 1] * 10, 1000.0, values[q - 1],
                    values[q - 1] - 3, values[q - 1] + 3, null, null, false, Comparison.SIMILAR, null, null, null));
        }
        BreakdownResult quintiles = new BreakdownResult("early_booking", "imd_quintile", null, "2024-01", "2024-12",
                true, "%", "2019", null, rows, null);
        assertThat(StatusText.gap(quintiles, "1", "5", measure, "most deprived", "least deprived")).isEqualTo(
                "most deprived 2.9 percentage points higher than least deprived (most deprived 40.0%, least deprived"
                        + " 37.1%)");
        List<org.perinatalequity.stats.SiiInput.Quantile> quantiles = rows.stream()
                .map(r -> new org.perinatalequity.stats.SiiInput.Quantile(Integer.parseInt(r.group()), 1000,
                        r.value() / 100, r.lower95() / 100, r.upper95() / 100, null)).toList();
        double sii = org.perinatalequity.stats.SlopeIndex.calculate(new org.perinatalequity.stats.SiiInput(
                org.perinatalequity.stats.SiiInput.ValueType.PROPORTION, false, 100, 0.95, 1000, quantiles),
                new java.util.SplittableRandom(1)).sii();
        // most deprived higher: the SII (least minus most deprived) is negative, and so is the signed gap
        assertThat(sii).isNegative();
        assertThat(StatusText.signedGap(quintiles, "1", "5")).isNegative().isCloseTo(-2.9,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(StatusText.shortGap(quintiles, "1", "5", measure, "Most deprived", "least"))
                .isEqualTo("Most deprived 2.9 pts higher than least");
    }

    @Test
    void aSuppressedValueReadsNotAvailable() {
        BreakdownResult hidden = new BreakdownResult("stillbirth", "imd_quintile", null, "2024-01", "2024-12", true,
                "per 1,000", null, null, List.of(
                        new BreakdownResult.Row("1", null, null, null, null, null, null, null, null, true, null, null,
                                null, null),
                        new BreakdownResult.Row("5", null, 9.0, 2000.0, 4.5, 2.0, 8.5, null, null, false, Comparison.SIMILAR,
                                null, null, null)),
                null);
        assertThat(StatusText.gap(hidden, "1", "5", service.measure("stillbirth"), "most deprived", "least deprived"))
                .isEqualTo("most deprived vs least deprived: not available (most deprived not available, least deprived"
                        + " 4.5 per 1,000)");

        TrendResult quarters = new TrendResult("preterm", "quarter", true, "%", null, 7.0, null, null, List.of(
                new TrendResult.Point("2025-Q1", 30.0, 400.0, 7.5, 5.1, 10.5, null, null, null, false, true),
                new TrendResult.Point("2025-Q2", null, null, null, null, null, null, null, null, true, true)), null);
        assertThat(StatusText.latestText(quarters, service.measure("preterm"))).isEqualTo(
                "Latest complete quarter (2025-Q1): 7.5% (30 of 400); 2025-Q2 suppressed (small numbers), not used");
    }

    @Test
    void aCardRestingOnPoorlyRecordedItemsIsFlagged() {
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
            MeasureStatus status = MeasureStatus.of(service, id);
            String expected = StatusText.dataQualityText(List.of(status.quintiles(), status.ethnicity()));
            List<Paragraph> flags = _find(Paragraph.class, spec -> spec.withId("board-quality-" + id));
            assertThat(flags.stream().map(Paragraph::getText).findFirst().orElse(null)).as(id).isEqualTo(expected);
        }
    }
}
