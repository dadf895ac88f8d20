package org.perinatalequity.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * One group against births by ethnic group, on hand-worked numbers: 20 members of known ethnicity (White 15, Mixed 1,
 * Asian 3, Black 1, other 0) and 2 not known, against births of 550, 50, 250, 80 and 70 in a thousand.
 */
class WorkforceRepresentationTest {

    private static final double[] BIRTHS = { 550, 50, 250, 80, 70 };

    private static List<String> members() {
        List<String> m = new ArrayList<>(Collections.nCopies(13, "A"));
        m.addAll(List.of("B", "C", "D", "H", "J", "L", "N"));
        m.add("Z");
        m.add(null);
        return m;
    }

    @Test
    void sharesIntervalsRatiosGapsAndTheExactTest() {
        RepresentationRow row = WorkforceService.representation(RepresentationGroup.MVP, members(), BIRTHS, 1);
        assertThat(row.id()).isEqualTo("mvp");
        assertThat(row.group()).isEqualTo("Maternity Voices Partnership members");
        assertThat(row.members()).isEqualTo(20.0);
        assertThat(row.notKnown()).isEqualTo(2.0);
        assertThat(row.suppressed()).isFalse();
        RepresentationRow.Share white = row.categories().get(0);
        assertThat(white.category()).isEqualTo("White");
        assertThat(white.percent()).isCloseTo(75.0, within(1e-12));
        assertThat(white.communityPercent()).isCloseTo(55.0, within(1e-12));
        // 0.75 / 0.55 and 75 − 55 points
        assertThat(white.ratio()).isCloseTo(1.3636363636, within(1e-9));
        assertThat(white.gap()).isCloseTo(20.0, within(1e-9));
        // Goodman, k = 5: χ = χ²₁(0.99) = 6.634897; (χ + 30 ∓ √(χ² + 60χ(1 − 15/20))) / (2(χ + 20))
        assertThat(white.lower()).isCloseTo(46.281120785, within(1e-6));
        assertThat(white.upper()).isCloseTo(91.263609160, within(1e-6));
        RepresentationRow.Share asian = row.categories().get(2);
        assertThat(asian.category()).isEqualTo("Asian or Asian British");
        assertThat(asian.ratio()).isCloseTo(0.6, within(1e-12));
        assertThat(asian.gap()).isCloseTo(-10.0, within(1e-9));
        assertThat(asian.lower()).isCloseTo(3.878706051, within(1e-6));
        assertThat(asian.upper()).isCloseTo(43.558672026, within(1e-6));
        RepresentationRow.Share other = row.categories().get(4);
        assertThat(other.percent()).isZero();
        assertThat(other.upper()).isCloseTo(24.910540110, within(1e-6));
        // Expected Mixed 20 × 0.05 = 1 < 5: the exact multinomial test, p summed over the 10,626 outcomes.
        assertThat(row.test()).isEqualTo("exact");
        assertThat(row.pValue()).isCloseTo(0.504345954, within(1e-6));
    }

    @Test
    void forEveryRoleButWorkforceASmallCountHidesTheGroupWhole() {
        RepresentationRow row = WorkforceService.representation(RepresentationGroup.MVP, members(), BIRTHS, 10);
        assertThat(row.suppressed()).isTrue();
        assertThat(row.members()).isNull();
        assertThat(row.categories()).isEmpty();
        assertThat(row.pValue()).isNull();
        // Two of unknown ethnicity would identify them too.
        assertThat(row.notKnown()).isNull();
        // A group of ten or more in every group it has is shown.
        List<String> big = new ArrayList<>(Collections.nCopies(30, "A"));
        big.addAll(Collections.nCopies(12, "H"));
        RepresentationRow shown = WorkforceService.representation(RepresentationGroup.STAFF, big, BIRTHS, 10);
        assertThat(shown.suppressed()).isFalse();
        assertThat(shown.members()).isEqualTo(42.0);
        assertThat(shown.notKnown()).isZero();
        assertThat(shown.categories()).hasSize(5);
    }

    @Test
    void withoutBirthsTheGroupIsCountedButNotCompared() {
        RepresentationRow row = WorkforceService.representation(RepresentationGroup.BOARD, members(), null, 1);
        assertThat(row.members()).isEqualTo(20.0);
        assertThat(row.categories()).isEmpty();
        assertThat(row.test()).isNull();
    }

    @Test
    void theGroupParameterNamesItsValues() {
        assertThat(RepresentationGroup.of(" MVP ")).isEqualTo(RepresentationGroup.MVP);
        assertThatThrownBy(() -> RepresentationGroup.of("panel")).hasMessage(
                "Parameter 'group': 'panel' is not one of staff, board, mvp");
        assertThat(WorkforceService.yearEnd("2024-25")).hasToString("2025-03-31");
    }
}
