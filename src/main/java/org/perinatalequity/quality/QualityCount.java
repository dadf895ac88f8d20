package org.perinatalequity.quality;

import org.perinatalequity.stats.DisclosureControl;

/**
 * Valid, default, invalid and missing counts of one item for one group (a team, a site, a month ...). They add up
 * to the denominator: the records of the item's cohort in the group.
 */
public record QualityCount(String group, QualityItem item, long valid, long defaultCount, long invalid, long missing,
        long denominator) {

    /** Valid records as a percentage of the denominator, or null when there are none. */
    public Double validPercent() {
        return denominator == 0 ? null : 100.0 * valid / denominator;
    }

    /** The counts as the NHS publishes them (0 stays 0, 1–7 become 5, others to the nearest 5). */
    QualityCount rounded() {
        return new QualityCount(group, item, DisclosureControl.roundCount(valid), DisclosureControl.roundCount(defaultCount),
                DisclosureControl.roundCount(invalid), DisclosureControl.roundCount(missing),
                DisclosureControl.roundCount(denominator));
    }
}
