package org.perinatalequity.stats;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Directly standardised rates (Dobson limits) and indirectly standardised ratios and rates (exact limits under 10
 * observed events, Byar's from 10), as PHEindicatormethods v2.1.0 {@code calculate_dsr}, {@code calculate_ISRatio}
 * and {@code calculate_ISRate} compute them (standardisation-maps-benchmarks.md section 1.2). Strata are matched by
 * position: element i of every array is the same stratum (an age band, say).
 */
public final class Standardisation {

    /** Below this many events in total a DSR is not given (PHE and Fingertips; Morris et al. on sparse data). */
    public static final double DSR_FROM = 10;

    private Standardisation() {
    }

    /**
     * A directly standardised rate. {@code value}, {@code lower} and {@code upper} are null when the total count is
     * under 10 (the rate is too unstable to publish); {@code totalCount} is always given.
     */
    public record DirectlyStandardised(@Nullable Double value, @Nullable Double lower, @Nullable Double upper,
            double totalCount) {
    }

    /**
     * An indirectly standardised ratio or rate: observed ÷ expected × {@code refValue} (ratio) or × the reference
     * rate (rate). Value and limits are null when expected is 0 (nothing to compare with); {@code referenceRate} is
     * null for a ratio.
     *
     * @param method "Exact" under 10 observed events, "Byar" from 10
     */
    public record IndirectlyStandardised(@Nullable Double value, @Nullable Double lower, @Nullable Double upper,
            String method, double observed, double expected, @Nullable Double referenceRate) {
    }

    /** People with exactly {@code frequency} events, by stratum: the input for non-independent events. */
    public record FrequencyGroup(double frequency, double[] individuals) {
    }

    /**
     * DSR = Σ(xᵢ·wᵢ/nᵢ) / Σwᵢ × multiplier; var = Σ xᵢ(wᵢ/nᵢ)² / (Σwᵢ)²; limits DSR + √(var/O)·(O_L − O)·multiplier
     * with O_L, O_U Byar's limits on the total count O (Dobson et al. 1991). A stratum with standard weight 0 adds
     * nothing to the value, but its events count in O, as in the package.
     *
     * @throws InvalidInputException for arrays of different lengths or none, a negative count, a population that is
     *         not > 0, a negative standard population, standard populations that are all 0, or a bad confidence or
     *         multiplier
     */
    public static DirectlyStandardised directlyStandardisedRate(double[] count, double[] population,
            double[] standardPopulation, double multiplier, double confidence) {
        checkStrata(population, standardPopulation, multiplier, confidence);
        checkLength("count", count, population.length);
        double total = 0;
        double variance = 0;
        for (int i = 0; i < count.length; i++) {
            checkNonNegative("count", i, count[i]);
            total += count[i];
            double weight = standardPopulation[i] / population[i];
            variance += count[i] * weight * weight;
        }
        return dobson(count, population, standardPopulation, total, variance, multiplier, confidence);
    }

    /**
     * The DSR for people who can have more than one event (e.g. several admissions): uᵢ,f people had exactly f events
     * in stratum i, so xᵢ = Σ_f f·uᵢ,f and var = Σ_f f²·Σᵢ uᵢ,f(wᵢ/nᵢ)² / (Σwᵢ)², a wider interval than if the events
     * were independent; the value is the same (PHEindicatormethods {@code independent_events = FALSE}).
     */
    public static DirectlyStandardised directlyStandardisedRate(List<FrequencyGroup> groups, double[] population,
            double[] standardPopulation, double multiplier, double confidence) {
        checkStrata(population, standardPopulation, multiplier, confidence);
        if (groups.isEmpty()) {
            throw new InvalidInputException("individualsByFrequency", "must hold at least one frequency");
        }
        double[] count = new double[population.length];
        double variance = 0;
        for (int g = 0; g < groups.size(); g++) {
            FrequencyGroup group = groups.get(g);
            String at = "individualsByFrequency[" + g + "].";
            double f = group.frequency();
            if (!Double.isFinite(f) || f <= 0) {
                throw new InvalidInputException(at + "frequency", "must be > 0 (events per person)");
            }
            checkLength(at + "individuals", group.individuals(), population.length);
            double sum = 0;
            for (int i = 0; i < population.length; i++) {
                double u = group.individuals()[i];
                checkNonNegative(at + "individuals", i, u);
                count[i] += f * u;
                double weight = standardPopulation[i] / population[i];
                sum += u * weight * weight;
            }
            variance += f * f * sum;
        }
        double total = 0;
        for (double x : count) {
            total += x;
        }
        return dobson(count, population, standardPopulation, total, variance, multiplier, confidence);
    }

    private static DirectlyStandardised dobson(double[] count, double[] population, double[] standardPopulation,
            double total, double weightedVariance, double multiplier, double confidence) {
        if (total < DSR_FROM) {
            return new DirectlyStandardised(null, null, null, total);
        }
        double weights = 0;
        double weighted = 0;
        for (int i = 0; i < count.length; i++) {
            weights += standardPopulation[i];
            weighted += count[i] * standardPopulation[i] / population[i];
        }
        double value = weighted / weights * multiplier;
        double variance = weightedVariance / (weights * weights);
        double z = Confidence.z(confidence);
        double scale = Math.sqrt(variance / total) * multiplier;
        double lower = value + scale * (Rates.byarLower(total, z) - total);
        double upper = value + scale * (Rates.byarUpper(total, z) - total);
        return new DirectlyStandardised(value, lower, upper, total);
    }

    /**
     * Expected E = Σ referenceCountᵢ / referencePopulationᵢ × populationᵢ; ratio O / E × refValue (1 for a ratio,
     * 100 for "SMR × 100") with exact (O &lt; 10) or Byar (O ≥ 10) limits on O divided by E.
     *
     * @param observed the observed total O (the sum of the observed counts by stratum, if the caller has them)
     */
    public static IndirectlyStandardised indirectlyStandardisedRatio(double observed, double[] population,
            double[] referenceCount, double[] referencePopulation, double refValue, double confidence) {
        if (!Double.isFinite(refValue) || refValue <= 0) {
            throw new InvalidInputException("refValue", "must be > 0 (1 for a ratio, 100 for a ratio × 100)");
        }
        double expected = expected(observed, population, referenceCount, referencePopulation, confidence);
        return indirect(observed, expected, refValue, confidence, null);
    }

    /**
     * The indirectly standardised rate: O / E × the reference's crude rate Σ referenceCount / Σ referencePopulation ×
     * multiplier, with the ratio's limits on the same scale.
     */
    public static IndirectlyStandardised indirectlyStandardisedRate(double observed, double[] population,
            double[] referenceCount, double[] referencePopulation, double multiplier, double confidence) {
        Proportions.checkMultiplier(multiplier);
        double expected = expected(observed, population, referenceCount, referencePopulation, confidence);
        double counts = 0;
        double people = 0;
        for (int i = 0; i < referenceCount.length; i++) {
            counts += referenceCount[i];
            people += referencePopulation[i];
        }
        double referenceRate = counts / people * multiplier;
        return indirect(observed, expected, referenceRate, confidence, referenceRate);
    }

    private static double expected(double observed, double[] population, double[] referenceCount,
            double[] referencePopulation, double confidence) {
        if (!Double.isFinite(observed) || observed < 0) {
            throw new InvalidInputException("observed", "must be ≥ 0");
        }
        Confidence.check(confidence);
        if (population.length == 0) {
            throw new InvalidInputException("population", "must hold at least one stratum");
        }
        checkLength("referenceCount", referenceCount, population.length);
        checkLength("referencePopulation", referencePopulation, population.length);
        double expected = 0;
        for (int i = 0; i < population.length; i++) {
            checkNonNegative("population", i, population[i]);
            checkNonNegative("referenceCount", i, referenceCount[i]);
            if (!Double.isFinite(referencePopulation[i]) || referencePopulation[i] <= 0) {
                throw new InvalidInputException("referencePopulation[" + i + "]", "must be > 0");
            }
            expected += referenceCount[i] / referencePopulation[i] * population[i];
        }
        return expected;
    }

    private static IndirectlyStandardised indirect(double observed, double expected, double scale,
            double confidence, @Nullable Double referenceRate) {
        String method = observed >= Rates.BYAR_FROM ? "Byar" : "Exact";
        if (expected == 0) {
            return new IndirectlyStandardised(null, null, null, method, observed, expected, referenceRate);
        }
        double[] limits = Rates.countLimits(observed, confidence);
        return new IndirectlyStandardised(observed / expected * scale, limits[0] / expected * scale,
                limits[1] / expected * scale, method, observed, expected, referenceRate);
    }

    private static void checkStrata(double[] population, double[] standardPopulation, double multiplier,
            double confidence) {
        Confidence.check(confidence);
        Proportions.checkMultiplier(multiplier);
        if (population.length == 0) {
            throw new InvalidInputException("population", "must hold at least one stratum");
        }
        checkLength("standardPopulation", standardPopulation, population.length);
        double weights = 0;
        for (int i = 0; i < population.length; i++) {
            if (!Double.isFinite(population[i]) || population[i] <= 0) {
                throw new InvalidInputException("population[" + i + "]", "must be > 0");
            }
            checkNonNegative("standardPopulation", i, standardPopulation[i]);
            weights += standardPopulation[i];
        }
        if (weights == 0) {
            throw new InvalidInputException("standardPopulation", "must not be 0 in every stratum");
        }
    }

    private static void checkLength(String field, double[] values, int strata) {
        if (values.length != strata) {
            throw new InvalidInputException(field, "must have one value per stratum (" + strata + ", as population)"
                    + " but has " + values.length);
        }
    }

    private static void checkNonNegative(String field, int index, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new InvalidInputException(field + "[" + index + "]", "must be ≥ 0");
        }
    }
}
