package org.perinatalequity.stats;

import java.util.Locale;

/** Which direction is good, for labelling a comparison (Fingertips RAG high/low-is-good, or BOB for none). */
public enum Polarity {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, NONE;

    /** The contract's name, e.g. {@code higher_is_better}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
