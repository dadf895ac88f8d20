package org.perinatalequity.board;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

import org.perinatalequity.board.ActionPlan.Intervention;
import org.perinatalequity.board.ActionPlan.Priority;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.ingest.LoadedData;
import org.perinatalequity.quality.Escalation;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.Roles;

/**
 * The PDF board pack for a month (DESIGN.md section 8): a cover (period, data-as-at date, source, "synthetic data"
 * under the demo profile), the summary matrix, a page per plan priority with each measure's vector SPC chart, icons
 * and gaps, the data-quality escalations and the action plan's delivery status. Figures are suppressed as on the
 * board page; the export is audited.
 */
@Service
public class BoardPackService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final BreakdownService breakdowns;
    private final ActionPlanService plans;
    private final QualityService quality;
    private final IngestService ingest;
    private final AuditService audit;
    private final Environment environment;

    BoardPackService(BreakdownService breakdowns, ActionPlanService plans, QualityService quality, IngestService ingest,
            AuditService audit, Environment environment) {
        this.breakdowns = breakdowns;
        this.plans = plans;
        this.quality = quality;
        this.ingest = ingest;
        this.audit = audit;
        this.environment = environment;
    }

    /** The pack's period from {@code YYYY-MM}, or a clear error naming the parameter. */
    public static YearMonth period(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException("period must be a month in the form YYYY-MM, not '" + text + "'");
        }
        try {
            return YearMonth.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("period must be a month in the form YYYY-MM, not '" + text + "'");
        }
    }

    /** Writes the pack; audited as an export. */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD })
    public void write(YearMonth period, OutputStream out) {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        String title = "Perinatal equity board pack, " + period.format(MONTH);
        ActionPlan plan = plans.plan();
        List<String> measures = new ArrayList<>(BoardMeasures.KEY);
        plan.priorities().stream().flatMap(p -> p.interventions().stream()).flatMap(i -> i.measures().stream())
                .filter(id -> !measures.contains(id)).forEach(measures::add);
        java.util.Map<String, MeasureStatus> statuses = new java.util.LinkedHashMap<>();
        // The pack's figures and the submissions it names from one data version.
        List<LoadedData.SubmissionRow> submissions = breakdowns.inOneVersion(() -> {
            measures.forEach(id -> statuses.put(id, MeasureStatus.of(breakdowns, id, period)));
            return ingest.findSubmissions();
        });
        LocalDate dataTo = statuses.values().stream().map(s -> s.quarters().dataTo()).filter(d -> d != null)
                .max(LocalDate::compareTo).orElse(null);
        String footer = title + (demo ? " · SYNTHETIC DATA, not real patients" : "")
                + " · small numbers suppressed";
        try (PackDocument pdf = new PackDocument(title, footer)) {
            cover(pdf, title, period, dataTo, submissions, demo, plan);
            pdf.newPage();
            pdf.heading("Summary matrix", 16);
            pdf.paragraph("Every key measure at a glance. Values are for the latest complete quarter up to "
                    + period.format(MONTH) + ", with the published (rounded) numerator and denominator. Icons follow"
                    + " Making Data Count; their words are beside them.", 9);
            List<List<Object>> rows = new ArrayList<>();
            for (String id : BoardMeasures.KEY) {
                BoardSummary s = BoardSummary.of(statuses.get(id));
                rows.add(List.of(s.measure().name(), s.period() == null ? "none" : s.period(), s.value(), s.target(),
                        new PackDocument.IconCell(s.variation(), s.variation().text()),
                        new PackDocument.IconCell(s.assurance(), s.assurance().text()),
                        s.gaps().isEmpty() ? "none (data-quality measure)" : String.join("; ", s.gaps()),
                        s.quality() == null ? "gates pass" : s.quality()));
            }
            pdf.table(List.of("Measure", "Latest complete period", "Value (numerator of denominator)", "Target",
                    "Variation", "Assurance", "Equity gaps", "Data quality"),
                    new float[] { 88, 44, 78, 62, 104, 104, 196, 86 }, rows, 6.8f);
            for (Priority priority : plan.priorities()) {
                priorityPage(pdf, priority, statuses);
            }
            escalations(pdf, period);
            actionPlan(pdf, plan);
            pdf.save(out);
        }
        audit.recordExport("board-pack", "PDF for " + period + ", suppressed", measures.size());
    }

    private void cover(PackDocument pdf, String title, YearMonth period, LocalDate dataTo,
            List<LoadedData.SubmissionRow> submissions, boolean demo, ActionPlan plan) {
        pdf.newPage();
        pdf.moveTo(PackDocument.HEIGHT - 110);
        pdf.heading("Perinatal equity board pack", 26);
        pdf.paragraph("Period: " + period.format(MONTH), 14);
        pdf.paragraph("Data as at: " + (dataTo == null ? "no data loaded" : StatusText.date(dataTo))
                + " (the last day the loaded submissions report on)", 12);
        Set<String> sources = new LinkedHashSet<>();
        for (LoadedData.SubmissionRow s : submissions) {
            sources.add("MSDS submission of provider " + s.provider() + ", reporting period " + s.periodStart()
                    + " to " + s.periodEnd() + " (" + s.layout() + " layout)");
        }
        pdf.paragraph("Source: " + (sources.isEmpty() ? "no submissions loaded" : String.join("; ", sources))
                + ". Action plan: " + plan.source() + ".", 10);
        if (demo) {
            pdf.paragraph("SYNTHETIC DATA: this pack was made from the demo profile's generated extract. It describes"
                    + " no real women or babies and must not be used for decisions.", PackDocument.MARGIN,
                    PackDocument.WIDTH - 2 * PackDocument.MARGIN, 14, true, org.perinatalequity.charts.Palette.PINK);
        }
        pdf.paragraph("Figures are disclosure-controlled: counts of 1 to 7 are shown as 5 and others rounded to the"
                + " nearest 5; values rest on the rounded counts, SPC limits and readings on the true counts, over"
                + " complete months only (months the submissions do not wholly cover are drawn hollow and not used).",
                10);
        pdf.paragraph("Contents: summary matrix; one page per plan priority (" + plan.priorities().size()
                + " priorities) with SPC charts and equity gaps; data-quality escalations; action plan status.", 10);
    }

    private void priorityPage(PackDocument pdf, Priority priority, java.util.Map<String, MeasureStatus> statuses) {
        pdf.newPage();
        pdf.heading(priority.id() + " " + priority.name(), 16);
        Set<String> ids = new LinkedHashSet<>();
        for (Intervention i : priority.interventions()) {
            pdf.paragraph(i.id() + " " + i.title() + " (lead: " + i.lead() + "; " + i.start() + " to " + i.due()
                    + "; delivery: " + i.status().label() + ")", 9);
            ids.addAll(i.measures());
        }
        if (ids.isEmpty()) {
            pdf.paragraph("No measure tracks this priority yet.", 10);
        }
        for (String id : ids) {
            measureBlock(pdf, statuses.get(id));
        }
    }

    private static void measureBlock(PackDocument pdf, MeasureStatus status) {
        float chartW = 390;
        float chartH = 175;
        pdf.need(chartH + 40);
        BoardSummary s = BoardSummary.of(status);
        pdf.heading(s.measure().name(), 12);
        float top = pdf.y() - 4;
        pdf.spcChart(status.months(), s.measure(), PackDocument.MARGIN, top, chartW, chartH);
        float x = PackDocument.MARGIN + chartW + 14;
        float width = PackDocument.WIDTH - PackDocument.MARGIN - x;
        float at = top;
        at -= pdf.block(s.measure().numeratorLabel() + " ÷ " + s.measure().denominatorLabel().toLowerCase(Locale.UK),
                x, at, width, 8, false);
        at -= pdf.block(StatusText.latestText(status.quarters(), s.measure()), x, at, width, 9, true);
        at -= pdf.block(s.basis(), x, at, width, 8, false);
        at -= pdf.block(StatusText.targetText(s.measure()), x, at, width, 8, false);
        if (s.measure().targetCohort() != null) {
            at -= pdf.block(StatusText.cohortText(s.measure(), status.cohort(),
                    status.quarters().latestComplete().map(p -> p.period()).orElse(null),
                    status.quarters().latestComplete().orElse(null)), x, at, width, 8, false);
        }
        pdf.icon(s.variation(), x, at, 22);
        pdf.block(s.variation().text(), x + 26, at, width - 26, 8, false);
        at -= 26;
        pdf.icon(s.assurance(), x, at, 22);
        pdf.block(s.assurance().text(), x + 26, at, width - 26, 8, false);
        at -= 28;
        List<String> gaps = new ArrayList<>();
        if (s.measure().gapDimensions().contains("imd_quintile")) {
            gaps.add(StatusText.deprivationGapText(status.quintiles(), s.measure()));
        }
        if (s.measure().gapDimensions().contains("ethnic_group")) {
            gaps.add(StatusText.ethnicityGapText(status.ethnicity(), s.measure()));
        }
        if (gaps.isEmpty()) {
            gaps.add("No equity gap for a data-quality measure (true by construction).");
        }
        for (String gap : gaps) {
            at -= pdf.block(gap, x, at, width, 7.5f, false);
        }
        if (s.quality() != null) {
            at -= pdf.block(s.quality(), x, at, width, 7.5f, false);
        }
        pdf.moveTo(Math.min(at, top - chartH) - 4);
        pdf.paragraph("Chart: monthly values (filled markers: complete months, coloured by Making Data Count type;"
                + " hollow: incomplete, not used), mean (solid), process limits (dashed), target (dash-dot, blue).",
                PackDocument.MARGIN, chartW, 6.5f, false, org.perinatalequity.charts.Palette.DARK_GREY);
    }

    private void escalations(PackDocument pdf, YearMonth period) {
        pdf.newPage();
        pdf.heading("Data-quality escalations", 16);
        List<Escalation> rows = quality.escalations(Optional.of(period), true);
        pdf.paragraph("Teams and booking sites below the data-quality threshold in each of their last "
                + quality.escalationMonths() + " months with records, up to " + period.format(MONTH)
                + " (docs/data-quality.md). Counts are rounded.", 9);
        if (rows.isEmpty()) {
            pdf.paragraph("No team or site is below threshold for " + quality.escalationMonths()
                    + " consecutive months.", 10);
            return;
        }
        List<List<String>> cells = new ArrayList<>();
        for (Escalation e : rows) {
            cells.add(List.of(e.level() == Escalation.Level.TEAM ? "Team" : "Booking site", e.group(), e.item().label(),
                    String.format(Locale.UK, "%.1f%%", e.threshold()), Integer.toString(e.months()),
                    e.since().toString(), e.latestMonth().toString(), e.latestPercent() == null ? "not available"
                            : String.format(Locale.UK, "%.1f%% (%d of %d)", e.latestPercent(), e.valid(),
                                    e.denominator())));
        }
        pdf.table(List.of("Level", "Team or site", "Item", "Threshold", "Months below", "Since", "Latest month",
                "Latest valid"), new float[] { 70, 110, 130, 60, 60, 70, 70, 120 }, cells, 8);
    }

    private static void actionPlan(PackDocument pdf, ActionPlan plan) {
        pdf.newPage();
        pdf.heading("Action plan status", 16);
        pdf.paragraph("Delivery status as the plan's owners report it (" + plan.source() + "), not computed from the"
                + " data.", 9);
        List<List<String>> rows = new ArrayList<>();
        for (Priority p : plan.priorities()) {
            for (Intervention i : p.interventions()) {
                rows.add(List.of(p.id() + " " + p.name(), i.id() + " " + i.title(), i.lead(), i.start().toString(),
                        i.due().toString(), i.status().label(), String.join(", ", i.measures())));
            }
        }
        pdf.table(List.of("Priority", "Intervention", "Lead", "Start", "Due", "Delivery", "Measures"),
                new float[] { 120, 270, 100, 45, 45, 60, 122 }, rows, 7.5f);
    }
}
