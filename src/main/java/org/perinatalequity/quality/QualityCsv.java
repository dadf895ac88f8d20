package org.perinatalequity.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.perinatalequity.export.CsvExport;
import org.perinatalequity.export.Table;

/**
 * CSV exports of data quality: a team's worklist, the escalation summary and counts, as tables for the export
 * route. {@link CsvExport} neutralises text cells a spreadsheet would run as a formula, which matters here because
 * a local patient identifier or team id typed into the source system reaches these files unchanged (OWASP CSV
 * injection).
 */
public final class QualityCsv {

    private QualityCsv() {
    }

    /** The worklist in the page's words and columns, so that a printed CSV reads like the page. */
    public static Table worklistTable(List<WorklistRow> rows) {
        List<List<Object>> cells = new ArrayList<>();
        for (WorklistRow r : rows) {
            cells.add(Arrays.asList(r.bookingDate(), r.localPatientId(), r.item().label(), r.problem().label(),
                    r.edd() == null ? "" : r.edd(), r.midwife() == null ? "" : r.midwife(),
                    r.newSinceLastLoad() ? "New" : "", r.status().label(), r.note() == null ? "" : r.note()));
        }
        return table(cells, "Booking date", "Local patient ID", "Item", "Problem", "EDD", "Midwife",
                "New since last load", "Status", "Note");
    }

    public static Table escalationsTable(List<Escalation> rows) {
        List<List<Object>> cells = new ArrayList<>();
        for (Escalation e : rows) {
            cells.add(Arrays.asList(e.level().id(), e.group(), e.item().id(), e.threshold(), e.months(), e.since(),
                    e.latestMonth(), e.valid(), e.denominator(), percent(e.latestPercent()), e.escalated()));
        }
        return table(cells, "level", "group", "item", "threshold", "months", "since", "latestMonth", "valid",
                "denominator", "validPercent", "escalated");
    }

    public static Table countsTable(String by, List<QualityCount> rows) {
        List<List<Object>> cells = new ArrayList<>();
        for (QualityCount c : rows) {
            cells.add(Arrays.asList(c.group(), c.item().id(), c.valid(), c.defaultCount(), c.invalid(), c.missing(),
                    c.denominator()));
        }
        return table(cells, by, "item", "valid", "default", "invalid", "missing", "denominator");
    }

    private static String percent(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** CSV only: every column is declared text, the cells keep the types they print with. */
    private static Table table(List<List<Object>> rows, String... header) {
        return new Table(Arrays.stream(header).map(h -> new Table.Column(h, Table.Type.TEXT)).toList(), rows);
    }
}
