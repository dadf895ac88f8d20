package org.perinatalequity.stats;

/**
 * An input a statistical method cannot use. {@link #field()} is the input's JSON name (e.g. {@code denominator}), so
 * a caller that holds many inputs can say which element and which field was wrong.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
