package org.perinatalequity.stats;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The inputs of {@link SlopeIndex#calculate}: one row per quantile (1 = most deprived), as PHEindicatormethods
 * {@code phe_sii} takes them.
 *
 * @param transform regress on the log (rates) or logit (proportions) scale; needs each quantile's 95% limits
 * @param repetitions simulation size for the confidence limits (PHE default 100,000; at least 1,000)
 */
public record SiiInput(ValueType valueType, boolean transform, double multiplier, double confidence, int repetitions,
        List<Quantile> quantiles) {

    /** PHEindicatormethods' default number of simulated repetitions. */
    public static final int DEFAULT_REPETITIONS = 100_000;

    /** What the quantile values are; it decides the scale the standard errors live on. */
    public enum ValueType {
        RATE, PROPORTION, OTHER
    }

    /**
     * One quantile. The standard error, when given, is on the log scale for rates and the logit scale for
     * proportions; otherwise it comes from the 95% limits.
     */
    public record Quantile(int quantile, double population, double value, @Nullable Double lower,
            @Nullable Double upper, @Nullable Double standardError) {
    }
}
