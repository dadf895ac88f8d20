package org.perinatalequity.quality;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Whether an outcome can be shown as fact for a group and period: it passes when every data-quality item it depends
 * on reaches its threshold. When it fails, show the outcome flagged "data quality below threshold", naming
 * {@link #firstFailure()}.
 */
public record GateResult(String measureId, boolean passed, List<Check> checks) {

    public GateResult {
        checks = List.copyOf(checks);
    }

    /** The first failing check, in the order the gates are configured. */
    public Optional<Check> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }

    /**
     * One item checked against its threshold. An item with no records in the group and period cannot be judged and
     * passes (the outcome has no records there either); its percentage is then null.
     */
    public record Check(QualityItem item, double minValidPercent, @Nullable Double validPercent, long valid,
            long denominator, boolean passed) {
    }
}
