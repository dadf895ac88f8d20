package org.perinatalequity.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.perinatalequity.security.AuditedLoad;
import org.jspecify.annotations.Nullable;

/**
 * What an ingest run did, in the JSON shape of DESIGN.md section 4 (the CLI's {@code --report} file and
 * the answer of {@code POST /api/ingest}).
 */
public record IngestReport(long runId, List<Submission> submissions, List<Issue> rejects, List<Issue> warnings)
        implements AuditedLoad.Report {

    /** True when every submission loaded (rows may still have been rejected). */
    @Override
    public boolean allLoaded() {
        return submissions.stream().allMatch(s -> s.status() == Status.loaded);
    }

    @Override
    public long loadedRows() {
        return submissions.stream().flatMap(s -> s.tables().stream()).mapToLong(TableCount::loaded).sum();
    }

    /** "via SOURCE: " then each submission, loaded (provider and period) or refused (and why). */
    @Override
    public String auditDetail(String source) {
        return "via " + source + ": " + submissions.stream().map(s -> s.path() + " " + s.status()
                + (s.status() == Status.loaded ? " " + s.provider() + " " + s.periodStart() + " to " + s.periodEnd()
                        : ": " + s.message()))
                .collect(Collectors.joining("; "));
    }

    public enum Status {
        loaded, refused
    }

    /** {@code dataset} is MSDS or MHSDS, as recognised from the files (null when no file could be read). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submission(String path, @Nullable Dataset dataset, String provider, LocalDate periodStart, LocalDate periodEnd, Status status,
            String message, List<TableCount> tables) {
    }

    public record TableCount(String table, long read, long loaded, long rejected) {
    }

    /**
     * A rejected row or a warning. {@code line} counts lines as an editor does (header = line 1);
     * {@code value} is withheld for sensitive items.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Issue(String type, String file, String table, @Nullable Integer line, String column, String value,
            String reason) {
    }
}
