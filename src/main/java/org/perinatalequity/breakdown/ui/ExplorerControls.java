package org.perinatalequity.breakdown.ui;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;

import org.perinatalequity.breakdown.Adjustment;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.system.ui.ComboBoxes;

/**
 * The explorer's choices. Every change becomes a new {@link ExplorerState} handed to the view; setting a state
 * from outside (the URL) does not echo back.
 */
class ExplorerControls extends FormLayout {

    private final BreakdownService service;
    private final Consumer<ExplorerState> onChange;
    final ComboBox<Measure> measure = new ComboBox<>("Measure");
    final Select<Dimension> by = new Select<>();
    final Select<Dimension> by2 = new Select<>();
    final ComboBox<YearMonth> from = new ComboBox<>("From");
    final ComboBox<YearMonth> to = new ComboBox<>("To");
    final Select<Dimension> filterDimension = new Select<>();
    final MultiSelectComboBox<String> filterValues = new MultiSelectComboBox<>("Filter values");
    final ComboBox<String> reference = new ComboBox<>("Reference group");
    final Checkbox suppress = new Checkbox("Suppress small numbers");
    final Checkbox adjust = new Checkbox("Adjusted for maternal age");
    private ExplorerState state = ExplorerState.initial();
    private boolean updating;

    ExplorerControls(BreakdownService service, Consumer<ExplorerState> onChange) {
        this.service = service;
        this.onChange = onChange;
        measure.setItems(service.measures());
        measure.setItemLabelGenerator(Measure::name);
        measure.setId("measure");
        by.setLabel("Break down by");
        by.setItems(Dimension.values());
        by.setItemLabelGenerator(Dimension::label);
        by.setId("by");
        by2.setLabel("and by");
        by2.setItems(Arrays.stream(Dimension.values()).toList());
        by2.setEmptySelectionAllowed(true);
        by2.setEmptySelectionCaption("(none)");
        by2.setItemLabelGenerator(d -> d == null ? "(none)" : d.label());
        by2.setId("by2");
        List<YearMonth> months = service.dimensionValues(Dimension.MONTH).stream().map(YearMonth::parse).toList();
        from.setItems(months);
        to.setItems(months);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        filterDimension.setLabel("Filter on");
        filterDimension.setItems(Dimension.values());
        filterDimension.setEmptySelectionAllowed(true);
        filterDimension.setEmptySelectionCaption("(no filter)");
        filterDimension.setItemLabelGenerator(d -> d == null ? "(no filter)" : d.label());
        reference.setClearButtonVisible(true);
        reference.setHelperText("Adds a ratio to this group");
        ComboBoxes.enterChooses(measure);
        ComboBoxes.enterChooses(from);
        ComboBoxes.enterChooses(to);
        ComboBoxes.enterChooses(filterValues);
        ComboBoxes.enterChooses(reference);

        // A measure counted in women has no maternal-age adjustment (the service refuses it): the choice goes.
        measure.addValueChangeListener(e -> change(s -> e.getValue() == null ? s
                : countsWomen(e.getValue()) ? s.withMeasure(e.getValue().id()).withAdjust(null)
                : s.withMeasure(e.getValue().id())));
        by.addValueChangeListener(e -> change(s -> e.getValue() == null ? s : s.withBy(e.getValue())));
        by2.addValueChangeListener(e -> change(s -> s.withBy2(e.getValue())));
        from.addValueChangeListener(e -> change(s -> s.withPeriod(e.getValue(), s.to())));
        to.addValueChangeListener(e -> change(s -> s.withPeriod(s.from(), e.getValue())));
        filterDimension.addValueChangeListener(e -> {
            if (!updating) {
                updateFilterValues(e.getValue());
            }
        });
        filterValues.addValueChangeListener(e -> change(s -> filterDimension.getValue() == null ? s
                : s.withFilter(filterDimension.getValue(), List.copyOf(e.getValue()))));
        reference.addValueChangeListener(e -> change(s -> s.withReference(e.getValue())));
        suppress.addValueChangeListener(e -> change(s -> s.withSuppress(e.getValue())));
        adjust.setId("adjust");
        adjust.setHelperText("Adds each group's ratio of observed to expected events at the LMNS's rates by"
                + " mother's age band (<20 to 40+); adjusts for maternal age only");
        adjust.addValueChangeListener(e -> change(s -> s.withAdjust(e.getValue() ? Adjustment.MATERNAL_AGE : null)));
        add(measure, by, by2, from, to, filterDimension, filterValues, reference, suppress, adjust);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("700px", 3));
    }

    private void change(java.util.function.UnaryOperator<ExplorerState> update) {
        if (!updating) {
            onChange.accept(update.apply(state));
        }
    }

    private void updateFilterValues(Dimension dimension) {
        updating = true;
        filterValues.clear();
        filterValues.setItems(dimension == null ? List.of() : service.dimensionValues(dimension));
        if (dimension != null && state.filters().containsKey(dimension)) {
            filterValues.select(state.filters().get(dimension));
        }
        updating = false;
    }

    /** Shows a state without firing changes. Suppression can only be switched off by an analyst. */
    void setState(ExplorerState next, boolean analyst) {
        updating = true;
        state = next;
        measure.setValue(service.measures().stream().filter(m -> m.id().equals(next.measure())).findFirst()
                .orElse(null));
        by.setValue(next.by());
        by2.setValue(next.by2());
        from.setValue(next.from());
        to.setValue(next.to());
        reference.setItems(service.dimensionValues(next.by()));
        reference.setValue(next.reference());
        suppress.setValue(next.suppress());
        adjust.setValue(next.adjust() != null);
        adjust.setEnabled(measure.getValue() == null || !countsWomen(measure.getValue()));
        suppress.setEnabled(analyst);
        suppress.setHelperText(analyst ? "Analysts may switch suppression off" : "Always on for this role");
        Dimension filtered = next.filters().keySet().stream().findFirst().orElse(filterDimension.getValue());
        filterDimension.setValue(filtered);
        updating = false;
        updateFilterValues(filtered);
    }

    private static boolean countsWomen(Measure m) {
        return m.counts() == Measure.Counting.WOMEN;
    }
}
