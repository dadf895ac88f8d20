package org.perinatalequity.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.workforce.WorkforceData.BoardMember;
import org.perinatalequity.workforce.WorkforceData.StaffEvent;
import org.perinatalequity.workforce.WorkforceData.StaffMember;
import org.perinatalequity.workforce.WorkforceData.SurveyResult;

/** The WRES indicators on hand-made counts (workforce-and-mental-health.md sections 1.2 to 1.6). */
class WresCalculatorTest {

    private static final WresCalculator UNSUPPRESSED = new WresCalculator(0.80, 1.25, 0);

    /** West Lancashire 2019/20, indicator 2: White 117 of 389 shortlisted appointed, BME 2 of 10 → 1.5039 (0.43–5.24). */
    @Test
    void westLancashireIndicatorTwoIsEquitableBecauseTheIntervalReachesTheBand() {
        WresIndicator two = UNSUPPRESSED.indicators(List.of(new WresCell(2, WresGroup.WHITE, null, 117, 389.0),
                new WresCell(2, WresGroup.BME, null, 2, 10.0), new WresCell(2, WresGroup.UNKNOWN, null, 0, 4.0)))
                .get(1);
        assertThat(two.indicator()).isEqualTo(2);
        assertThat(two.relativeLikelihood()).isCloseTo(1.5038560411311053, within(1e-12));
        assertThat(two.lower95()).isCloseTo(0.43137243086373306, within(1e-12));
        assertThat(two.upper95()).isCloseTo(5.2427620094269205, within(1e-11));
        // 1.50 is above 1.25, but the interval reaches into the band: no clear disparity, so not "adverse".
        assertThat(two.assessment()).isEqualTo(Assessment.EQUITABLE);
        assertThat(two.white().numerator()).isEqualTo(117.0);
        assertThat(two.white().denominator()).isEqualTo(389.0);
        assertThat(two.white().value()).isCloseTo(100.0 * 117 / 389, within(1e-12));
        assertThat(two.bme().value()).isCloseTo(20.0, within(1e-12));
    }

    /** Indicator 3 is BME ÷ White: 60 of 1,000 BME staff vs 20 of 2,000 White → 6.0, wholly above the band. */
    @Test
    void disciplinaryIsBmeOverWhiteAndAdverseWhenTheWholeIntervalIsAboveTheBand() {
        WresIndicator three = UNSUPPRESSED.indicators(List.of(new WresCell(3, WresGroup.WHITE, null, 20, 2000.0),
                new WresCell(3, WresGroup.BME, null, 60, 1000.0))).get(2);
        assertThat(three.relativeLikelihood()).isCloseTo(6.0, within(1e-12));
        double se = Math.sqrt(1.0 / 60 - 1.0 / 1000 + 1.0 / 20 - 1.0 / 2000);
        double z = 1.959963984540054;
        assertThat(three.lower95()).isCloseTo(6.0 * Math.exp(-z * se), within(1e-9));
        assertThat(three.upper95()).isCloseTo(6.0 * Math.exp(z * se), within(1e-9));
        assertThat(three.assessment()).isEqualTo(Assessment.ADVERSE);
    }

