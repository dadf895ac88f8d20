package org.perinatalequity.reference;

import java.util.List;
import java.util.stream.Collectors;

import org.perinatalequity.security.AuditedLoad;

/**
 * What a reference load did: each file, how it was recognised, and the rows loaded; and what it left out or repaired
 * (a boundary feature without a code, an area outside the LMNS, a neighbourhood LSOA the LMNS does not know), each
 * naming the file and, for boundaries, the feature number; and the rows rejected (of the MVP membership list, whose
 * other rows load), each naming the file, line, column, value and reason.
 */
public record ReferenceReport(List<LoadedFile> files, List<String> warnings, List<Reject> rejects)
        implements AuditedLoad.Report {

    public ReferenceReport {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        rejects = List.copyOf(rejects);
    }

    public ReferenceReport(List<LoadedFile> files, List<String> warnings) {
        this(files, warnings, List.of());
    }

    public ReferenceReport(List<LoadedFile> files) {
        this(files, List.of());
    }

    @Override
    public long loadedRows() {
        return files.stream().mapToLong(LoadedFile::rows).sum();
    }

    /** A reference load that returns has loaded every file it was given. */
    @Override
    public boolean allLoaded() {
        return true;
    }

    /** "ONSPD_FEB_2025.csv (ONSPD), File_7.csv (IoD2019 File 7)"; every reference load comes the same way. */
    @Override
    public String auditDetail(String source) {
        return files.stream().map(f -> f.file() + " (" + f.layout() + ")").collect(Collectors.joining(", "));
    }

    /** A row left out: the file, its line, the column, the value as sent (never a member id) and why. */
    public record Reject(String file, long line, String column, String value, String reason) {

        @Override
        public String toString() {
            return file + " line " + line + ", column " + column + ": '" + value + "' " + reason;
        }
    }

    public record LoadedFile(String file, String kind, String layout, String vintage, long rows) {
    }
}
