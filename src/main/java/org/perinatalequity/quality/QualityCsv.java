package org.perinatalequity.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV exports of data quality: a team's worklist, the escalation summary and counts. Text cells that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) get a leading single quote, because a
 * local patient identifier or team id typed into the source system reaches these files unchanged (OWASP CSV
 * injection).
 */
public final class QualityCsv {

    private QualityCsv() {
    }

    /** The worklist in the page's words and columns, so that a printed CSV reads like the page. */
    public static void worklist(List<WorklistRow> rows, Writer out) {
        try (CSVPrinter csv = printer(out, "Booking date", "Local patient ID", "Item", "Problem", "EDD", "Midwife",
                "New since last load", "Status", "Note")) {
            for (WorklistRow r : rows) {
                csv.printRecord(r.bookingDate(), safe(r.localPatientId()), r.item().label(), r.problem().label(),
                        r.edd() == null ? "" : r.edd(), r.midwife() == null ? "" : safe(r.midwife()),
                        r.newSinceLastLoad() ? "New" : "", r.status().label(), r.note() == null ? "" : safe(r.note()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void escalations(List<Escalation> rows, Writer out) {
        try (CSVPrinter csv = printer(out, "level", "group", "item", "threshold", "months", "since", "latestMonth",
                "valid", "denominator", "validPercent", "escalated")) {
            for (Escalation e : rows) {
                csv.printRecord(e.level().id(), safe(e.group()), e.item().id(), e.threshold(), e.months(), e.since(),
                        e.latestMonth(), e.valid(), e.denominator(), percent(e.latestPercent()), e.escalated());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void counts(String by, List<QualityCount> rows, Writer out) {
        try (CSVPrinter csv = printer(out, by, "item", "valid", "default", "invalid", "missing", "denominator")) {
            for (QualityCount c : rows) {
                csv.printRecord(safe(c.group()), c.item().id(), c.valid(), c.defaultCount(), c.invalid(), c.missing(),
                        c.denominator());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell a spreadsheet will show as text, never evaluate. */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }

    private static String percent(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static CSVPrinter printer(Writer out, String... header) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\r\n").get().print(out);
    }
}
