package org.perinatalequity.board;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

import org.perinatalequity.board.ActionPlan.Intervention;
import org.perinatalequity.board.ActionPlan.Priority;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.export.Exports;
import org.perinatalequity.export.Table;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.security.Roles;

/**
 * The action plan (docs/action-plan.md): its priorities and interventions from the plan file, each linked to the
 * measures that track it with where they stand. Figures are always disclosure-controlled: the plan is read by the
 * board and by teams as well as by analysts.
 */
@Service
public class ActionPlanService {

    private static final Logger LOG = LoggerFactory.getLogger(ActionPlanService.class);

    private final Path file;
    private final BreakdownService breakdowns;
    private final Exports exports;
    private Loaded loaded;

    /** Public so a page can be tried on another plan file (the page's tests show a broken one). */
    public ActionPlanService(ActionPlanProperties properties, BreakdownService breakdowns, Exports exports) {
        this.file = properties.file().toAbsolutePath().normalize();
        this.breakdowns = breakdowns;
        this.exports = exports;
    }

    /**
     * The plan as the file says now: re-read when the file's modification time or size changes, so whoever keeps
     * the plan sees an edit on the next page load without a restart.
     *
     * @throws ActionPlanException when the file is missing or has errors (each with line, column and value)
     */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM })
    public ActionPlan plan() {
        return readPlan();
    }

    private synchronized ActionPlan readPlan() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ActionPlanException(file.toString(), List.of("there is no action plan file at " + file
                    + "; set equity.action-plan.file (docs/action-plan.md)"));
        } catch (IOException e) {
            throw new ActionPlanException(file.toString(), List.of(file + ": cannot be read (" + e.getMessage() + ")"));
        }
        if (loaded == null || !loaded.modified().equals(modified) || loaded.size() != size) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ActionPlanException(file.toString(), List.of(file + ": cannot be read as UTF-8 text ("
                        + e.getMessage() + ")"));
            }
            Set<String> measures = breakdowns.measures().stream().map(Measure::id).collect(Collectors.toSet());
            try {
                loaded = new Loaded(modified, size, ActionPlanFile.read(text, file.getFileName().toString(), measures));
            } catch (ActionPlanException e) {
                LOG.warn(e.getMessage());
                throw e;
            }
        }
        return loaded.plan();
    }

    /**
     * The measures the plan names, for computing their figures in advance; none when the plan file cannot be read
     * (the page says why). Not guarded: measure ids are not data.
     */
    Set<String> planMeasures() {
        try {
            return readPlan().priorities().stream().flatMap(p -> p.interventions().stream())
                    .flatMap(i -> i.measures().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (ActionPlanException e) {
            return Set.of();
        }
    }

    /** Where each measure the plan names stands, by measure id, in the order the plan first names them. */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM })
    public Map<String, MeasureStatus> statuses(ActionPlan plan) {
        // Every measure row of the plan from one data version.
        return breakdowns.inOneVersion(() -> {
            Map<String, MeasureStatus> statuses = new LinkedHashMap<>();
            for (Priority priority : plan.priorities()) {
                for (Intervention intervention : priority.interventions()) {
                    for (String id : intervention.measures()) {
                        statuses.computeIfAbsent(id, m -> MeasureStatus.of(breakdowns, m));
                    }
                }
            }
            return statuses;
        });
    }

    /**
     * The plan as shown, one row per intervention and measure (an intervention no measure tracks has one row with
     * the measure columns empty); audited as every export is.
     */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM })
    public void writeCsv(ActionPlan plan, Map<String, MeasureStatus> statuses, OutputStream out) {
        Table table = table(plan, statuses);
        try {
            exports.write(table, Exports.Format.CSV, out, new Exports.Audit("action-plan", "CSV of " + plan.source()
                    + ", suppressed", table.rows().size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Table table(ActionPlan plan, Map<String, MeasureStatus> statuses) {
        List<Table.Column> columns = new ArrayList<>();
        for (String name : List.of("priority_id", "priority", "intervention_id", "intervention", "lead", "start", "due",
                "delivery_status", "focus", "measure_id", "measure", "latest", "target", "variation", "assurance",
                "deprivation_gap", "data_quality")) {
            columns.add(new Table.Column(name, Table.Type.TEXT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Priority priority : plan.priorities()) {
            for (Intervention i : priority.interventions()) {
                List<Object> about = List.of(priority.id(), priority.name(), i.id(), i.title(), i.lead(),
                        i.start().toString(), i.due().toString(), i.status().label(), i.focus());
                if (i.measures().isEmpty()) {
                    List<Object> row = new ArrayList<>(about);
                    for (int c = about.size(); c < columns.size(); c++) {
                        row.add(null);
                    }
                    rows.add(row);
                }
                for (String id : i.measures()) {
                    MeasureStatus s = statuses.get(id);
                    List<Object> row = new ArrayList<>(about);
                    row.add(id);
                    row.add(s.measure().name());
                    row.addAll(texts(s));
                    rows.add(row);
                }
            }
        }
        return new Table(columns, rows);
    }

    /** latest, target, variation, assurance, deprivation gap and data quality, worded as on the page. */
    public static List<String> texts(MeasureStatus s) {
        Measure m = s.measure();
        List<String> texts = new ArrayList<>(List.of(StatusText.latestText(s.quarters(), m), StatusText.targetText(m),
                StatusText.variationText(s.months().variation()),
                StatusText.assuranceText(s.months().assurance(), m.target()),
                StatusText.deprivationGapText(s.quintiles(), m)));
        texts.add(StatusText.dataQualityText(List.of(s.quintiles())));
        return texts;
    }

    private record Loaded(FileTime modified, long size, ActionPlan plan) {
    }
}
