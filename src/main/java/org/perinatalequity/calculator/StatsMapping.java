package org.perinatalequity.calculator;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.perinatalequity.stats.InvalidInputException;
import org.perinatalequity.stats.Polarity;
import org.perinatalequity.stats.SiiInput;
import org.perinatalequity.stats.SiiInput.Quantile;
import org.perinatalequity.stats.SiiInput.ValueType;
import org.perinatalequity.stats.SpcInput;
import org.perinatalequity.stats.SpcInput.Chart;
import org.perinatalequity.stats.SpcInput.Improvement;
import org.perinatalequity.stats.Standardisation.FrequencyGroup;
import org.perinatalequity.calculator.StatsRequests.FrequencyRequest;
import org.perinatalequity.calculator.StatsRequests.QuantileRequest;
import org.perinatalequity.calculator.StatsRequests.SiiRequest;
import org.perinatalequity.calculator.StatsRequests.SpcRequest;

/** JSON names to the stats types: defaults, required fields and the contract's lowercase words. */
final class StatsMapping {

    private StatsMapping() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    /** A list of numbers where a null element is 0 (a stratum with no events). */
    static double[] zeroIfNull(List<@Nullable Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = values.get(i);
            out[i] = v == null ? 0 : v;
        }
        return out;
    }

    /** A list of numbers where every element must be given. */
    static double[] allRequired(List<@Nullable Double> values, String field) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = required(values.get(i), field + "[" + i + "]");
        }
        return out;
    }

    static List<FrequencyGroup> frequencies(List<FrequencyRequest> rows) {
        List<FrequencyGroup> groups = new ArrayList<>(rows.size());
        for (int g = 0; g < rows.size(); g++) {
            String at = "individualsByFrequency[" + g + "]";
            FrequencyRequest row = required(rows.get(g), at);
            groups.add(new FrequencyGroup(required(row.frequency(), at + ".frequency"),
                    zeroIfNull(required(row.individuals(), at + ".individuals"))));
        }
        return groups;
    }

    /** Exactly one of two alternative inputs (count or individualsByFrequency, observed or observedTotal). */
    static void oneOf(@Nullable Object first, String firstName, @Nullable Object second, String secondName) {
        if (first == null && second == null) {
            throw new InvalidInputException(firstName, "or " + secondName + " is required");
        }
        if (first != null && second != null) {
            throw new InvalidInputException(firstName, "and " + secondName + " cannot both be given: send one");
        }
    }

    static Polarity polarity(String text) {
        return switch (required(text, "polarity")) {
            case "higher_is_better" -> Polarity.HIGHER_IS_BETTER;
            case "lower_is_better" -> Polarity.LOWER_IS_BETTER;
            case "none" -> Polarity.NONE;
            default -> throw new InvalidInputException("polarity", "must be higher_is_better, lower_is_better or none");
        };
    }

    static SiiInput siiInput(SiiRequest r) {
        ValueType type = switch (required(r.valueType(), "valueType")) {
            case "rate" -> ValueType.RATE;
            case "proportion" -> ValueType.PROPORTION;
            case "other" -> ValueType.OTHER;
            default -> throw new InvalidInputException("valueType", "must be rate, proportion or other");
        };
        List<QuantileRequest> rows = required(r.quantiles(), "quantiles");
        Quantile[] quantiles = new Quantile[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            QuantileRequest q = required(rows.get(i), "quantiles[" + i + "]");
            String at = "quantiles[" + i + "].";
            quantiles[i] = new Quantile(required(q.quantile(), at + "quantile"),
                    required(q.population(), at + "population"), required(q.value(), at + "value"), q.lower(),
                    q.upper(), q.standardError());
        }
        int repetitions = r.repetitions() == null ? SiiInput.DEFAULT_REPETITIONS : r.repetitions();
        if (repetitions > 1_000_000) {
            throw new InvalidInputException("repetitions", "must be at most 1000000");
        }
        return new SiiInput(type, r.transform() != null && r.transform(),
                or(r.multiplier(), StatsCalculator.SII_MULTIPLIER),
                or(r.confidence(), StatsCalculator.DEFAULT_CONFIDENCE), repetitions, List.of(quantiles));
    }

    static SpcInput spcInput(SpcRequest r) {
        Chart chart = switch (required(r.chart(), "chart")) {
            case "xmr" -> Chart.XMR;
            case "p" -> Chart.P;
            case "p_prime" -> Chart.P_PRIME;
            default -> throw new InvalidInputException("chart", "must be xmr, p or p_prime");
        };
        Improvement improvement = switch (required(r.improvement(), "improvement")) {
            case "increase" -> Improvement.INCREASE;
            case "decrease" -> Improvement.DECREASE;
            case "neither" -> Improvement.NEITHER;
            default -> throw new InvalidInputException("improvement", "must be increase, decrease or neither");
        };
        return new SpcInput(chart, required(r.values(), "values"), r.denominators(), improvement, r.target(),
                r.screenOutliers() == null || r.screenOutliers(),
                r.trendLength() == null ? SpcInput.DEFAULT_RUN_LENGTH : r.trendLength(),
                r.shiftLength() == null ? SpcInput.DEFAULT_RUN_LENGTH : r.shiftLength(),
                r.rebaseAt() == null ? List.of() : r.rebaseAt());
    }
}
