package org.perinatalequity.geography;

import java.util.regex.Pattern;

/**
 * The statistical and administrative areas ONS publishes boundaries for, each with the shape of its GSS codes
 * (E01 LSOAs, E02 MSOAs, E05 wards, E06–E09 local authorities; the Welsh W-codes too).
 */
public enum AreaLevel {
    LSOA("lsoa", "Lower layer super output area", "[EW]01\\d{6}"),
    MSOA("msoa", "Middle layer super output area", "[EW]02\\d{6}"),
    WARD("ward", "Electoral ward", "[EW]05\\d{6}"),
    LAD("lad", "Local authority district", "[EW]0[6-9]\\d{6}");

    private final String id;
    private final String label;
    private final Pattern code;

    AreaLevel(String id, String label, String code) {
        this.id = id;
        this.label = label;
        this.code = Pattern.compile(code);
    }

    /** The value stored in {@code ref_boundary.level}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean isCode(String value) {
        return code.matcher(value).matches();
    }

    public static AreaLevel fromId(String id) {
        for (AreaLevel level : values()) {
            if (level.id.equals(id)) {
                return level;
            }
        }
        throw new IllegalArgumentException("No area level " + id);
    }
}
