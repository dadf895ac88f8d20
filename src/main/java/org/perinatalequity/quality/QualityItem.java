package org.perinatalequity.quality;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The MSDS items whose completeness equity analysis depends on, as classified by {@code v_quality_item}
 * (db/120-quality.sql). The id is the value of the view's {@code item} column and of the API's {@code item}
 * parameter; the cohort says which records count (docs/data-quality.md).
 */
public enum QualityItem {
    ETHNIC_CATEGORY("ethnic_category", "Ethnic category", Cohort.WOMEN_BOOKED),
    POSTCODE("postcode", "Postcode", Cohort.WOMEN_BOOKED),
    GP_PRACTICE("gp_practice", "GP practice", Cohort.WOMEN_BOOKED),
    CARE_PLAN_TEAM("care_plan_team", "Care plan team", Cohort.WOMEN_BOOKED),
    GESTATION_AT_BOOKING("gestation_at_booking", "Gestation at booking", Cohort.BOOKINGS),
    SMOKING_STATUS("smoking_status", "Smoking status at booking", Cohort.BOOKINGS),
    GESTATION_AT_BIRTH("gestation_at_birth", "Gestation at birth", Cohort.BABIES_BORN),
    DELIVERY_METHOD("delivery_method", "Delivery method", Cohort.BABIES_BORN),
    FIRST_FEED("first_feed", "First feed", Cohort.BABIES_BORN),
    BIRTHWEIGHT("birthweight", "Birthweight", Cohort.BABIES_BORN),
    /**
     * An MHSDS woman's record linked to her MSDS record (valid), without an NHS number to link by (missing), or
     * with one that matches no maternity record (invalid, not_linked); by her mental health provider.
     */
    MH_LINKAGE("mh_linkage", "Mental health record linked to maternity", Cohort.MENTAL_HEALTH_WOMEN);

    /**
     * Which records an item is counted over, dated by the booking or the birth, or (MHSDS women) by the woman's first
     * mental health referral.
     */
    public enum Cohort {
        WOMEN_BOOKED, BOOKINGS, BABIES_BORN, MENTAL_HEALTH_WOMEN
    }

    private final String id;
    private final String label;
    private final Cohort cohort;

    QualityItem(String id, String label, Cohort cohort) {
        this.id = id;
        this.label = label;
        this.cohort = cohort;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Cohort cohort() {
        return cohort;
    }

    /**
     * The items of the maternity records (MSDS), which teams and booking sites own: the team grids and escalations
     * show these; the mental-health linkage belongs to the mental health provider.
     */
    public static java.util.List<QualityItem> maternity() {
        return Arrays.stream(values()).filter(i -> i.cohort != Cohort.MENTAL_HEALTH_WOMEN).toList();
    }

    public static Optional<QualityItem> fromId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}
