package org.perinatalequity.reference.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.perinatalequity.reference.Linkage;

/**
 * The postcode statuses of {@code v_women}, each with the plain-English meaning an analyst needs to
 * judge whether a count is a data-quality problem (unmatched, malformed, missing) or expected (pseudo,
 * outside England). The codes are shown as stored so that they can be looked up in exports.
 */
enum PostcodeStatus {

    LINKED("linked", "Postcode found in the postcode directory and linked to its area"),
    TERMINATED("terminated", "Postcode no longer in use but still in the directory, so still linked"),
    LSOA_SUBMITTED("lsoa_submitted", "National-layout extract: no full postcode, the submitted LSOA 2011 is used"),
    PSEUDO("pseudo", "ZZ99 pseudo-postcode: no fixed abode or resident overseas, so no area"),
    OUTSIDE_ENGLAND("outside_england",
            "Outside England: linked to a local authority, but the English IMD does not cover it"),
    UNMATCHED("unmatched", "Well-formed postcode that is not in the postcode directory"),
    MALFORMED("malformed", "Not the shape of a UK postcode, so it cannot be looked up"),
    MISSING("missing", "No postcode recorded");

    /** One line of the status grid. */
    record Row(String status, String description, long women, double percent) {
    }

    private final String code;
    private final String description;

    PostcodeStatus(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /**
     * Every known status in a fixed order, zeros included (a zero for malformed is worth seeing), then any
     * status the database has that this list does not know yet. Empty when there are no women.
     */
    static List<Row> rows(List<Linkage.StatusCount> counts) {
        long total = counts.stream().mapToLong(Linkage.StatusCount::women).sum();
        if (total == 0) {
            return List.of();
        }
        Map<String, Long> byStatus = counts.stream()
                .collect(Collectors.toMap(Linkage.StatusCount::status, Linkage.StatusCount::women, Long::sum));
        Map<String, PostcodeStatus> known = Arrays.stream(values())
                .collect(Collectors.toMap(s -> s.code, Function.identity()));
        List<Row> rows = new ArrayList<>();
        for (PostcodeStatus s : values()) {
            rows.add(row(s.code, s.description, byStatus.getOrDefault(s.code, 0L), total));
        }
        byStatus.forEach((status, women) -> {
            if (!known.containsKey(status)) {
                rows.add(row(status, "", women, total));
            }
        });
        return rows;
    }

    private static Row row(String status, String description, long women, long total) {
        return new Row(status, description, women, 100.0 * women / total);
    }
}
