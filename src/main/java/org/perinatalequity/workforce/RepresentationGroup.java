package org.perinatalequity.workforce;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The groups compared with the community served, as {@code group=} names them. */
public enum RepresentationGroup {

    STAFF("Staff in post"), BOARD("Board (voting members)"), MVP("Maternity Voices Partnership members");

    private final String label;

    RepresentationGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name in the API: staff, board, mvp. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the parameter and the valid values
     */
    public static RepresentationGroup of(String value) {
        for (RepresentationGroup g : values()) {
            if (g.id().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException("Parameter 'group': '" + value + "' is not one of "
                + Arrays.stream(values()).map(RepresentationGroup::id).collect(Collectors.joining(", ")));
    }
}
