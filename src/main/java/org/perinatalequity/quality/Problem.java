package org.perinatalequity.quality;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a record is on a team's worklist. {@code NOT_LINKED} is a well-formed postcode missing from the
 * postcode directory: counted as invalid, but named apart because it may be new rather than mistyped.
 */
public enum Problem {
    MISSING("missing", "Missing"),
    DEFAULT("default", "Not known (default code)"),
    INVALID("invalid", "Invalid"),
    NOT_LINKED("not_linked", "Not in the postcode directory");

    private final String id;
    private final String label;

    Problem(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static java.util.Optional<Problem> fromIdIfAny(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    public static Problem fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown worklist problem '" + id + "'"));
    }
}
