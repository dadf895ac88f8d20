package org.perinatalequity.board.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCaption;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;

import org.perinatalequity.board.ActionPlan;
import org.perinatalequity.board.ActionPlan.DeliveryStatus;
import org.perinatalequity.board.ActionPlan.Intervention;
import org.perinatalequity.board.ActionPlan.Priority;
import org.perinatalequity.board.ActionPlanException;
import org.perinatalequity.board.ActionPlanService;
import org.perinatalequity.board.MeasureStatus;
import org.perinatalequity.security.Roles;
import org.perinatalequity.shell.MainLayout;
import org.perinatalequity.stats.SpcResult.PointType;

/**
 * The action plan: each priority's interventions with their lead, timeline and delivery status (from the plan file),
 * and the measures that track them with where they stand (latest quarter, target, Making Data Count variation and
 * assurance, deprivation gap), disclosure-controlled for every role. Filters narrow it to the interventions a board
 * should look at; the CSV download holds exactly the rows shown.
 */
@Route(value = "action-plan", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM })
@PageTitle("Action plan | Perinatal Equity Dashboard")
@Menu(title = "Action plan", order = 7, icon = "vaadin:tasks")
class ActionPlanView extends VerticalLayout {

    static final String ALL = "All delivery statuses";
    private static final List<String> MEASURE_COLUMNS = List.of("Measure", "Latest", "Target", "Variation", "Assurance",
            "Deprivation gap");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    private final ActionPlanService service;
    private final Select<String> delivery = new Select<>();
    private final Checkbox concernOnly = new Checkbox("Only interventions with a measure showing special-cause concern");
    private final Paragraph summary = new Paragraph();
    private final Div content = new Div();
    private final Anchor download = new Anchor();
    private ActionPlan plan;
    private Map<String, MeasureStatus> statuses;

    ActionPlanView(ActionPlanService service) {
        this.service = service;
        addClassName("equity-page");
        addClassName("equity-plan");
        add(new H1("Action plan"));
        try {
            plan = service.plan();
        } catch (ActionPlanException e) {
            add(problems(e));
            return;
        }
        statuses = service.statuses(plan);
        Paragraph lead = new Paragraph("The equity and equality action plan's priorities and interventions, from "
                + plan.source() + ". Delivery status, leads and timelines are as the plan's owners record them; the"
                + " measures that track each intervention come from the loaded data, with small numbers suppressed.");
        lead.addClassName("equity-lead");

        delivery.setLabel("Delivery status");
        delivery.setId("plan-delivery");
        delivery.setItems(statusChoices());
        delivery.setValue(ALL);
        delivery.addValueChangeListener(e -> refresh());
        concernOnly.setId("plan-concern");
        concernOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(delivery, concernOnly);
        filters.setAlignItems(Alignment.BASELINE);
        filters.addClassName("equity-controls");

        summary.setId("plan-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        content.setId("plan-content");
        content.setWidthFull();
        download.setText("Download CSV");
        download.setId("plan-download");
        download.getElement().setAttribute("download", "action-plan.csv");
        add(lead, filters, summary, download, content);
        refresh();
    }

    private static List<String> statusChoices() {
        return Stream.concat(Stream.of(ALL), Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::label)).toList();
    }

    /** The plan narrowed to what the filters keep; priorities left with no intervention are dropped. */
    ActionPlan shown() {
        Predicate<Intervention> keep = i -> ALL.equals(delivery.getValue())
                || i.status().label().equals(delivery.getValue());
        if (concernOnly.getValue()) {
            keep = keep.and(i -> i.measures().stream()
                    .anyMatch(id -> statuses.get(id).months().variation() == PointType.SPECIAL_CAUSE_CONCERN));
        }
        Predicate<Intervention> filter = keep;
        return new ActionPlan(plan.source(), plan.priorities().stream()
                .map(p -> new Priority(p.id(), p.name(), p.interventions().stream().filter(filter).toList()))
                .filter(p -> !p.interventions().isEmpty()).toList());
    }