    /** Indicator 4 is White ÷ BME: 100 of 1,000 White vs 300 of 1,000 BME → 0.333, wholly below: favourable. */
    @Test
    void trainingBelowTheBandIsFavourable() {
        WresIndicator four = UNSUPPRESSED.indicators(List.of(new WresCell(4, WresGroup.WHITE, null, 100, 1000.0),
                new WresCell(4, WresGroup.BME, null, 300, 1000.0))).get(3);
        assertThat(four.relativeLikelihood()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(four.upper95()).isLessThan(0.80);
        assertThat(four.assessment()).isEqualTo(Assessment.FAVOURABLE);
    }

    /** The band's edges: an interval whose lower end is exactly 1.25 reaches the band, so it is not adverse. */
    @Test
    void anIntervalTouchingTheBandIsEquitable() {
        assertThat(UNSUPPRESSED.assess(1.25, 3.0)).isEqualTo(Assessment.EQUITABLE);
        assertThat(UNSUPPRESSED.assess(1.2501, 3.0)).isEqualTo(Assessment.ADVERSE);
        assertThat(UNSUPPRESSED.assess(0.2, 0.80)).isEqualTo(Assessment.EQUITABLE);
        assertThat(UNSUPPRESSED.assess(0.2, 0.7999)).isEqualTo(Assessment.FAVOURABLE);
        assertThat(UNSUPPRESSED.assess(null, null)).isEqualTo(Assessment.NOT_ASSESSED);
        // The band is a setting: with 0.90-1.10 the same interval is adverse.
        assertThat(new WresCalculator(0.90, 1.10, 0).assess(1.2, 3.0)).isEqualTo(Assessment.ADVERSE);
    }

    /** No BME appointment: no likelihood can be computed, so the indicator is not assessed. */
    @Test
    void aZeroNumeratorBelowTheLineIsNotAssessed() {
        WresIndicator two = UNSUPPRESSED.indicators(List.of(new WresCell(2, WresGroup.WHITE, null, 50, 100.0),
                new WresCell(2, WresGroup.BME, null, 0, 40.0))).get(1);
        assertThat(two.relativeLikelihood()).isNull();
        assertThat(two.assessment()).isEqualTo(Assessment.NOT_ASSESSED);
        assertThat(two.bme().value()).isEqualTo(0.0);
    }

    /** With suppression at 10 the West Lancashire BME counts (2 of 10) are hidden, and with them the likelihood. */
    @Test
    void smallCountsAreHiddenWithTheLikelihood() {
        WresIndicator two = new WresCalculator(0.80, 1.25, 10).indicators(List.of(
                new WresCell(2, WresGroup.WHITE, null, 117, 389.0), new WresCell(2, WresGroup.BME, null, 2, 10.0)))
                .get(1);
        assertThat(two.bme().suppressed()).isTrue();
        assertThat(two.bme().numerator()).isNull();
        assertThat(two.white().suppressed()).isFalse();
        assertThat(two.relativeLikelihood()).isNull();
        assertThat(two.lower95()).isNull();
        assertThat(two.assessment()).isEqualTo(Assessment.NOT_ASSESSED);
    }

    /** Survey indicators 5 and 7: the likelihood of the published percentages, put so above 1 is adverse to BME staff. */
    @Test
    void surveyIndicatorsFromPercentagesAndRespondents() {
        List<WresCell> cells = List.of(new WresCell(5, WresGroup.WHITE, null, 0.25 * 400, 400.0),
                new WresCell(5, WresGroup.BME, null, 0.30 * 200, 200.0),
                new WresCell(7, WresGroup.WHITE, null, 0.60 * 400, 400.0),
                new WresCell(7, WresGroup.BME, null, 0.45 * 200, 200.0));
        List<WresIndicator> all = UNSUPPRESSED.indicators(cells);
        assertThat(all.get(4).relativeLikelihood()).isCloseTo(30.0 / 25.0, within(1e-12));
        assertThat(all.get(4).bme().value()).isCloseTo(30.0, within(1e-12));
        assertThat(all.get(6).relativeLikelihood()).isCloseTo(60.0 / 45.0, within(1e-12));
    }

    /**
     * Indicator 1 shares of known ethnicity and by band; indicator 9 the board against it: board 3 BME of 12 = 25%,
     * workforce 300 of 1,200 known = 25% → gap 0 points; 15 BME of 60 in band 8A.
     */
    @Test
    void workforceAndBoardShares() {
        List<WresCell> cells = new ArrayList<>();
        cells.add(new WresCell(1, WresGroup.WHITE, "5", 855, null));
        cells.add(new WresCell(1, WresGroup.BME, "5", 285, null));
        cells.add(new WresCell(1, WresGroup.WHITE, "8A", 45, null));
        cells.add(new WresCell(1, WresGroup.BME, "8A", 15, null));
        cells.add(new WresCell(1, WresGroup.UNKNOWN, "5", 40, null));
        cells.add(new WresCell(9, WresGroup.WHITE, null, 9, null));
        cells.add(new WresCell(9, WresGroup.BME, null, 3, null));
        List<WresIndicator> all = UNSUPPRESSED.indicators(cells);
        assertThat(all.get(0).bme().numerator()).isEqualTo(300.0);
        assertThat(all.get(0).bme().denominator()).isEqualTo(1200.0);
        assertThat(all.get(0).bme().value()).isCloseTo(25.0, within(1e-12));
        assertThat(all.get(0).assessment()).isEqualTo(Assessment.NOT_ASSESSED);
        assertThat(all.get(8).bme().value()).isCloseTo(25.0, within(1e-12));
        assertThat(all.get(8).bme().workforceValue()).isCloseTo(25.0, within(1e-12));
        assertThat(all.get(8).bme().gap()).isCloseTo(0.0, within(1e-12));
        List<BandRow> bands = UNSUPPRESSED.bands(cells);
        assertThat(bands).extracting(BandRow::band).containsExactly("5", "8A");
        assertThat(bands.get(1).bmePercent()).isCloseTo(25.0, within(1e-12));
        // Suppressed at 10, board counts of 3 are hidden (and 9 White of 12 would give the 3 back).
        WresIndicator nine = new WresCalculator(0.80, 1.25, 10).indicators(cells).get(8);
        assertThat(nine.bme().suppressed()).isTrue();
        assertThat(nine.white().suppressed()).isTrue();
    }

    /** A band with one small count hides a second cell of that group, so the group's total cannot give it back. */
    @Test
    void bandsHideASecondCellWhenOneIsSmall() {
        List<WresCell> cells = List.of(new WresCell(1, WresGroup.WHITE, "5", 500, null),
                new WresCell(1, WresGroup.WHITE, "6", 300, null), new WresCell(1, WresGroup.WHITE, "9", 4, null),
                new WresCell(1, WresGroup.BME, "5", 200, null), new WresCell(1, WresGroup.BME, "6", 100, null),
                new WresCell(1, WresGroup.BME, "9", 20, null));
        List<BandRow> bands = new WresCalculator(0.80, 1.25, 10).bands(cells);
        assertThat(bands.get(2).white()).isNull();
        assertThat(bands.get(2).suppressed()).isTrue();
        // The smallest other White band (6, 300) is hidden too.
        assertThat(bands.get(1).white()).isNull();
        assertThat(bands.get(0).white()).isEqualTo(500.0);
    }

    /** Staff-level files counted into the same cells as an aggregate return. */
    @Test
    void staffLevelCountsMatchTheAggregateReturn() {
        List<StaffMember> staff = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            staff.add(new StaffMember("R1", "w" + i, "A", i < 20 ? "5" : "6", "Midwifery", true));
        }
        for (int i = 0; i < 20; i++) {
            staff.add(new StaffMember("R1", "b" + i, "H", "5", "Midwifery", true));
        }
        staff.add(new StaffMember("R1", "u0", "Z", "5", "Midwifery", true));
        staff.add(new StaffMember("R1", "left", "A", "5", "Midwifery", false));
        LocalDate d = LocalDate.of(2024, 6, 1);
        List<StaffEvent> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(new StaffEvent("R1", "applicant" + i, "shortlisted", d, i < 25 ? "C" : "N", null));
        }
        for (int i = 0; i < 12; i++) {
            events.add(new StaffEvent("R1", "applicant" + i, "appointed", d, "C", null));
        }
        for (int i = 25; i < 28; i++) {
            events.add(new StaffEvent("R1", "applicant" + i, "appointed", d, "N", null));
        }
        // Two entries for one person count once; the leaver counts; ethnicity comes from the staff record.
        events.add(new StaffEvent("R1", "b1", "disciplinary", d, null, null));
        events.add(new StaffEvent("R1", "b1", "disciplinary", d.plusDays(9), null, null));
        events.add(new StaffEvent("R1", "left", "disciplinary", d, null, null));
        for (int i = 0; i < 15; i++) {
            events.add(new StaffEvent("R1", "w" + i, "training", d, null, null));
        }
        for (int i = 0; i < 6; i++) {
            events.add(new StaffEvent("R1", "b" + i, "training", d, null, null));
        }
        WorkforceData data = new WorkforceData("2024-25", staff, events,
                List.of(new SurveyResult("R1", 6, WresGroup.WHITE, 20.0, 300), new SurveyResult("R1", 6, WresGroup.BME,
                        30.0, 100)),
                List.of(new BoardMember("R1", "m1", "A", true), new BoardMember("R1", "m2", "R", true),
                        new BoardMember("R1", "m3", "J", false)),
                List.of(), List.of());
        List<WresIndicator> fromStaff = UNSUPPRESSED.indicators(StaffLevel.cells(data));
        List<WresCell> aggregate = List.of(new WresCell(1, WresGroup.WHITE, "5", 20, null),
                new WresCell(1, WresGroup.WHITE, "6", 10, null), new WresCell(1, WresGroup.BME, "5", 20, null),
                new WresCell(1, WresGroup.UNKNOWN, "5", 1, null),
                new WresCell(2, WresGroup.WHITE, null, 12, 25.0), new WresCell(2, WresGroup.BME, null, 3, 15.0),
                new WresCell(3, WresGroup.WHITE, null, 1, 30.0), new WresCell(3, WresGroup.BME, null, 1, 20.0),
                new WresCell(4, WresGroup.WHITE, null, 15, 30.0), new WresCell(4, WresGroup.BME, null, 6, 20.0),
                new WresCell(6, WresGroup.WHITE, null, 60, 300.0), new WresCell(6, WresGroup.BME, null, 30, 100.0),
                new WresCell(9, WresGroup.WHITE, null, 1, null), new WresCell(9, WresGroup.BME, null, 1, null));
        assertThat(fromStaff).isEqualTo(UNSUPPRESSED.indicators(aggregate));
        assertThat(fromStaff.get(1).relativeLikelihood()).isCloseTo((12.0 / 25) / (3.0 / 15), within(1e-12));
        assertThat(fromStaff.get(3).relativeLikelihood()).isCloseTo((15.0 / 30) / (6.0 / 20), within(1e-12));
    }

    /** Cultural competency by staff group and band against the target; leadership places against the pool. */
    @Test
    void culturalCompetencyAndLeadership() {
        List<StaffMember> staff = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            staff.add(new StaffMember("R1", "w" + i, "A", "6", "Midwifery", true));
            staff.add(new StaffMember("R1", "b" + i, "M", "6", "Midwifery", true));
        }
        LocalDate d = LocalDate.of(2024, 5, 1);
        List<StaffEvent> events = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            events.add(new StaffEvent("R1", "w" + i, "cultural_competency", d, null, null));
        }
        for (int i = 0; i < 10; i++) {
            events.add(new StaffEvent("R1", "b" + i, "cultural_competency", d, null, null));
            events.add(new StaffEvent("R1", "b" + i, "leadership", d, null, null));
            events.add(new StaffEvent("R1", "w" + i, "leadership", d, null, null));
        }
        List<StaffEvent> promotions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // Five BME participants promoted within 6 months, all ten within 12; White: none.
            promotions.add(new StaffEvent("R1", "b" + i, "promotion", d.plusMonths(i < 5 ? 3 : 9), null, "7"));
        }
        WorkforceData data = new WorkforceData("2024-25", staff, events, List.of(), List.of(), List.of(), promotions);
        WorkforceSettings settings = WorkforceSettings.defaults().withSuppressBelow(0);
        List<CompletionRow> cc = StaffLevel.culturalCompetency(data, settings);
        assertThat(cc.get(0).staffGroup()).isEqualTo("Midwifery");
        assertThat(cc.get(0).percent()).isCloseTo(100.0 * 29 / 40, within(1e-12));
        assertThat(cc.get(0).meetsTarget()).isFalse();
        List<LeadershipRow> leadership = StaffLevel.leadership(data, settings);
        LeadershipRow bme = leadership.get(1);
        assertThat(bme.group()).isEqualTo("BME");
        assertThat(bme.places()).isEqualTo(10.0);
        assertThat(bme.pool()).isEqualTo(20.0);
        assertThat(bme.placesShare()).isCloseTo(50.0, within(1e-12));
        assertThat(bme.promotedWithin6Months()).isCloseTo(50.0, within(1e-12));
        assertThat(bme.promotedWithin12Months()).isCloseTo(100.0, within(1e-12));
        assertThat(leadership.get(0).promotedWithin12Months()).isEqualTo(0.0);
    }
}
