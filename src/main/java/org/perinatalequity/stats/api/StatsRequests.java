package org.perinatalequity.stats.api;

import java.util.List;

/**
 * The JSON bodies of the statistics calculator (DESIGN.md section 4). Every field is boxed so that a missing one is
 * seen as null and reported by name, instead of silently becoming 0.
 */
final class StatsRequests {

    private StatsRequests() {
    }

    record CountsRequest(Double numerator, Double denominator, Double confidence, Double multiplier) {
    }

    record SiiRequest(String valueType, Boolean transform, Double multiplier, Double confidence, Integer repetitions,
            Long seed, List<QuantileRequest> quantiles) {
    }

    record QuantileRequest(Integer quantile, Double population, Double value, Double lower, Double upper,
            Double standardError) {
    }

    record FunnelLimitsRequest(Double population, Double averageProportion, Double multiplier) {
    }

    record FunnelSignificanceRequest(Double numerator, Double denominator, Double averageProportion) {
    }

    record CompareRequest(String method, Double value, Double lower95, Double upper95, Double lower998,
            Double upper998, Double denominator, Double unit, Double z, Double benchmark, String polarity) {
    }

    record SpcRequest(String chart, List<Double> values, List<Double> denominators, String improvement, Double target,
            Boolean screenOutliers, Integer trendLength, Integer shiftLength, List<Integer> rebaseAt) {
    }

    record SignificanceResponse(String significance) {
    }

    record ComparisonResponse(String comparison) {
    }

    record SpcResponse(double mean, Double lowerLimit, Double upperLimit, List<SpcPointResponse> points,
            String variation, String assurance) {
    }

    /** A point's value and type; its limits too, which vary by point on a p chart and by period after a rebase. */
    record SpcPointResponse(double value, String type, double lowerLimit, double upperLimit) {
    }
}
