package org.perinatalequity.reference.ui;

/** The linkage report's own words for reference kinds and IMD vintages; numbers and dates are system.ui.DisplayFormats. */
final class LinkageFormats {

    private LinkageFormats() {
    }

    /** The kinds as ref_file stores them, in words. */
    static String kind(String kind) {
        return switch (kind) {
            case "postcode_directory" -> "Postcode directory";
            case "imd" -> "Indices of Deprivation";
            case "gp_pcn" -> "GP practice to PCN";
            default -> kind;
        };
    }

    /** "IMD 2019 on LSOA 2011": each IMD vintage is tied to the census geography it was published on. */
    static String imdVintage(String vintage) {
        return switch (vintage) {
            case "2019" -> "IMD 2019 on LSOA 2011";
            case "2025" -> "IMD 2025 on LSOA 2021";
            default -> "IMD " + vintage;
        };
    }
}
