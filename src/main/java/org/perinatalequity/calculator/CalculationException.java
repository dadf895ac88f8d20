package org.perinatalequity.calculator;

/**
 * A calculator input that cannot be used. {@link #index()} is the item's place in the request (null when the
 * request as a whole is refused, e.g. too many items) and {@link #field()} the JSON name of its input, so the API can
 * answer {@code [2].denominator must be ≥ numerator} and the calculator view "Row 4: denominator must be ≥
 * numerator" from the same failure.
 */
public class CalculationException extends RuntimeException {

    private final Integer index;
    private final String field;
    private final String problem;

    CalculationException(Integer index, String field, String problem) {
        super(index == null ? problem
                : "[" + index + "]" + (field.isEmpty() ? "" : "." + field) + " " + problem);
        this.index = index;
        this.field = field;
        this.problem = problem;
    }

    public Integer index() {
        return index;
    }

    /** The input's JSON name, e.g. {@code denominator} or {@code quantiles[2].population}; null with no index. */
    public String field() {
        return field;
    }

    /** What is wrong with it, e.g. {@code must be ≥ numerator}. */
    public String problem() {
        return problem;
    }
}
