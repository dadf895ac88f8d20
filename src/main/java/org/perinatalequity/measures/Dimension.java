package org.perinatalequity.measures;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The breakdown dimensions of DESIGN.md section 4. Each maps to one fixed column of the fact table, so no
 * user text ever reaches SQL; {@code fixedValues} lists the values in display order where the list is
 * known in advance (otherwise they come from the data, sorted).
 */
public enum Dimension {
    ETHNIC_GROUP("ethnic_group", "Ethnic group", List.of("White", "Mixed", "Asian or Asian British",
            "Black or Black British", "Any other ethnic group", "Not stated", "Not known", "Missing")),
    ETHNIC_CATEGORY("ethnic_category", "Ethnic category", List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K",
            "L", "M", "N", "P", "R", "S", "Z", "99", "Missing")),
    IMD_DECILE("imd_decile", "IMD decile (1 = most deprived)", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9",
            "10", "Unknown")),
    IMD_QUINTILE("imd_quintile", "IMD quintile (1 = most deprived)", List.of("1", "2", "3", "4", "5", "Unknown")),
    PLACE("place", "Place", List.of("Leicester", "Leicestershire", "Rutland", "Outside LLR",
            "Pseudo postcode (ZZ99: no fixed abode or overseas)", "Unknown")),
    LOCAL_AUTHORITY("local_authority", "Local authority", List.of()),
    POSTCODE_DISTRICT("postcode_district", "Postcode district", List.of()),
    LSOA("lsoa", "LSOA", List.of()),
    // The areas of the mother's LSOA (ref_lsoa_area from the boundary files, the LMNS's neighbourhood file).
    MSOA("msoa", "MSOA", List.of()),
    WARD("ward", "Ward", List.of()),
    NEIGHBOURHOOD("neighbourhood", "Neighbourhood", List.of()),
    GP_PRACTICE("gp_practice", "GP practice", List.of()),
    PCN("pcn", "Primary care network", List.of()),
    TEAM("team", "Community midwifery team", List.of()),
    PROVIDER("provider", "Provider", List.of()),
    BOOKING_SITE("booking_site", "Booking site", List.of()),
    AGE_GROUP("age_group", "Age group", List.of("Under 20", "20 to 24", "25 to 29", "30 to 34", "35 to 39",
            "40 to 44", "45 or over", "Unknown")),
    MONTH("month", "Month", List.of()),
    QUARTER("quarter", "Quarter", List.of()),
    FINANCIAL_YEAR("financial_year", "Financial year", List.of());

    private final String id;
    private final String label;
    private final List<String> fixedValues;

    Dimension(String id, String label, List<String> fixedValues) {
        this.id = id;
        this.label = label;
        this.fixedValues = fixedValues;
    }

    /** Also how the dimension is written in JSON and listed in the OpenAPI document's enums. */
    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The fact-table column; equal to the id, and only ever taken from this enum. */
    public String column() {
        return id;
    }

    public List<String> fixedValues() {
        return fixedValues;
    }

    public boolean isDeprivation() {
        return this == IMD_DECILE || this == IMD_QUINTILE;
    }

    /** An area with a boundary, so a breakdown by it can be mapped (PCNs and postcode districts have none here). */
    public boolean isMappable() {
        return this == LSOA || this == MSOA || this == WARD || this == NEIGHBOURHOOD || this == PLACE;
    }

    public static Optional<Dimension> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }
}
