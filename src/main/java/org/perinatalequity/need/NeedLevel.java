package org.perinatalequity.need;

import java.util.Arrays;
import java.util.Optional;

/** The areas ranked: the LMNS's neighbourhoods ({@code ref_neighbourhood}) or its LSOAs. */
public enum NeedLevel {
    NEIGHBOURHOOD("neighbourhood", "Neighbourhood"), LSOA("lsoa", "LSOA");

    private final String id;
    private final String label;

    NeedLevel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<NeedLevel> fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}
