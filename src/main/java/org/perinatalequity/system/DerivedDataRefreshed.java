package org.perinatalequity.system;

/**
 * Published once after every derived-data refresh, when every {@link RefreshStep} has finished: results computed
 * from an earlier version are stale (caches), and what is shown first can be computed ahead (the board warm-up).
 *
 * @param version the new {@link DataVersion}
 */
public record DerivedDataRefreshed(long version) {
}
