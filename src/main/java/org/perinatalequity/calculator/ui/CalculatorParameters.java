package org.perinatalequity.calculator.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;

import org.perinatalequity.calculator.ui.PastedRows.PasteException;

/**
 * The settings that apply to every pasted row, named as on {@code POST /api/stats/*}: only those of the chosen
 * operation are visible. Each field starts at the API's default, so what the page shows is what is used.
 */
final class CalculatorParameters extends FormLayout {

    final NumberField confidence = number("Confidence level",
            "A fraction: 0.95 for 95% limits, 0.998 for 99.8%");
    final NumberField multiplier = number("Multiplier", "1 = a fraction, 100 = a percentage, 1,000 = per 1,000");
    final NumberField averageProportion = number("Average proportion",
            "The funnel's centre line, as a fraction from 0 to 1 (e.g. 0.25 for 25%)");
    final Select<String> compareMethod = select("Comparison method", Map.of(
            "overlap95", "95% confidence interval overlaps the benchmark",
            "overlap95_998", "95% and 99.8% intervals (best, better, similar, worse, worst)",
            "spc_proportion", "SPC for proportions (Fingertips)"), "overlap95", "overlap95_998", "spc_proportion");
    final Select<String> polarity = select("Polarity", Map.of("higher_is_better", "Higher is better",
            "lower_is_better", "Lower is better", "none", "No judgement (higher or lower)"), "higher_is_better",
            "lower_is_better", "none");
    final NumberField benchmark = number("Benchmark", "The value to compare with, e.g. England's");
    final NumberField unit = number("Unit", "The scale of value and benchmark: 100 for a percentage");
    final NumberField z = number("z", "1.96 for 95%, 3.0902 for 99.8% (Fingertips' rounded values)");
    final Select<String> chart = select("Chart", Map.of("xmr", "XmR (individual values)",
            "p", "p chart (events out of a denominator)",
            "p_prime", "Laney p′ chart (events out of large denominators)"), "xmr", "p", "p_prime");
    final Select<String> improvement = select("Improvement", Map.of("increase", "Higher is better",
            "decrease", "Lower is better", "neither", "Neither"), "increase", "decrease", "neither");
    final NumberField target = number("Target (optional)", "For the assurance icon");
    final Checkbox screenOutliers = new Checkbox("Screen out large moving ranges before the limits");
    final IntegerField trendLength = integer("Trend length", "Points rising or falling that make a trend");
    final IntegerField shiftLength = integer("Shift length", "Points on one side of the mean that make a shift");
    final Select<String> valueType = select("Value type", Map.of("rate", "Rate", "proportion", "Proportion",
            "other", "Other"), "rate", "proportion", "other");
    final Checkbox transform = new Checkbox("Regress on the log (rates) or logit (proportions) scale");
    final IntegerField repetitions = integer("Repetitions", "Simulations for the confidence limits");
    final IntegerField seed = integer("Seed (optional)", "A whole number, to get the same limits every time");

    CalculatorParameters() {
        setId("calculator-parameters");
        add(confidence, multiplier, averageProportion, compareMethod, polarity, benchmark, unit, z, chart,
                improvement, target, trendLength, shiftLength, valueType, repetitions, seed, screenOutliers,
                transform);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("500px", 2),
                new ResponsiveStep("900px", 3));
    }

    /** Shows the fields of an operation, set to the API's defaults. */
    void show(Operation operation) {
        CalculatorInputs d = CalculatorInputs.defaults(operation);
        confidence.setValue(d.confidence());
        multiplier.setValue(d.multiplier());
        unit.setValue(d.unit());
        z.setValue(d.z());
        trendLength.setValue(d.trendLength());
        shiftLength.setValue(d.shiftLength());
        repetitions.setValue(d.repetitions());
        screenOutliers.setValue(d.screenOutliers());
        transform.setValue(d.transform());
        visible(operation);
    }

    /** Fields that matter to the operation and its method (unit and z only for SPC comparisons). */
    void visible(Operation operation) {
        boolean counts = operation == Operation.PROPORTION || operation == Operation.RATE;
        boolean funnel = operation == Operation.FUNNEL_LIMITS || operation == Operation.FUNNEL_SIGNIFICANCE;
        boolean compare = operation == Operation.COMPARE;
        boolean spc = operation == Operation.SPC;
        boolean sii = operation == Operation.SII;
        boolean standardised = operation == Operation.DSR || operation == Operation.ISR
                || operation == Operation.ISRATE;
        boolean workforce = operation == Operation.RELATIVE_LIKELIHOOD || operation == Operation.REPRESENTATION;
        confidence.setVisible(counts || sii || standardised || workforce);
        multiplier.setVisible(counts || sii || operation == Operation.FUNNEL_LIMITS || operation == Operation.DSR
                || operation == Operation.ISRATE);
        averageProportion.setVisible(funnel);
        for (Component field : List.<Component>of(compareMethod, polarity, benchmark)) {
            field.setVisible(compare);
        }
        unit.setVisible(compare && "spc_proportion".equals(compareMethod.getValue()));
        z.setVisible(unit.isVisible());
        for (Component field : List.<Component>of(chart, improvement, target, screenOutliers,
                trendLength, shiftLength)) {
            field.setVisible(spc);
        }
        for (Component field : List.<Component>of(valueType, transform, repetitions, seed)) {
            field.setVisible(sii);
        }
    }

    /**
     * The visible fields' values. A number the browser could not read (the field is invalid and empty) is refused
     * here, so it is never taken for an empty field and replaced by the default.
     */
    CalculatorInputs values() {
        for (NumberField field : List.of(confidence, multiplier, averageProportion, benchmark, unit, z, target)) {
            if (field.isVisible() && field.isInvalid() && field.getValue() == null) {
                throw new PasteException(field.getLabel() + ": enter a number.");
            }
        }
        for (IntegerField field : List.of(trendLength, shiftLength, repetitions, seed)) {
            if (field.isVisible() && field.isInvalid() && field.getValue() == null) {
                throw new PasteException(field.getLabel() + ": enter a whole number.");
            }
        }
        return new CalculatorInputs(confidence.getValue(), multiplier.getValue(), averageProportion.getValue(),
                compareMethod.getValue(), polarity.getValue(), benchmark.getValue(), unit.getValue(), z.getValue(),
                chart.getValue(), improvement.getValue(), target.getValue(), screenOutliers.getValue(),
                trendLength.getValue(), shiftLength.getValue(), valueType.getValue(), transform.getValue(),
                repetitions.getValue(), seed.getValue() == null ? null : seed.getValue().longValue());
    }

    /** Called when a choice changes which columns are pasted (comparison method, chart). */
    void onLayoutChange(Runnable action) {
        compareMethod.addValueChangeListener(e -> action.run());
        chart.addValueChangeListener(e -> action.run());
    }

    private static NumberField number(String label, String helper) {
        NumberField field = new NumberField(label);
        field.setHelperText(helper);
        field.setClearButtonVisible(true);
        return field;
    }

    private static IntegerField integer(String label, String helper) {
        IntegerField field = new IntegerField(label);
        field.setHelperText(helper);
        return field;
    }

    /** A Select of contract words (what is sent) shown with their meaning (what people read). */
    private static Select<String> select(String label, Map<String, String> captions, String... words) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setItems(words);
        select.setItemLabelGenerator(captions::get);
        select.setValue(words[0]);
        return select;
    }
}
