package org.perinatalequity.ingest;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

/**
 * What an ingest run did, in the JSON shape of DESIGN.md section 4 (the CLI's {@code --report} file and
 * the answer of {@code POST /api/ingest}).
 */
public record IngestReport(long runId, List<Submission> submissions, List<Issue> rejects, List<Issue> warnings) {

    /** True when every submission loaded (rows may still have been rejected). */
    public boolean allLoaded() {
        return submissions.stream().allMatch(s -> s.status() == Status.loaded);
    }

    public enum Status {
        loaded, refused
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submission(String path, String provider, LocalDate periodStart, LocalDate periodEnd, Status status,
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
