package org.perinatalequity.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Whole months from {@code from} to {@code to}, both included; an absent end is open (all loaded data).
 * Records count in the month of their cohort date (booking or birth).
 */
public record Period(Optional<YearMonth> from, Optional<YearMonth> to) {

    /** Bounds that hold any date a record can carry; DuckDB needs typed values, not nulls, for the bounds. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    public Period {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from " + from.get() + " is after to " + to.get());
        }
    }

    public static Period all() {
        return new Period(Optional.empty(), Optional.empty());
    }

    public static Period of(YearMonth from, YearMonth to) {
        return new Period(Optional.ofNullable(from), Optional.ofNullable(to));
    }

    /** First day included. */
    public LocalDate start() {
        return from.map(m -> m.atDay(1)).orElse(EARLIEST);
    }

    /** First day after the period. */
    public LocalDate end() {
        return to.map(m -> m.plusMonths(1).atDay(1)).orElse(LATEST);
    }
}
