package org.perinatalequity.workforce;

import org.jspecify.annotations.Nullable;

/** Cultural-competency training of one staff group and band: completions in the year ÷ staff in post, against the target. */
public record CompletionRow(String staffGroup, String band, @Nullable Double completed, @Nullable Double headcount,
        @Nullable Double percent, @Nullable Boolean meetsTarget, boolean suppressed) {
}
