package org.perinatalequity.workforce;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One ethnic group's figures of an indicator: its numerator and denominator (see {@link WresCell}) and their
 * percentage. All three are null and {@code suppressed} true when either count would identify fewer staff than the
 * suppression threshold. For indicator 9 the group's share of the workforce and the percentage-point gap of the board
 * against it are added.
 */
public record GroupFigures(@Nullable Double numerator, @Nullable Double denominator, @Nullable Double value,
        boolean suppressed, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double workforceValue,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Double gap) {

    static GroupFigures of(double numerator, double denominator) {
        return new GroupFigures(numerator, denominator, denominator > 0 ? 100 * numerator / denominator : null, false,
                null, null);
    }

    static GroupFigures hidden() {
        return new GroupFigures(null, null, null, true, null, null);
    }

    static GroupFigures none() {
        return new GroupFigures(null, null, null, false, null, null);
    }

    GroupFigures against(@Nullable Double workforce) {
        if (suppressed || value == null || workforce == null) {
            return new GroupFigures(numerator, denominator, value, suppressed, suppressed ? null : workforce, null);
        }
        return new GroupFigures(numerator, denominator, value, false, workforce, value - workforce);
    }
}
