package org.perinatalequity.calculator.ui;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perinatalequity.stats.Estimate;
import org.perinatalequity.stats.FunnelLimits;
import org.perinatalequity.stats.SiiResult;
import org.perinatalequity.stats.Standardisation;
import org.perinatalequity.calculator.CalculationException;
import org.perinatalequity.calculator.StatsCalculator;
import org.perinatalequity.calculator.StatsRequests.CompareRequest;
import org.perinatalequity.calculator.StatsRequests.CategoryResponse;
import org.perinatalequity.calculator.StatsRequests.CountsRequest;
import org.perinatalequity.calculator.StatsRequests.DsrRequest;
import org.perinatalequity.calculator.StatsRequests.DsrResponse;
import org.perinatalequity.calculator.StatsRequests.IsRateResponse;
import org.perinatalequity.calculator.StatsRequests.IsrRequest;
import org.perinatalequity.calculator.StatsRequests.IsrResponse;
import org.perinatalequity.calculator.StatsRequests.RelativeLikelihoodRequest;
import org.perinatalequity.calculator.StatsRequests.RelativeLikelihoodResponse;
import org.perinatalequity.calculator.StatsRequests.RepresentationRequest;
import org.perinatalequity.calculator.StatsRequests.RepresentationResponse;
import org.perinatalequity.calculator.StatsRequests.FunnelLimitsRequest;
import org.perinatalequity.calculator.StatsRequests.FunnelSignificanceRequest;
import org.perinatalequity.calculator.StatsRequests.QuantileRequest;
import org.perinatalequity.calculator.StatsRequests.SiiRequest;
import org.perinatalequity.calculator.StatsRequests.SpcPointResponse;
import org.perinatalequity.calculator.StatsRequests.SpcRequest;
import org.perinatalequity.calculator.StatsRequests.SpcResponse;
import org.perinatalequity.calculator.ui.PastedRows.Column;
import org.perinatalequity.calculator.ui.PastedRows.Layout;
import org.perinatalequity.calculator.ui.PastedRows.PasteException;
import org.perinatalequity.calculator.ui.PastedRows.Row;
import org.perinatalequity.calculator.ui.ResultTable.Builder;
import org.perinatalequity.calculator.ui.ResultTable.Kind;

/**
 * Pasted rows and parameters to {@link StatsCalculator} requests, and its answers to a {@link ResultTable}. The
 * calculator's errors come back as sentences about the page: a row's input names the row ("Row 4: denominator must
 * be ≥ numerator"), a parameter names its field ("Average proportion: is required").
 */
final class Calculations {

