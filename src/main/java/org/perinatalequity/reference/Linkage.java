package org.perinatalequity.reference;

import java.time.LocalDateTime;

/** Read models of the linkage report. */
public final class Linkage {

    private Linkage() {
    }

    /** A reference file loaded, newest first. */
    public record FileRow(LocalDateTime loadedAt, String kind, String layout, String vintage, String fileName,
            long rows, String user) {
    }

    /** Women of one provider and team, and how many link to an LSOA with an IMD decile. */
    public record MatchRateRow(String provider, String team, long women, long linked, double linkedPercent) {
    }

    /** How many women have each postcode status (linked, terminated, pseudo, unmatched ...). */
    public record StatusCount(String status, long women) {
    }

    /** A postcode district whose well-formed postcodes are not in the directory. */
    public record UnmatchedDistrict(String postcodeDistrict, long women) {
    }
}
