package org.perinatalequity.breakdown.ui;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.quality.QualityService;

/**
 * A measure's definition beside its results, from the catalogue's metadata and the data-quality gates, so an
 * analyst reads what was counted (and an added measure brings its own definition). Closed by default: the
 * results come first.
 */
final class DefinitionPanel extends Details {

    private final BreakdownService service;
    private final DescriptionList terms = new DescriptionList();

    DefinitionPanel(BreakdownService service) {
        this.service = service;
        addClassName("equity-definition");
        setId("measure-definition");
        add(terms);
    }

    /** Shows the definition of a measure broken down by the given dimensions (whose gates are added). */
    void show(Measure measure, Collection<Dimension> breakdown) {
        setSummaryText("Definition: " + measure.name());
        terms.removeAll();
        term("What it measures", measure.description());
        term("Numerator", measure.numeratorLabel());
        term("Denominator", measure.denominatorLabel());
        term("Unit", measure.unit() + (measure.target() == null ? ""
                : "; target " + Formats.value(measure.target()) + " " + measure.unit()) + "; "
                + measure.polarity().text());
        term("Source", measure.source());
        term("Exclusions", measure.exclusions() == null ? "Not stated in the definition" : measure.exclusions());
        term("Data-quality gate", gates(service.gates(measure.id(), breakdown)));
        term("Date counted", measure.eventDate());
        DescriptionList.Term plans = new DescriptionList.Term("Plan items");
        UnorderedList items = new UnorderedList(measure.planItems().stream().map(ListItem::new)
                .toArray(ListItem[]::new));
        terms.add(plans, new DescriptionList.Description(items));
    }

    /** The text of the gate, e.g. "Gestation at birth at least 70% valid"; "none" when nothing gates it. */
    static String gates(List<QualityService.GateRule> rules) {
        if (rules.isEmpty()) {
            return "None: shown whatever the recording";
        }
        return String.join("; ", rules.stream().map(r -> r.item().label() + " at least "
                + String.format(Locale.UK, "%.0f", r.minValidPercent()) + "% valid").toList())
                + ". Below that the result is flagged, not shown as fact.";
    }

    private void term(String name, String text) {
        terms.add(new DescriptionList.Term(name), new DescriptionList.Description(text));
    }
}
