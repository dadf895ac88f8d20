package org.perinatalequity.stats;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.perinatalequity.stats.SiiInput.Quantile;
import org.perinatalequity.stats.SiiInput.ValueType;

/** The checks phe_sii makes before it calculates, with field names the calculator API can report. */
final class SiiValidation {

    private SiiValidation() {
    }

    static void check(SiiInput input) {
        if (input.valueType() == null) {
            throw new InvalidInputException("valueType", "must be rate, proportion or other");
        }
        Confidence.check(input.confidence());
        if (!Double.isFinite(input.multiplier()) || input.multiplier() == 0) {
            throw new InvalidInputException("multiplier", "must be a non-zero number");
        }
        if (input.repetitions() < 1000) {
            throw new InvalidInputException("repetitions", "must be at least 1000");
        }
        if (input.transform() && input.valueType() == ValueType.OTHER) {
            throw new InvalidInputException("transform", "is only for valueType rate or proportion");
        }
        List<Quantile> quantiles = input.quantiles();
        if (quantiles == null || quantiles.size() < 5 || quantiles.size() > 100) {
            throw new InvalidInputException("quantiles", "must hold 5 to 100 quantiles");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < quantiles.size(); i++) {
            checkQuantile(input, quantiles.get(i), "quantiles[" + i + "].", seen);
        }
    }

    private static void checkQuantile(SiiInput input, Quantile q, String at, Set<Integer> seen) {
        if (!seen.add(q.quantile())) {
            throw new InvalidInputException(at + "quantile", "is a duplicate");
        }
        if (!(q.population() > 0) || !Double.isFinite(q.population())) {
            throw new InvalidInputException(at + "population", "must be > 0");
        }
        boolean hasLimits = q.lower() != null && q.upper() != null;
        if (input.transform() && !hasLimits) {
            throw new InvalidInputException(at + "lower", "and upper are needed when transform is true");
        }
        if (q.standardError() == null && !hasLimits) {
            throw new InvalidInputException(at + "standardError", "is needed when lower and upper are not given");
        }
        if (q.standardError() != null && !(q.standardError() >= 0)) {
            throw new InvalidInputException(at + "standardError", "must be ≥ 0");
        }
        checkScale(input.valueType(), at + "value", q.value());
        if (hasLimits) {
            checkScale(input.valueType(), at + "lower", q.lower());
            checkScale(input.valueType(), at + "upper", q.upper());
            if (q.lower() > q.upper()) {
                throw new InvalidInputException(at + "upper", "must be ≥ lower");
            }
        }
    }

    /** Values must exist on the transformed scale: rates above 0, proportions strictly between 0 and 1. */
    private static void checkScale(ValueType type, String field, double v) {
        boolean ok = switch (type) {
            case RATE -> v > 0 && Double.isFinite(v);
            case PROPORTION -> v > 0 && v < 1;
            case OTHER -> Double.isFinite(v);
        };
        if (!ok) {
            throw new InvalidInputException(field, switch (type) {
                case RATE -> "must be > 0 for a rate (its logarithm is used)";
                case PROPORTION -> "must be a fraction strictly between 0 and 1 (its logit is used)";
                case OTHER -> "must be a number";
            });
        }
    }
}
