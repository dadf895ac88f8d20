package org.perinatalequity.ingest;

/**
 * Published after an ingest run loaded at least one submission, once the derived data are refreshed: for whatever
 * follows a load of records itself. Derived results listen to {@code system.DerivedDataRefreshed} instead, which
 * every path that changes them (reference loads, start-up) publishes too.
 */
public record DataChangedEvent(long runId) {
}
