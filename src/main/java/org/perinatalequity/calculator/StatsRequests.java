package org.perinatalequity.calculator;

import java.util.List;

/**
 * The inputs and answers of the statistics calculator (DESIGN.md section 4), named as in its JSON. Every field is
 * boxed so that a missing one is seen as null and reported by name, instead of silently becoming 0. Public because
 * the REST controller and the calculator view both build them.
 */
public final class StatsRequests {

    private StatsRequests() {
    }

    public record CountsRequest(Double numerator, Double denominator, Double confidence, Double multiplier) {
    }

    public record SiiRequest(String valueType, Boolean transform, Double multiplier, Double confidence,
            Integer repetitions, Long seed, List<QuantileRequest> quantiles) {
    }

    public record QuantileRequest(Integer quantile, Double population, Double value, Double lower, Double upper,
            Double standardError) {
    }

    public record FunnelLimitsRequest(Double population, Double averageProportion, Double multiplier) {
    }

    public record FunnelSignificanceRequest(Double numerator, Double denominator, Double averageProportion) {
    }

    public record CompareRequest(String method, Double value, Double lower95, Double upper95, Double lower998,
            Double upper998, Double denominator, Double unit, Double z, Double benchmark, String polarity) {
    }

    public record SpcRequest(String chart, List<Double> values, List<Double> denominators, String improvement,
            Double target, Boolean screenOutliers, Integer trendLength, Integer shiftLength, List<Integer> rebaseAt) {
    }

    public record SignificanceResponse(String significance) {
    }

    public record ComparisonResponse(String comparison) {
    }

    public record SpcResponse(double mean, Double lowerLimit, Double upperLimit, List<SpcPointResponse> points,
            String variation, String assurance) {
    }

    /** A point's value and type; its limits too, which vary by point on a p chart and by period after a rebase. */
    public record SpcPointResponse(double value, String type, double lowerLimit, double upperLimit) {
    }
}
