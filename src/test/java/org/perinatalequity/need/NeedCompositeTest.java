package org.perinatalequity.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.need.NeedComposite.Component;
import org.perinatalequity.need.NeedComposite.Direction;

/**
 * The composite on three areas worked by hand:
 *
 * <pre>
 * area  x (weight 1, higher = need)  y (weight 3, lower = need)
 * A     1                            10
 * B     2                            10
 * C     3                            4
 * </pre>
 *
 * x: mean 2, population sd √(2/3) = 0.816497 → z −1.224745, 0, 1.224745. y: mean 8, sd √((4 + 4 + 16)/3) = √8 =
 * 2.828427 → (x − mean)/sd = 0.707107, 0.707107, −1.414214, turned (lower = need) to −0.707107, −0.707107, 1.414214.
 * Score = (1·zx + 3·zy)/4: A (−1.224745 − 2.121320)/4 = −0.836516; B −2.121320/4 = −0.530330; C (1.224745 +
 * 4.242641)/4 = 1.366847. Ranks C 1, B 2, A 3.
 */
class NeedCompositeTest {

    private static final String[] CODES = { "A", "B", "C" };

    @Test
    void scoresAreTheWeightedMeanOfTheTurnedZScores() {
        NeedComposite.Scores s = NeedComposite.score(List.of(
                new Component("x", 1, Direction.HIGHER_IS_MORE_NEED, new Double[] { 1.0, 2.0, 3.0 }),
                new Component("y", 3, Direction.LOWER_IS_MORE_NEED, new Double[] { 10.0, 10.0, 4.0 })),
                CODES, new double[] { 5, 5, 5 });
        assertThat(s.z().get("x")).containsExactly(new double[] { -1.224745, 0, 1.224745 }, within(1e-6));
        assertThat(s.z().get("y")).containsExactly(new double[] { -0.707107, -0.707107, 1.414214 }, within(1e-6));
        assertThat(s.score()).containsExactly(new double[] { -0.836516, -0.530330, 1.366847 }, within(1e-6));
        assertThat(s.rank()).containsExactly(3, 2, 1);
    }

    @Test
    void aMissingValueIsTheAverageAndAConstantComponentAddsNothing() {
        // x over A and C only: mean 2, sd 1 → z −1, (B missing) 0, +1; y is the same everywhere
        NeedComposite.Scores s = NeedComposite.score(List.of(
                new Component("x", 1, Direction.HIGHER_IS_MORE_NEED, new Double[] { 1.0, null, 3.0 }),
                new Component("y", 1, Direction.HIGHER_IS_MORE_NEED, new Double[] { 7.0, 7.0, 7.0 })),
                CODES, new double[] { 1, 1, 1 });
        assertThat(s.z().get("x")).containsExactly(new double[] { -1, 0, 1 }, within(1e-12));
        assertThat(s.z().get("y")).containsExactly(0, 0, 0);
        assertThat(s.score()).containsExactly(new double[] { -0.5, 0, 0.5 }, within(1e-12));
    }

    @Test
    void equalScoresRankByMoreBirthsThenByCode() {
        NeedComposite.Scores s = NeedComposite.score(List.of(
                new Component("x", 1, Direction.HIGHER_IS_MORE_NEED, new Double[] { 1.0, 1.0, 1.0 })),
                CODES, new double[] { 10, 30, 10 });
        assertThat(s.rank()).containsExactly(2, 1, 3);
    }

    @Test
    void aWeightOfZeroLeavesTheComponentOut() {
        NeedComposite.Scores s = NeedComposite.score(List.of(
                new Component("x", 0, Direction.HIGHER_IS_MORE_NEED, new Double[] { 1.0, 2.0, 3.0 }),
                new Component("y", 2, Direction.LOWER_IS_MORE_NEED, new Double[] { 1.0, 2.0, 3.0 })),
                CODES, new double[] { 1, 1, 1 });
        assertThat(s.rank()).containsExactly(1, 2, 3);
    }

    @Test
    void theBuiltInWeightsGiveEveryComponent() {
        NeedWeights weights = NeedWeights.builtIn();
        assertThat(weights.byId()).containsOnlyKeys("births", "deprivation", "black_asian_mixed_share", "preterm",
                "stillbirth", "low_birthweight_term", "smoking_delivery", "late_booking");
        assertThat(weights.byId()).containsEntry("deprivation", 2.0).containsEntry("preterm", 1.0);
    }

    @Test
    void aWeightsFileWithATypoIsRefusedNamingTheLine() {
        String file = "component,weight,meaning\nbirths,1,x\ndeprivaton,2,x\ndeprivation,-1,x\n";
        assertThatThrownBy(() -> NeedWeights.read(new StringReader(file), "w.csv"))
                .hasMessageContaining("w.csv: line 3: 'deprivaton' is not a component")
                .hasMessageContaining("line 4: weight -1 of deprivation must be 0 or more")
                .hasMessageContaining("no weight for preterm (give 0 to leave it out)");
    }

    /**
     * The outcome arithmetic: LMNS 25-29 1 event of 3, 35-39 3 of 3; the area has 2 records in each band with 3
     * events: expected 2/3 + 2 = 2.666667, excess 0.333333, ratio 1.125. Published, 3 observed events are hidden.
     */
    @Test
    void anOutcomesExpectedCountIsAtTheLmnsRatesByBand() {
        long[][] reference = { { 0, 0, 1, 0, 3, 0 }, { 0, 0, 3, 0, 3, 0 } };
        long[][] area = { { 0, 0, 1, 0, 2, 0 }, { 0, 0, 2, 0, 2, 0 } };
        NeedResult.Component exact = NeedService.outcome(area, reference, false, false).shown();
        assertThat(exact.observed()).isEqualTo(3.0);
        assertThat(exact.expected()).isCloseTo(8.0 / 3, within(1e-12));
        assertThat(exact.excess()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(exact.ratio()).isCloseTo(1.125, within(1e-12));
        assertThat(NeedService.outcome(area, reference, false, true).shown().suppressed()).isTrue();
        // Late booking is the complement: 25-29 2 of 3, 35-39 0 of 3 late in the LMNS; the area's late 1 + 0
        NeedResult.Component late = NeedService.outcome(area, reference, true, false).shown();
        assertThat(late.observed()).isEqualTo(1.0);
        assertThat(late.expected()).isCloseTo(4.0 / 3, within(1e-12));
    }
}
