package org.perinatalequity.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The Making Data Count icons: colour, letter, arrow and words for each reading (statistical-methods.md 12.4–12.5). */
class MdcIconsTest {

    @Test
    void variationIconsFollowThePolarityWithALetterAnArrowAndWords() {
        MdcIcons.Icon common = MdcIcons.variation("common_cause", true, true);
        assertThat(common.id()).isEqualTo("common-cause");
        assertThat(common.colour()).isEqualTo(Palette.MDC_COMMON);
        assertThat(common.letter()).isEqualTo("C");
        assertThat(common.arrow()).isEqualTo(MdcIcons.Arrow.FLAT);
        assertThat(common.text()).isEqualTo("Common cause variation: no significant change");

        // higher is better: improvement is high, concern is low, whatever the side of the last point
        MdcIcons.Icon up = MdcIcons.variation("special_cause_improvement", true, false);
        assertThat(up.id()).isEqualTo("improvement-high");
        assertThat(up.colour()).isEqualTo(Palette.MDC_IMPROVEMENT);
        assertThat(up.letter()).isEqualTo("H");
        assertThat(up.arrow()).isEqualTo(MdcIcons.Arrow.UP);
        MdcIcons.Icon concern = MdcIcons.variation("special_cause_concern", true, true);
        assertThat(concern.id()).isEqualTo("concern-low");
        assertThat(concern.colour()).isEqualTo(Palette.MDC_CONCERN);
        assertThat(concern.text()).isEqualTo("Special cause variation: concern (lower values)");
        // lower is better: improvement is low, concern high
        assertThat(MdcIcons.variation("special_cause_improvement", false, true).id()).isEqualTo("improvement-low");
        assertThat(MdcIcons.variation("special_cause_concern", false, false).id()).isEqualTo("concern-high");
        // no polarity: the side of the mean decides
        assertThat(MdcIcons.variation("special_cause_neither", null, true).id()).isEqualTo("neither-high");
        assertThat(MdcIcons.variation("special_cause_neither", null, false).id()).isEqualTo("neither-low");
        assertThat(MdcIcons.variation(null, true, null).text()).startsWith("Variation not assessed");
        assertThatThrownBy(() -> MdcIcons.variation("rising", true, true))
                .hasMessage("Unknown SPC variation 'rising'");
    }

    @Test
    void assuranceIconsPassBlueFailOrangeHitAndMissGrey() {
        MdcIcons.Icon pass = MdcIcons.assurance("consistently_passing", 75.0);
        assertThat(pass.colour()).isEqualTo(Palette.MDC_IMPROVEMENT);
        assertThat(pass.letter()).isEqualTo("P");
        MdcIcons.Icon fail = MdcIcons.assurance("consistently_failing", 75.0);
        assertThat(fail.colour()).isEqualTo(Palette.MDC_CONCERN);
        assertThat(fail.letter()).isEqualTo("F");
        MdcIcons.Icon hit = MdcIcons.assurance("hit_and_miss", 75.0);
        assertThat(hit.colour()).isEqualTo(Palette.MDC_COMMON);
        assertThat(hit.letter()).isEqualTo("?");
        assertThat(MdcIcons.assurance("consistently_passing", null).text()).isEqualTo("Assurance: no target set");
        assertThat(MdcIcons.assurance(null, 75.0).text()).startsWith("Assurance not assessed");
    }

    @Test
    void theSvgHasItsWordsAsTitleAndARingWith3To1Contrast() {
        MdcIcons.Icon icon = MdcIcons.variation("special_cause_concern", true, false);
        String svg = icon.svg(40);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("role=\"img\"", "aria-label=\"Special cause variation: concern (lower values)\"",
                        "<title>Special cause variation: concern (lower values)</title>", ">L</text>",
                        "stroke=\"" + MdcIcons.hex(icon.stroke()) + "\"", "<path d=\"M29 11 L29 23");
        for (String reading : new String[] { "common_cause", "special_cause_improvement", "special_cause_neither" }) {
            assertThat(Palette.contrast(MdcIcons.variation(reading, true, true).stroke(), Palette.WHITE))
                    .as(reading).isGreaterThanOrEqualTo(3.0);
        }
        assertThat(Palette.contrast(MdcIcons.assurance("hit_and_miss", 1.0).stroke(), Palette.WHITE))
                .isGreaterThanOrEqualTo(3.0);
    }
}
