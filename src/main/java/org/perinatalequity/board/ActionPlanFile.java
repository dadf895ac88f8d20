package org.perinatalequity.board;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.perinatalequity.board.ActionPlan.DeliveryStatus;
import org.perinatalequity.board.ActionPlan.Intervention;
import org.perinatalequity.board.ActionPlan.Priority;

/**
 * Reads the action plan CSV (docs/action-plan.md). The whole file is checked before anything is used, and every
 * problem is reported at once with its line, column and value, so whoever keeps the plan can fix it in one go.
 */
final class ActionPlanFile {

    static final List<String> COLUMNS = List.of("priority_id", "priority", "intervention_id", "intervention", "lead",
            "start", "due", "delivery_status", "focus", "measures");
    private static final Set<String> OPTIONAL = Set.of("focus", "measures");
    /** Enough to fix a file in one pass without drowning the page. */
    private static final int MAX_PROBLEMS = 20;

    private ActionPlanFile() {
    }

    /**
     * @param file the file's name, used in messages
     * @param knownMeasures the catalogue's measure ids; any other id in {@code measures} is an error
     */
    static ActionPlan read(String text, String file, Set<String> knownMeasures) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<String> problems = new ArrayList<>();
        Map<String, Priority> priorities = new LinkedHashMap<>();
        Map<String, List<Intervention>> interventions = new HashMap<>();
        Set<String> interventionIds = new HashSet<>();
        try (CSVParser csv = CSVParser.builder().setReader(new StringReader(content)).setFormat(format).get()) {
            List<String> header = csv.getHeaderNames().stream().map(String::trim).toList();
            List<String> missing = COLUMNS.stream().filter(c -> !OPTIONAL.contains(c) && !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new ActionPlanException(file, List.of(file + " line 1: missing column(s) "
                        + String.join(", ", missing) + "; the header must name " + String.join(", ", COLUMNS)));
            }
            for (CSVRecord record : csv) {
                Row row = new Row(file, lineOf(content, record.getCharacterPosition()), record, header, problems);
                String priorityId = row.required("priority_id");
                String priorityName = row.required("priority");
                String id = row.required("intervention_id");
                String title = row.required("intervention");
                String lead = row.required("lead");
                YearMonth start = row.month("start");
                YearMonth due = row.month("due");
                DeliveryStatus status = row.status();
                String focus = row.optional("focus");
                List<String> measures = row.measures(knownMeasures);
                if (start != null && due != null && due.isBefore(start)) {
                    row.problem("due", due.toString(), "is before the start " + start);
                }
                if (id != null && !interventionIds.add(id)) {
                    row.problem("intervention_id", id, "is used by an earlier line; each intervention needs its own id");
                }
                if (priorityId != null && priorityName != null) {
                    Priority known = priorities.get(priorityId);
                    if (known == null) {
                        priorities.put(priorityId, new Priority(priorityId, priorityName, List.of()));
                    } else if (!known.name().equals(priorityName)) {
                        row.problem("priority", priorityName, "differs from '" + known.name() + "' given for "
                                + priorityId + " on an earlier line");
                    }
                }
                if (problems.isEmpty()) {
                    interventions.computeIfAbsent(priorityId, k -> new ArrayList<>()).add(
                            new Intervention(id, title, lead, start, due, status, focus, measures));
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ActionPlanException(file, List.of(file + ": cannot be read as CSV (" + e.getMessage() + ")"));
        }
        if (problems.isEmpty() && priorities.isEmpty()) {
            problems.add(file + ": has a header but no interventions");
        }
        if (!problems.isEmpty()) {
            throw new ActionPlanException(file, problems);
        }
        return new ActionPlan(file, priorities.values().stream()
                .map(p -> new Priority(p.id(), p.name(), List.copyOf(interventions.get(p.id())))).toList());
    }

    /** The 1-based line on which the record starts (a quoted field may run over several lines). */
    private static long lineOf(String content, long position) {
        int start = (int) position;
        // The parser's position is where it began reading, before any blank lines it skipped.
        while (start < content.length() && (content.charAt(start) == '\n' || content.charAt(start) == '\r')) {
            start++;
        }
        return 1 + content.substring(0, start).chars().filter(c -> c == '\n').count();
    }

    /** One line of the file, collecting its problems into the file's list. */
    private record Row(String file, long line, CSVRecord record, List<String> header, List<String> problems) {

        String optional(String column) {
            int index = header.indexOf(column);
            if (index < 0 || index >= record.size()) {
                return "";
            }
            return record.get(index).trim();
        }

        String required(String column) {
            String value = optional(column);
            if (value.isEmpty()) {
                problem(column, value, "is required");
                return null;
            }
            return value;
        }

        YearMonth month(String column) {
            String value = required(column);
            if (value == null) {
                return null;
            }
            try {
                // A day is allowed (2022-04-01) but the plan is kept by month.
                return YearMonth.parse(value.length() == 10 ? value.substring(0, 7) : value);
            } catch (DateTimeParseException e) {
                problem(column, value, "is not a month in the form YYYY-MM");
                return null;
            }
        }

        DeliveryStatus status() {
            String value = required("delivery_status");
            if (value == null) {
                return null;
            }
            DeliveryStatus status = DeliveryStatus.fromLabel(value);
            if (status == null) {
                problem("delivery_status", value, "must be one of " + String.join(", ",
                        Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::label).toList()));
            }
            return status;
        }

        List<String> measures(Set<String> known) {
            String value = optional("measures");
            List<String> ids = Arrays.stream(value.split("[;|]")).map(String::trim).filter(s -> !s.isEmpty())
                    .distinct().toList();
            for (String id : ids) {
                if (!known.contains(id)) {
                    problem("measures", id, "is not a measure in the catalogue (docs/measures.md lists them)");
                }
            }
            return ids;
        }

        void problem(String column, String value, String reason) {
            problems.add(file + " line " + line + ", column " + column + ": '" + value + "' " + reason);
        }
    }
}
