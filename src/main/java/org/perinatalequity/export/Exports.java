package org.perinatalequity.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.perinatalequity.security.AuditEntry;
import org.perinatalequity.security.AuditFilter;
import org.perinatalequity.security.AuditService;

import org.springframework.stereotype.Service;

/**
 * The one way data leaves the application as a file: a {@link Table} written as CSV ({@link CsvExport}: one
 * formula neutraliser, one line ending) or as an Arrow stream ({@link ArrowExport}), and always an audit entry
 * saying who took what, written once the file is complete, so a failed write records nothing.
 */
@Service
public class Exports {

    /** The formats a table leaves in. */
    public enum Format {
        CSV("csv", "text/csv;charset=UTF-8"), ARROW("arrow", ArrowExport.MEDIA_TYPE);

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    /**
     * What the audit log records of one export: its target (e.g. {@code breakdown:preterm}), a detail (format,
     * grouping, suppressed or not) and how many records left.
     */
    public record Audit(String target, String detail, long records) {
    }

    private final ArrowExport arrow;
    private final AuditService audit;

    Exports(ArrowExport arrow, AuditService audit) {
        this.arrow = arrow;
        this.audit = audit;
    }

    /** Writes the table in the format, then audits it. */
    public void write(Table table, Format format, OutputStream out, Audit what) throws IOException {
        switch (format) {
            case CSV -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CsvExport.write(table, writer);
                writer.flush();
            }
            case ARROW -> arrow.write(table, out);
        }
        audit.recordExport(what.target(), what.detail(), what.records());
    }

    /** Writes the table as CSV to a character stream, then audits it. */
    public void writeCsv(Table table, Writer out, Audit what) {
        CsvExport.write(table, out);
        audit.recordExport(what.target(), what.detail(), what.records());
    }

    /** The table as CSV bytes (UTF-8), audited. */
    public byte[] csv(Table table, Audit what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(table, Format.CSV, bytes, what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The filtered audit log (newest first) as CSV; ADMIN only (AuditService checks), and the export is itself
     * recorded.
     */
    public byte[] auditLogCsv(AuditFilter filter) {
        List<AuditEntry> entries = audit.find(filter, Integer.MAX_VALUE);
        List<List<Object>> rows = new ArrayList<>();
        for (AuditEntry e : entries) {
            rows.add(Arrays.asList(e.eventId(), e.occurredAt(), e.user(), e.action(), e.target(), e.detail(),
                    e.recordCount(), e.outcome()));
        }
        Table table = new Table(List.of(new Table.Column("event_id", Table.Type.INTEGER),
                new Table.Column("occurred_at", Table.Type.TEXT), new Table.Column("user", Table.Type.TEXT),
                new Table.Column("action", Table.Type.TEXT), new Table.Column("target", Table.Type.TEXT),
                new Table.Column("detail", Table.Type.TEXT), new Table.Column("record_count", Table.Type.INTEGER),
                new Table.Column("outcome", Table.Type.TEXT)), rows);
        return csv(table, new Audit("audit log CSV", AuditService.describe(filter), entries.size()));
    }
}
