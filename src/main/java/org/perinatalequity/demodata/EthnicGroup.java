package org.perinatalequity.demodata;

import java.util.List;

/** ONS five-group ethnicity with the MSDS ETHNIC CATEGORY codes each group contains (msds-v2.md 2.1). */
enum EthnicGroup {
    WHITE(List.of("A", "B", "C")),
    MIXED(List.of("D", "E", "F", "G")),
    ASIAN(List.of("H", "J", "K", "L")),
    BLACK(List.of("M", "N", "P")),
    OTHER(List.of("R", "S"));

    private final List<String> codes;

    EthnicGroup(List<String> codes) {
        this.codes = codes;
    }

    List<String> codes() {
        return codes;
    }

    /** The group of a valid A–S code, or null for Z, 99, blanks and invalid codes. */
    static EthnicGroup ofCode(String code) {
        for (EthnicGroup g : values()) {
            if (g.codes.contains(code)) {
                return g;
            }
        }
        return null;
    }
}
