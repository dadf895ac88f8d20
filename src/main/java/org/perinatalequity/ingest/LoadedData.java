package org.perinatalequity.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/** Read models of what is loaded, for the data page and the API. */
public final class LoadedData {

    private LoadedData() {
    }

    /** A submission in the database. */
    public record SubmissionRow(long submissionId, String provider, LocalDate periodStart, LocalDate periodEnd,
            String layout, LocalDateTime loadedAt, long runId) {
    }

    /** Rows of one raw MSDS table, over all submissions, and its records after overlapping versions are merged. */
    public record TableRows(String table, long rows, long latestRecords) {
    }

    /**
     * The MHSDS of one mental health provider: its women, how many linked to an MSDS mother (so their
     * ethnicity and deprivation are the maternity record's), and its perinatal (C02/F02) referrals and contacts.
     */
    public record MentalHealthLinkage(String provider, long women, long linked, double linkageRate,
            long perinatalReferrals, long perinatalContacts) {
    }

    /** One ingest run with its counts of rejects and warnings. */
    public record RunRow(long runId, LocalDateTime startedAt, LocalDateTime finishedAt, String user, String source,
            String outcome, String message, long rejects, long warnings) {
    }

    /** One reject or warning of a run. */
    public record IssueRow(long runId, String kind, String type, String file, String table, @Nullable Integer line,
            String column, String value, String reason) {
    }
}
