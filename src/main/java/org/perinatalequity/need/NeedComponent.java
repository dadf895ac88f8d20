package org.perinatalequity.need;

import java.util.Arrays;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The components of the need score, by the id the weights file and the API use. The outcomes are measures of the
 * catalogue; late booking is the complement of {@code early_booking} (bookings after 70 days of the bookings with a
 * gestation of 0–300 days).
 */
public enum NeedComponent {

    BIRTHS("births", "Births", null, false, NeedComposite.Direction.HIGHER_IS_MORE_NEED),
    DEPRIVATION("deprivation", "IMD decile", null, false, NeedComposite.Direction.LOWER_IS_MORE_NEED),
    BLACK_ASIAN_MIXED_SHARE("black_asian_mixed_share", "Black, Asian and Mixed mothers (%)", null, false,
            NeedComposite.Direction.HIGHER_IS_MORE_NEED),
    PRETERM("preterm", "Preterm births", "preterm", false, NeedComposite.Direction.HIGHER_IS_MORE_NEED),
    STILLBIRTH("stillbirth", "Stillbirths", "stillbirth", false, NeedComposite.Direction.HIGHER_IS_MORE_NEED),
    LOW_BIRTHWEIGHT_TERM("low_birthweight_term", "Low birthweight at term", "low_birthweight_term", false,
            NeedComposite.Direction.HIGHER_IS_MORE_NEED),
    SMOKING_DELIVERY("smoking_delivery", "Smoking at delivery", "smoking_delivery", false,
            NeedComposite.Direction.HIGHER_IS_MORE_NEED),
    LATE_BOOKING("late_booking", "Late booking (after 10 weeks)", "early_booking", true,
            NeedComposite.Direction.HIGHER_IS_MORE_NEED);

    private final String id;
    private final String label;
    private final @Nullable String measureId;
    private final boolean complement;
    private final NeedComposite.Direction direction;

    NeedComponent(String id, String label, @Nullable String measureId, boolean complement,
            NeedComposite.Direction direction) {
        this.id = id;
        this.label = label;
        this.measureId = measureId;
        this.complement = complement;
        this.direction = direction;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The catalogue measure an outcome counts from; null for births, deprivation and ethnicity. */
    public @Nullable String measureId() {
        return measureId;
    }

    /** True when the events are the measure's denominator less its numerator (late booking from early booking). */
    boolean complement() {
        return complement;
    }

    NeedComposite.Direction direction() {
        return direction;
    }

    public boolean isOutcome() {
        return measureId != null;
    }

    public static Optional<NeedComponent> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
