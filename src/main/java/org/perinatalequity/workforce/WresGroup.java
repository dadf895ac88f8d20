package org.perinatalequity.workforce;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The WRES ethnic groups (workforce-and-mental-health.md section 1.3): White British, Irish and any other White
 * background (A, B, C) are White; every other stated category (D–S) is BME; not stated (Z), not known (99) and
 * blank are Unknown, which drops out of the relative likelihoods.
 */
public enum WresGroup {
    WHITE("White"), BME("BME"), UNKNOWN("Unknown");

    private final String label;

    WresGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The group of an NHS ethnic category (A–S, Z, 99 or null). */
    public static WresGroup ofCategory(@Nullable String category) {
        if (category == null) {
            return UNKNOWN;
        }
        return switch (category.strip().toUpperCase(Locale.ROOT)) {
            case "A", "B", "C" -> WHITE;
            case "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S" -> BME;
            default -> UNKNOWN;
        };
    }

    /** The group of a label of the aggregate layout ({@code White}, {@code BME}, {@code Unknown}). */
    public static WresGroup ofLabel(String label) {
        for (WresGroup g : values()) {
            if (g.label.equalsIgnoreCase(label.strip())) {
                return g;
            }
        }
        throw new IllegalArgumentException("Not a WRES ethnic group: '" + label + "' (White, BME, Unknown)");
    }
}
