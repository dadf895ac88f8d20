package org.perinatalequity.calculator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The inputs and answers of the statistics calculator (DESIGN.md section 4), named as in its JSON. Every field is
 * boxed so that a missing one is seen as null and reported by name, instead of silently becoming 0. Public because
 * the REST controller and the calculator view both build them.
 */
public final class StatsRequests {

    private StatsRequests() {
    }

    public record CountsRequest(@Nullable Double numerator, @Nullable Double denominator, @Nullable Double confidence,
            @Nullable Double multiplier) {
    }

    public record SiiRequest(String valueType, @Nullable Boolean transform, @Nullable Double multiplier,
            @Nullable Double confidence, @Nullable Integer repetitions, @Nullable Long seed,
            List<QuantileRequest> quantiles) {
    }

    public record QuantileRequest(@Nullable Integer quantile, @Nullable Double population, @Nullable Double value,
            @Nullable Double lower, @Nullable Double upper, @Nullable Double standardError) {
    }

    public record FunnelLimitsRequest(@Nullable Double population, @Nullable Double averageProportion,
            @Nullable Double multiplier) {
    }

    public record FunnelSignificanceRequest(@Nullable Double numerator, @Nullable Double denominator,
            @Nullable Double averageProportion) {
    }

    public record CompareRequest(String method, @Nullable Double value, @Nullable Double lower95,
            @Nullable Double upper95, @Nullable Double lower998, @Nullable Double upper998,
            @Nullable Double denominator, @Nullable Double unit, @Nullable Double z, @Nullable Double benchmark,
            String polarity) {
    }

    public record SpcRequest(String chart, List<Double> values, List<Double> denominators, String improvement,
            @Nullable Double target, @Nullable Boolean screenOutliers, @Nullable Integer trendLength,
            @Nullable Integer shiftLength, List<Integer> rebaseAt) {
    }

    /**
     * {@code POST /api/stats/dsr} (DESIGN.md section 8): {@code count} by stratum, or {@code individualsByFrequency}
     * for people with repeated events; null counts are 0.
     */
    public record DsrRequest(@Nullable List<@Nullable Double> count, @Nullable List<@Nullable Double> population,
            @Nullable List<@Nullable Double> standardPopulation, @Nullable List<FrequencyRequest> individualsByFrequency,
            @Nullable Double multiplier, @Nullable Double confidence) {
    }

    /** People with exactly {@code frequency} events, by stratum. */
    public record FrequencyRequest(@Nullable Double frequency, @Nullable List<@Nullable Double> individuals) {
    }

    /**
     * {@code POST /api/stats/isr} and {@code /israte}: {@code observed} by stratum or {@code observedTotal};
     * {@code refValue} for the ratio, {@code multiplier} for the rate (each endpoint reads only its own).
     */
    public record IsrRequest(@Nullable List<@Nullable Double> observed, @Nullable Double observedTotal,
            @Nullable List<@Nullable Double> population, @Nullable List<@Nullable Double> referenceCount,
            @Nullable List<@Nullable Double> referencePopulation, @Nullable Double refValue,
            @Nullable Double multiplier, @Nullable Double confidence) {
    }

    public record RelativeLikelihoodRequest(@Nullable Double numerator1, @Nullable Double denominator1,
            @Nullable Double numerator2, @Nullable Double denominator2, @Nullable Double confidence) {
    }

    public record RepresentationRequest(@Nullable List<@Nullable Double> counts, @Nullable List<@Nullable Double> shares,
            @Nullable Double confidence) {
    }

    /** Value and limits null when the total count is under 10; {@code method} is always "Dobson". */
    public record DsrResponse(@Nullable Double value, @Nullable Double lower, @Nullable Double upper, String method,
            double totalCount) {
    }

    /** Value and limits null when expected is 0. */
    public record IsrResponse(@Nullable Double value, @Nullable Double lower, @Nullable Double upper, String method,
            double observed, double expected) {
    }

    public record IsRateResponse(@Nullable Double value, @Nullable Double lower, @Nullable Double upper,
            String method, double observed, double expected, double referenceRate) {
    }

    /** {@code method} is always "Katz" (the log-scale interval). */
    public record RelativeLikelihoodResponse(@Nullable Double value, @Nullable Double lower, @Nullable Double upper,
            String method) {
    }

    public record RepresentationResponse(List<CategoryResponse> categories, String test, double pValue) {
    }

    /** Shares and limits are fractions; {@code gap} is in percentage points. */
    public record CategoryResponse(double share, double lower, double upper, double ratio, double gap) {
    }

    public record SignificanceResponse(String significance) {
    }

    public record ComparisonResponse(String comparison) {
    }

    public record SpcResponse(double mean, @Nullable Double lowerLimit, @Nullable Double upperLimit,
            List<SpcPointResponse> points, String variation, String assurance) {
    }

    /** A point's value and type; its limits too, which vary by point on a p chart and by period after a rebase. */
    public record SpcPointResponse(double value, String type, double lowerLimit, double upperLimit) {
    }
}
