package org.perinatalequity.quality;

import java.time.YearMonth;

/** Valid records and all records of one item for one team or site in one month. */
public record MonthlyCount(Escalation.Level level, String group, QualityItem item, YearMonth month, long valid,
        long denominator) {
}
