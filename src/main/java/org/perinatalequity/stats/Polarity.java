package org.perinatalequity.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which direction is good, for labelling a comparison (Fingertips RAG high/low-is-good, or BOB for none). The one
 * polarity of the code base: a measure's, the calculator's and the comparisons'.
 */
public enum Polarity {
    HIGHER_IS_BETTER("higher is better"), LOWER_IS_BETTER("lower is better"), NONE("no better direction");

    private final String text;

    Polarity(String text) {
        this.text = text;
    }

    /** The contract's label, e.g. {@code higher_is_better}: JSON writes it (system/api/StatsJsonModule). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** In words, for a measure's definition: "higher is better", "lower is better", "no better direction". */
    public String text() {
        return text;
    }

    /** The polarity a contract name stands for, if any. */
    public static Optional<Polarity> fromLabel(String label) {
        return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst();
    }
}