    /** {@code values[3]} or {@code quantiles[2].population}: an input of one point or quantile. */
    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)\\](?:\\.(\\w+))?");

    /** The calculator's names of inputs that come from the parameter fields, and the fields' labels. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("confidence", "Confidence level"),
            Map.entry("multiplier", "Multiplier"), Map.entry("averageProportion", "Average proportion"),
            Map.entry("method", "Comparison method"), Map.entry("polarity", "Polarity"),
            Map.entry("unit", "Unit"), Map.entry("z", "z"), Map.entry("chart", "Chart"),
            Map.entry("improvement", "Improvement"), Map.entry("target", "Target"),
            Map.entry("trendLength", "Trend length"), Map.entry("shiftLength", "Shift length"),
            Map.entry("valueType", "Value type"), Map.entry("transform", "Transform"),
            Map.entry("repetitions", "Repetitions"));

    private static final String MDC = " (Making Data Count, as NHSRplotthedots v0.2.2)";

    private final StatsCalculator calculator;

    Calculations(StatsCalculator calculator) {
        this.calculator = calculator;
    }

    /** The columns to paste for an operation; the comparison method and the SPC chart change them. */
    static Layout layout(Operation operation, String compareMethod, String chart) {
        return switch (operation) {
            case PROPORTION, RATE, FUNNEL_SIGNIFICANCE -> labelled(Column.number("numerator"),
                    Column.number("denominator"));
            case FUNNEL_LIMITS -> labelled(Column.number("population"));
            case COMPARE -> switch (compareMethod) {
                case "overlap95_998" -> labelled(Column.number("value"), Column.number("lower95"),
                        Column.number("upper95"), Column.number("lower998"), Column.number("upper998"));
                case "spc_proportion" -> labelled(Column.number("value"), Column.number("denominator"));
                default -> labelled(Column.number("value"), Column.number("lower95"), Column.number("upper95"));
            };
            case SPC -> proportions(chart) ? labelled(Column.number("events"), Column.number("denominator"))
                    : labelled(Column.number("value"));
            case SII -> new Layout(List.of(Column.wholeNumber("quantile"), Column.number("population"),
                    Column.number("value"), Column.optional("lower"), Column.optional("upper"),
                    Column.optional("standardError")), null);
            case DSR -> labelled(Column.number("count"), Column.number("population"),
                    Column.number("standardPopulation"));
            case ISR, ISRATE -> labelled(Column.number("observed"), Column.number("population"),
                    Column.number("referenceCount"), Column.number("referencePopulation"));
            case RELATIVE_LIKELIHOOD -> labelled(Column.number("numerator1"), Column.number("denominator1"),
                    Column.number("numerator2"), Column.number("denominator2"));
            case REPRESENTATION -> labelled(Column.wholeNumber("count"), Column.number("share"));
        };
    }

    private static Layout labelled(Column... columns) {
        return new Layout(List.of(columns), "label");
    }

    /** An example in the layout the current parameters need. */
    static String example(Operation operation, String compareMethod, String chart) {
        if (operation == Operation.COMPARE && "overlap95_998".equals(compareMethod)) {
            return "Area\tValue\tLower 95%\tUpper 95%\tLower 99.8%\tUpper 99.8%\nLeicester\t2.6\t2.5\t2.7\t2.3\t2.9\n"
                    + "Rutland\t3.4\t3.1\t3.8\t2.9\t4.1\n";
        }
        if (operation == Operation.COMPARE && "spc_proportion".equals(compareMethod)) {
            return "Area\tValue (%)\tDenominator\nLeicester\t10.98\t1339\nRutland\t14.2\t310\n";
        }
        if (operation == Operation.SPC && proportions(chart)) {
            return "Month\tEvents\tDenominator\n2024-04\t10\t100\n2024-05\t12\t100\n2024-06\t30\t100\n"
                    + "2024-07\t9\t50\n2024-08\t11\t150\n";
        }
        return operation.example();
    }

    /** All rows or none: a bad row stops the calculation with a {@link PasteException} naming it. */
    ResultTable calculate(Operation operation, String text, CalculatorInputs in) {
        PastedRows pasted = PastedRows.parse(text, layout(operation, in.compareMethod(), in.chart()));
        try {
            return switch (operation) {
                case PROPORTION, RATE -> counts(operation, pasted, in);
                case FUNNEL_LIMITS -> funnelLimits(pasted, in);
                case FUNNEL_SIGNIFICANCE -> funnelSignificance(pasted, in);
                case COMPARE -> compare(pasted, in);
                case SPC -> spc(pasted, in);
                case SII -> sii(pasted, in);
                case DSR -> dsr(pasted, in);
                case ISR, ISRATE -> indirect(operation, pasted, in);
                case RELATIVE_LIKELIHOOD -> relativeLikelihood(pasted, in);
                case REPRESENTATION -> representation(pasted, in);
            };
        } catch (CalculationException e) {
            throw new PasteException(message(operation, in, pasted, e));
        }
    }

    private ResultTable counts(Operation operation, PastedRows pasted, CalculatorInputs in) {
        List<CountsRequest> requests = pasted.rows().stream()
                .map(r -> new CountsRequest(r.value(0), r.value(1), in.confidence(), in.multiplier())).toList();
        List<Estimate> out = operation == Operation.PROPORTION ? calculator.proportion(requests)
                : calculator.rate(requests);
        double confidence = or(in.confidence(), StatsCalculator.DEFAULT_CONFIDENCE);
        double multiplier = or(in.multiplier(), operation == Operation.PROPORTION
                ? StatsCalculator.PROPORTION_MULTIPLIER : StatsCalculator.RATE_MULTIPLIER);
        Builder table = label(pasted).column("Numerator", Kind.INPUT).column("Denominator", Kind.INPUT)
                .column("Value", Kind.RESULT).column("Lower " + percent(confidence) + " limit", Kind.RESULT)
                .column("Upper " + percent(confidence) + " limit", Kind.RESULT).column("Method", Kind.TEXT)
                .extra("Confidence", Kind.INPUT).extra("Multiplier", Kind.INPUT);
        for (int i = 0; i < out.size(); i++) {
            Row r = pasted.rows().get(i);
            Estimate e = out.get(i);
            table.row(cells(pasted, r, r.value(0), r.value(1), e.value(), e.lower(), e.upper(), e.method(),
                    confidence, multiplier));
        }
        return table.build(operation.apiName() + ".csv", "");
    }

    private ResultTable funnelLimits(PastedRows pasted, CalculatorInputs in) {
        List<FunnelLimits> out = calculator.funnelLimits(pasted.rows().stream()
                .map(r -> new FunnelLimitsRequest(r.value(0), in.averageProportion(), in.multiplier())).toList());
        Builder table = label(pasted).column("Population", Kind.INPUT).column("Lower 95% limit", Kind.RESULT)
                .column("Upper 95% limit", Kind.RESULT).column("Lower 99.8% limit", Kind.RESULT)
                .column("Upper 99.8% limit", Kind.RESULT).extra("Average proportion", Kind.INPUT)
                .extra("Multiplier", Kind.INPUT).extra("Method", Kind.TEXT);
        double multiplier = or(in.multiplier(), StatsCalculator.FUNNEL_MULTIPLIER);
        for (int i = 0; i < out.size(); i++) {
            Row r = pasted.rows().get(i);
            FunnelLimits f = out.get(i);
            table.row(cells(pasted, r, r.value(0), f.lower95(), f.upper95(), f.lower998(), f.upper998(),
                    in.averageProportion(), multiplier, "Funnel limits for a proportion (PHEindicatormethods)"));
        }
        return table.build("funnel-limits.csv", "");
    }

    private ResultTable funnelSignificance(PastedRows pasted, CalculatorInputs in) {
        var out = calculator.funnelSignificance(pasted.rows().stream()
                .map(r -> new FunnelSignificanceRequest(r.value(0), r.value(1), in.averageProportion())).toList());
        Builder table = label(pasted).column("Numerator", Kind.INPUT).column("Denominator", Kind.INPUT)
                .column("Significance", Kind.TEXT).extra("Average proportion", Kind.INPUT)
                .extra("Method", Kind.TEXT);
        for (int i = 0; i < out.size(); i++) {
            Row r = pasted.rows().get(i);
            table.row(cells(pasted, r, r.value(0), r.value(1), out.get(i).significance(), in.averageProportion(),
                    "Funnel significance for a proportion (PHEindicatormethods)"));
        }
        return table.build("funnel-significance.csv", "");
    }

    private ResultTable compare(PastedRows pasted, CalculatorInputs in) {
        String method = in.compareMethod();
        boolean spc = "spc_proportion".equals(method);
        boolean twoLevels = "overlap95_998".equals(method);
        List<CompareRequest> requests = pasted.rows().stream().map(r -> spc
                ? new CompareRequest(method, r.value(0), null, null, null, null, r.value(1), in.unit(), in.z(),
                        in.benchmark(), in.polarity())
                : new CompareRequest(method, r.value(0), r.value(1), r.value(2), twoLevels ? r.value(3) : null,
                        twoLevels ? r.value(4) : null, null, null, null, in.benchmark(), in.polarity()))
                .toList();
        var out = calculator.compare(requests);
        Builder table = label(pasted).column("Value", Kind.INPUT);
        if (spc) {
            table.column("Denominator", Kind.INPUT);
        } else {
            table.column("Lower 95%", Kind.INPUT).column("Upper 95%", Kind.INPUT);
            if (twoLevels) {
                table.column("Lower 99.8%", Kind.INPUT).column("Upper 99.8%", Kind.INPUT);
            }
        }
        table.column("Benchmark", Kind.INPUT).column("Comparison", Kind.TEXT).extra("Method", Kind.TEXT)
                .extra("Polarity", Kind.TEXT);
        if (spc) {
            table.extra("Unit", Kind.INPUT).extra("z", Kind.INPUT);
        }
        for (int i = 0; i < out.size(); i++) {
            Row r = pasted.rows().get(i);
            List<Object> values = new ArrayList<>(r.values());
            values.add(in.benchmark());
            values.add(out.get(i).comparison());
            values.add(method);
            values.add(in.polarity());
            if (spc) {
                values.add(or(in.unit(), StatsCalculator.COMPARE_UNIT));
                values.add(in.z());
            }
            table.row(cells(pasted, r, values.toArray()));
        }
        return table.build("compare.csv", "");
    }

    private ResultTable spc(PastedRows pasted, CalculatorInputs in) {
        boolean p = proportions(in.chart());
        List<Double> values = pasted.rows().stream().map(r -> r.value(0)).toList();
        List<Double> denominators = p ? pasted.rows().stream().map(r -> r.value(1)).toList() : null;
        SpcResponse chart = calculator.spc(List.of(new SpcRequest(in.chart(), values, denominators, in.improvement(),
                in.target(), in.screenOutliers(), in.trendLength(), in.shiftLength(), null))).get(0);
        Builder table = label(pasted);
        if (p) {
            table.column("Events", Kind.INPUT).column("Denominator", Kind.INPUT).column("Proportion", Kind.RESULT);
        } else {
            table.column("Value", Kind.INPUT);
        }
        table.column("Lower limit", Kind.RESULT).column("Upper limit", Kind.RESULT).column("Point", Kind.TEXT)
                .extra("Mean", Kind.RESULT).extra("Variation", Kind.TEXT).extra("Assurance", Kind.TEXT)
                .extra("Improvement", Kind.TEXT).extra("Target", Kind.INPUT).extra("Method", Kind.TEXT);
        String method = (p ? "p chart" : "XmR chart") + MDC;
        for (int i = 0; i < values.size(); i++) {
            Row r = pasted.rows().get(i);
            SpcPointResponse point = chart.points().get(i);
            List<Object> cells = new ArrayList<>(r.values());
            if (p) {
                cells.add(point.value());
            }
            cells.addAll(List.of(point.lowerLimit(), point.upperLimit(), words(point.type()), chart.mean(),
                    words(chart.variation())));
            cells.add(chart.assurance() == null ? null : words(chart.assurance()));
            cells.add(in.improvement());
            cells.add(in.target());
            cells.add(method);
            table.row(cells(pasted, r, cells.toArray()));
        }
        return table.build("spc.csv", spcSummary(chart, in.chart(), values.size(), in.target()));
    }

    private static String spcSummary(SpcResponse chart, String kind, int points, Double target) {
        boolean p = proportions(kind);
        String limits = p ? "Mean proportion " + Formats.result(chart.mean()) + "; the limits vary with each"
                + " point's denominator."
                : "Mean " + Formats.result(chart.mean()) + ", process limits " + Formats.result(chart.lowerLimit())
                        + " to " + Formats.result(chart.upperLimit()) + ".";
        String assurance = chart.assurance() == null
                ? (target == null ? " No target, so no assurance." : "")
                : " Assurance: " + words(chart.assurance()) + " (target " + Formats.input(target) + ").";
        String name = "p_prime".equals(kind) ? "Laney p′ chart" : p ? "p chart" : "XmR chart";
        return name + " of " + points + " points. " + limits + " Variation: "
                + words(chart.variation()) + "." + assurance;
    }

    private ResultTable sii(PastedRows pasted, CalculatorInputs in) {
        List<QuantileRequest> quantiles = pasted.rows().stream().map(r -> new QuantileRequest(
                (int) Math.rint(r.value(0)), r.value(1), r.value(2), r.value(3), r.value(4), r.value(5))).toList();
        SiiResult s = calculator.sii(List.of(new SiiRequest(in.valueType(), in.transform(), in.multiplier(),
                in.confidence(), in.repetitions(), in.seed(), quantiles))).get(0);
        double confidence = or(in.confidence(), StatsCalculator.DEFAULT_CONFIDENCE);
        String level = percent(confidence);
        Builder table = new Builder().column("Quantile", Kind.INPUT).column("Population", Kind.INPUT)
                .column("Value", Kind.INPUT).column("Lower", Kind.INPUT).column("Upper", Kind.INPUT)
                .column("Standard error", Kind.INPUT).extra("SII", Kind.RESULT)
                .extra("SII lower " + level, Kind.RESULT).extra("SII upper " + level, Kind.RESULT)
                .extra("RII", Kind.RESULT).extra("RII lower " + level, Kind.RESULT)
                .extra("RII upper " + level, Kind.RESULT).extra("Intercept", Kind.RESULT)
                .extra("Value type", Kind.TEXT).extra("Transform", Kind.TEXT).extra("Multiplier", Kind.INPUT)
                .extra("Confidence", Kind.INPUT).extra("Repetitions", Kind.INPUT).extra("Seed", Kind.INPUT)
                .extra("Method", Kind.TEXT);
        double multiplier = or(in.multiplier(), StatsCalculator.SII_MULTIPLIER);
        for (Row r : pasted.rows()) {
            List<Object> cells = new ArrayList<>(r.values());
            cells.addAll(List.of(s.sii(), s.siiLower(), s.siiUpper(), s.rii(), s.riiLower(), s.riiUpper(),
                    s.intercept(), in.valueType(), String.valueOf(in.transform()), multiplier, confidence,
                    (double) in.repetitions()));
            cells.add(in.seed() == null ? null : in.seed().doubleValue());
            cells.add("Slope index of inequality (PHEindicatormethods phe_sii, simulated limits)");
            table.row(cells.toArray());
        }
        String summary = String.format(Locale.UK, "Slope index of inequality %s (%s CI %s to %s): the modelled gap"
                + " from the most to the least deprived end. Relative index %s (%s CI %s to %s). Intercept %s.%s",
                Formats.result(s.sii()), level, Formats.result(s.siiLower()), Formats.result(s.siiUpper()),
                Formats.result(s.rii()), level, Formats.result(s.riiLower()), Formats.result(s.riiUpper()),
                Formats.result(s.intercept()), in.seed() == null
                        ? " The limits are simulated: give a seed to get the same limits every time." : "");
        return table.build("sii.csv", summary);
    }

    /** The strata of one directly standardised rate: each row's crude rate shown, the DSR in the summary. */
    private ResultTable dsr(PastedRows pasted, CalculatorInputs in) {
        double multiplier = or(in.multiplier(), StatsCalculator.RATE_MULTIPLIER);
        double confidence = or(in.confidence(), StatsCalculator.DEFAULT_CONFIDENCE);
        DsrResponse d = calculator.dsr(List.of(new DsrRequest(column(pasted, 0), column(pasted, 1),
                column(pasted, 2), null, multiplier, confidence))).get(0);
        String level = percent(confidence);
        Builder table = label(pasted).column("Events", Kind.INPUT).column("Population", Kind.INPUT)
                .column("Standard population", Kind.INPUT).column("Crude rate", Kind.RESULT)
                .extra("DSR", Kind.RESULT).extra("Lower " + level + " limit", Kind.RESULT)
                .extra("Upper " + level + " limit", Kind.RESULT).extra("Total events", Kind.INPUT)
                .extra("Multiplier", Kind.INPUT).extra("Confidence", Kind.INPUT).extra("Method", Kind.TEXT);
        for (Row r : pasted.rows()) {
            table.row(cells(pasted, r, r.value(0), r.value(1), r.value(2), r.value(0) / r.value(1) * multiplier,
                    d.value(), d.lower(), d.upper(), d.totalCount(), multiplier, confidence,
                    "Directly standardised rate, Dobson limits (PHEindicatormethods calculate_dsr)"));
        }
        String summary = d.value() == null
                ? String.format(Locale.UK, "%s events in total: a directly standardised rate is not given under %s"
                        + " events (too unstable to compare).", Formats.input(d.totalCount()),
                        Formats.input(Standardisation.DSR_FROM))
                : String.format(Locale.UK, "Directly standardised rate %s per %s (%s CI %s to %s, Dobson) from %s"
                        + " events: the rate these strata would have with the standard population's mix.",
                        Formats.result(d.value()), Formats.input(multiplier), level, Formats.result(d.lower()),
                        Formats.result(d.upper()), Formats.input(d.totalCount()));
        return table.build("dsr.csv", summary);
    }

    /** The strata of one indirectly standardised ratio or rate: each row's expected events, the answer in the summary. */
    private ResultTable indirect(Operation operation, PastedRows pasted, CalculatorInputs in) {
        boolean rate = operation == Operation.ISRATE;
        double confidence = or(in.confidence(), StatsCalculator.DEFAULT_CONFIDENCE);
        double multiplier = or(in.multiplier(), StatsCalculator.RATE_MULTIPLIER);
        IsrRequest request = new IsrRequest(column(pasted, 0), null, column(pasted, 1), column(pasted, 2),
                column(pasted, 3), null, rate ? multiplier : null, confidence);
        Double value;
        Double lower;
        Double upper;
        String method;
        double observed;
        double expected;
        Double referenceRate = null;
        if (rate) {
            IsRateResponse r = calculator.isRate(List.of(request)).get(0);
            value = r.value();
            lower = r.lower();
            upper = r.upper();
            method = r.method();
            observed = r.observed();
            expected = r.expected();
            referenceRate = r.referenceRate();
        } else {
            IsrResponse r = calculator.isr(List.of(request)).get(0);
            value = r.value();
            lower = r.lower();
            upper = r.upper();
            method = r.method();
            observed = r.observed();
            expected = r.expected();
        }
        String level = percent(confidence);
        String name = rate ? "Standardised rate" : "Standardised ratio";
        Builder table = label(pasted).column("Observed", Kind.INPUT).column("Population", Kind.INPUT)
                .column("Reference events", Kind.INPUT).column("Reference population", Kind.INPUT)
                .column("Expected", Kind.RESULT).extra(name, Kind.RESULT)
                .extra("Lower " + level + " limit", Kind.RESULT).extra("Upper " + level + " limit", Kind.RESULT)
                .extra("Total observed", Kind.INPUT).extra("Total expected", Kind.RESULT);
        if (rate) {
            table.extra("Reference rate", Kind.RESULT).extra("Multiplier", Kind.INPUT);
        }
        table.extra("Confidence", Kind.INPUT).extra("Method", Kind.TEXT);
        for (Row r : pasted.rows()) {
            List<Object> cells = new ArrayList<>(List.of(r.value(0), r.value(1), r.value(2), r.value(3),
                    r.value(2) / r.value(3) * r.value(1)));
            cells.add(value);
            cells.add(lower);
            cells.add(upper);
            cells.add(observed);
            cells.add(expected);
            if (rate) {
                cells.add(referenceRate);
                cells.add(multiplier);
            }
            cells.add(confidence);
            cells.add(method + " limits on the observed count (PHEindicatormethods "
                    + (rate ? "calculate_ISRate)" : "calculate_ISRatio)"));
            table.row(cells(pasted, r, cells.toArray()));
        }
        String summary;
        if (value == null) {
            summary = "No events are expected from the reference rates, so there is no ratio.";
        } else if (rate) {
            summary = String.format(Locale.UK, "Indirectly standardised rate %s per %s (%s CI %s to %s, %s): %s"
                    + " observed against %s expected at the reference's rates by stratum, times the reference rate"
                    + " %s.", Formats.result(value), Formats.input(multiplier), level, Formats.result(lower),
                    Formats.result(upper), method, Formats.input(observed), Formats.result(expected),
                    Formats.result(referenceRate));
        } else {
            summary = String.format(Locale.UK, "Standardised ratio %s (%s CI %s to %s, %s): %s observed against %s"
                    + " expected at the reference's rates by stratum; 1 means as expected.", Formats.result(value),
                    level, Formats.result(lower), Formats.result(upper), method, Formats.input(observed),
                    Formats.result(expected));
        }
        return table.build(operation.apiName() + ".csv", summary);
    }

    private ResultTable relativeLikelihood(PastedRows pasted, CalculatorInputs in) {
        double confidence = or(in.confidence(), StatsCalculator.DEFAULT_CONFIDENCE);
        List<RelativeLikelihoodResponse> out = calculator.relativeLikelihood(pasted.rows().stream()
                .map(r -> new RelativeLikelihoodRequest(r.value(0), r.value(1), r.value(2), r.value(3), confidence))
                .toList());
        String level = percent(confidence);
        Builder table = label(pasted).column("Numerator 1", Kind.INPUT).column("Denominator 1", Kind.INPUT)
                .column("Numerator 2", Kind.INPUT).column("Denominator 2", Kind.INPUT)
                .column("Relative likelihood", Kind.RESULT).column("Lower " + level + " limit", Kind.RESULT)
                .column("Upper " + level + " limit", Kind.RESULT).column("Method", Kind.TEXT)
                .extra("Confidence", Kind.INPUT);
        for (int i = 0; i < out.size(); i++) {
            Row r = pasted.rows().get(i);
            RelativeLikelihoodResponse rl = out.get(i);
            table.row(cells(pasted, r, r.value(0), r.value(1), r.value(2), r.value(3), rl.value(), rl.lower(),
                    rl.upper(), rl.method(), confidence));
        }
        return table.build("relative-likelihood.csv", "Relative likelihood = (numerator 1 ÷ denominator 1) ÷"
                + " (numerator 2 ÷ denominator 2); 1 is equal, and WRES reads 0.80 to 1.25 as equitable (the"
                + " four-fifths rule). Limits are missing when a numerator is 0.");
    }

    private ResultTable representation(PastedRows pasted, CalculatorInputs in) {
        double confidence = or(in.confidence(), StatsCalculator.DEFAULT_CONFIDENCE);
        RepresentationResponse out = calculator.representation(List.of(new RepresentationRequest(
                column(pasted, 0), column(pasted, 1), confidence))).get(0);
        String level = percent(confidence);
        String test = "exact".equals(out.test()) ? "Exact multinomial test" : "Pearson's χ² test";
        Builder table = label(pasted).column("Count", Kind.INPUT).column("Population share", Kind.INPUT)
                .column("Share", Kind.RESULT).column("Lower " + level + " limit", Kind.RESULT)
                .column("Upper " + level + " limit", Kind.RESULT).column("Ratio", Kind.RESULT)
                .column("Gap (points)", Kind.RESULT).extra("Test", Kind.TEXT).extra("p-value", Kind.RESULT)
                .extra("Confidence", Kind.INPUT).extra("Method", Kind.TEXT);
        for (int i = 0; i < pasted.rows().size(); i++) {
            Row r = pasted.rows().get(i);
            CategoryResponse c = out.categories().get(i);
            table.row(cells(pasted, r, r.value(0), r.value(1), c.share(), c.lower(), c.upper(), c.ratio(), c.gap(),
                    out.test(), out.pValue(), confidence, "Goodman simultaneous intervals"));
        }
        return table.build("representation.csv", String.format(Locale.UK, "%s: p = %s that a group drawn at random"
                + " from the population would differ from it at least this much. Shares and limits are fractions"
                + " (Goodman's %s simultaneous intervals); ratio 1 and gap 0 mean proportional.", test,
                Formats.result(out.pValue()), level));
    }

    /** One pasted column as the API's array (the layout makes every cell of it required). */
    private static List<Double> column(PastedRows pasted, int index) {
        return pasted.rows().stream().map(r -> r.value(index)).toList();
    }

    private static Builder label(PastedRows pasted) {
        Builder table = new Builder();
        if (pasted.labelled()) {
            table.column("Label", Kind.TEXT);
        }
        return table;
    }

    private static Object[] cells(PastedRows pasted, Row row, Object... rest) {
        List<Object> cells = new ArrayList<>();
        if (pasted.labelled()) {
            cells.add(row.label());
        }
        cells.addAll(Arrays.asList(rest));
        return cells.toArray();
    }

    private static String message(Operation operation, CalculatorInputs in, PastedRows pasted,
            CalculationException e) {
        String problem = e.problem().replaceAll("values\\[\\d+\\]", "the " + pointName(operation, in)) + ".";
        if (e.index() == null) {
            return problem;
        }
        String field = e.field();
        Matcher indexed = INDEXED.matcher(field);
        if (indexed.matches()) {
            int row = pasted.rows().get(Integer.parseInt(indexed.group(2))).line();
            String column = indexed.group(3) != null ? indexed.group(3)
                    : "values".equals(indexed.group(1)) ? pointName(operation, in) : singular(indexed.group(1));
            return "Row " + row + ": " + column + " " + problem;
        }
        if ("values".equals(field)) {
            return "Paste at least 2 points, one per row.";
        }
        if ("quantiles".equals(field)) {
            return "Paste 5 to 100 quantiles, one per row (found " + pasted.rows().size() + ").";
        }
        if (PARAMETERS.containsKey(field) || operation == Operation.SPC || operation == Operation.SII) {
            return PARAMETERS.getOrDefault(field, field) + ": " + problem;
        }
        if (operation.oneCalculation()) {
            // A check of a whole column (shares that do not sum to 1, standard populations all 0).
            return "The " + singular(field) + " column " + problem;
        }
        return "Row " + pasted.rows().get(e.index()).line() + ": " + field + " " + problem;
    }

    /** SPC error messages say "values[3]"; the page's column is "value", or "events" on a p chart. */
    private static String pointName(Operation operation, CalculatorInputs in) {
        return operation == Operation.SPC && proportions(in.chart()) ? "events" : "value";
    }

    private static String singular(String plural) {
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** "special_cause_concern" → "special cause concern": the contract's word, readable. */
    static String words(String label) {
        return label.replace('_', ' ');
    }

    private static String percent(double confidence) {
        return new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.UK)).format(confidence * 100)
                + "%";
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    /** The p and Laney p′ charts read events out of a denominator; XmR reads values. */
    private static boolean proportions(String chart) {
        return "p".equals(chart) || "p_prime".equals(chart);
    }
}
