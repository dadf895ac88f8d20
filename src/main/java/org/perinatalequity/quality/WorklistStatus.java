package org.perinatalequity.quality;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a team is with one record's item on its worklist. A row nobody has marked is {@link #TO_FIX}. */
public enum WorklistStatus {
    TO_FIX("to_fix", "To fix"),
    FIXED("fixed", "Fixed"),
    CANNOT_FIX("cannot_fix", "Cannot fix");

    private final String id;
    private final String label;

    WorklistStatus(String id, String label) {
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

    public static Optional<WorklistStatus> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
