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
