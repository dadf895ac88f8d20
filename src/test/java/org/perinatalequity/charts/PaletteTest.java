package org.perinatalequity.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;

import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void nhsColoursInTheReferenceOrder() {
        assertThat(Palette.CATEGORICAL).hasSize(12);
        assertThat(Palette.categorical(0)).isEqualTo(new Color(0x005EB8));
        assertThat(Palette.categorical(1)).isEqualTo(new Color(0x00A499));
        assertThat(Palette.categorical(2)).isEqualTo(new Color(0xAE2573));
        assertThat(Palette.categorical(3)).isEqualTo(new Color(0xED8B00));
        assertThat(Palette.categorical(4)).isEqualTo(new Color(0x009639));
        assertThat(Palette.categorical(5)).isEqualTo(new Color(0x41B6E6));
        assertThat(Palette.categorical(12)).isEqualTo(Palette.NHS_BLUE);
    }

    @Test
    void contrastMatchesWcag() {
        assertThat(Palette.contrast(Color.BLACK, Color.WHITE)).isCloseTo(21.0, within(0.01));
        assertThat(Palette.contrast(Palette.NHS_BLUE, Color.WHITE)).isCloseTo(6.5, within(0.2));
    }

    @Test
    void lineAndOutlineColoursReachThreeToOneOnWhite() {
        for (Color c : new Color[] { Palette.TEXT, Palette.DARK_GREY, Palette.MID_GREY, Palette.NHS_BLUE, Palette.PINK }) {
            assertThat(Palette.contrast(c, Color.WHITE)).as(c.toString()).isGreaterThanOrEqualTo(3.0);
        }
        for (Color c : Palette.CATEGORICAL) {
            assertThat(Palette.contrast(Palette.stroke(c), Color.WHITE)).isGreaterThanOrEqualTo(3.0);
        }
        assertThat(Palette.stroke(Palette.NHS_BLUE)).isEqualTo(Palette.NHS_BLUE);
    }

    @Test
    void textIsAtLeastFourAndAHalfToOne() {
        assertThat(Palette.contrast(Palette.TEXT, Color.WHITE)).isGreaterThanOrEqualTo(4.5);
        assertThat(Palette.contrast(Palette.DARK_GREY, Color.WHITE)).isGreaterThanOrEqualTo(4.5);
    }
}
