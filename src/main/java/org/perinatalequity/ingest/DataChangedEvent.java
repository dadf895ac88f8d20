package org.perinatalequity.ingest;

/** Published after an ingest run loaded at least one submission: caches of derived results are stale. */
public record DataChangedEvent(long runId) {
}