    private void refresh() {
        ActionPlan shown = shown();
        List<Intervention> interventions = shown.priorities().stream().flatMap(p -> p.interventions().stream())
                .toList();
        Map<DeliveryStatus, Long> counts = interventions.stream()
                .collect(Collectors.groupingBy(Intervention::status, Collectors.counting()));
        summary.setText(interventions.size() + (interventions.size() == 1 ? " intervention" : " interventions")
                + " in " + shown.priorities().size() + (shown.priorities().size() == 1 ? " priority" : " priorities")
                + (counts.isEmpty() ? "." : ": " + Arrays.stream(DeliveryStatus.values()).filter(counts::containsKey)
                        .map(s -> counts.get(s) + " " + s.label().toLowerCase(Locale.UK))
                        .collect(Collectors.joining(", ")) + "."));
        content.removeAll();
        for (Priority priority : shown.priorities()) {
            content.add(priority(priority));
        }
        download.setHref(DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            service.writeCsv(shown, statuses, bytes);
            return new DownloadResponse(new ByteArrayInputStream(bytes.toByteArray()), "action-plan.csv", "text/csv",
                    bytes.size());
        }));
    }

    private Section priority(Priority priority) {
        String headingId = "plan-priority-" + priority.id();
        H2 heading = new H2(priority.id() + " " + priority.name());
        heading.setId(headingId);
        Section section = new Section(heading);
        section.getElement().setAttribute("aria-labelledby", headingId);
        section.addClassName("equity-plan-priority");
        for (Intervention intervention : priority.interventions()) {
            section.add(intervention(intervention));
        }
        return section;
    }

    private Article intervention(Intervention i) {
        String id = "plan-intervention-" + i.id().replaceAll("[^A-Za-z0-9_-]", "-");
        H3 title = new H3(i.id() + " " + i.title());
        title.setId(id + "-title");
        Span status = new Span("Delivery: " + i.status().label());
        status.addClassNames("equity-plan-status", "equity-plan-status-" + i.status().name().toLowerCase(Locale.UK));
        Paragraph facts = new Paragraph(new Span("Lead: " + i.lead()), new Span(" · Timeline: "
                + MONTH.format(i.start()) + " to " + MONTH.format(i.due()) + " · "), status);
        facts.setId(id + "-facts");
        Article article = new Article(title, facts);
        if (!i.focus().isEmpty()) {
            article.add(new Paragraph("Focus: " + i.focus()));
        }
        article.setId(id);
        article.addClassName("equity-plan-intervention");
        article.getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        if (i.measures().isEmpty()) {
            Paragraph none = new Paragraph("No measure in the catalogue tracks this intervention yet.");
            none.setId(id + "-no-measures");
            article.add(none);
        } else {
            article.add(measures(i, id));
        }
        return article;
    }

    private NativeTable measures(Intervention intervention, String id) {
        NativeTable table = new NativeTable();
        table.setId(id + "-measures");
        table.addClassName("equity-plan-measures");
        NativeTableCaption caption = new NativeTableCaption();
        caption.setText("Measures tracking " + intervention.id());
        table.add(caption);
        NativeTableHeader head = new NativeTableHeader();
        NativeTableRow headings = new NativeTableRow();
        MEASURE_COLUMNS.forEach(c -> {
            NativeTableHeaderCell cell = new NativeTableHeaderCell(c);
            cell.getElement().setAttribute("scope", "col");
            headings.add(cell);
        });
        head.add(headings);
        NativeTableBody body = new NativeTableBody();
        for (String measureId : intervention.measures()) {
            MeasureStatus s = statuses.get(measureId);
            List<String> texts = ActionPlanService.texts(s);
            NativeTableRow row = new NativeTableRow();
            NativeTableHeaderCell name = new NativeTableHeaderCell(new Anchor(
                    "explorer?measure=" + measureId + "&by=imd_quintile", s.measure().name()));
            name.getElement().setAttribute("scope", "row");
            row.add(name);
            for (int c = 0; c < 4; c++) {
                row.add(new NativeTableCell(texts.get(c)));
            }
            NativeTableCell gap = new NativeTableCell(texts.get(4));
            if (texts.get(5) != null) {
                Paragraph flag = new Paragraph(texts.get(5));
                flag.addClassName("equity-quality-flag");
                gap.add(flag);
            }
            row.add(gap);
            body.add(row);
        }
        table.add(head, body);
        return table;
    }

    private static Div problems(ActionPlanException e) {
        Div box = new Div(new H2("The action plan cannot be shown"),
                new Paragraph("Whoever keeps the plan file needs to correct it (docs/action-plan.md):"));
        UnorderedList list = new UnorderedList();
        e.problems().forEach(p -> list.add(new ListItem(p)));
        box.add(list);
        box.setId("plan-problems");
        box.getElement().setAttribute("role", "alert");
        box.addClassName("equity-error");
        return box;
    }
}
