package org.perinatalequity.board.ui;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;

/** One key measure on the board overview; every figure comes suppressed from {@link BreakdownService}. */
class BoardCard extends Article {

    static final int CHART_WIDTH = 560;
    static final int CHART_HEIGHT = 300;
    static final String NOT_AVAILABLE = "not available";
    private static final boolean SUPPRESS = true;
    private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

    private final Paragraph latest = new Paragraph();
    private final Paragraph target = new Paragraph();
    private final Paragraph variation = new Paragraph();
    private final Paragraph assurance = new Paragraph();
    private final Paragraph deprivationGap = new Paragraph();
    private final Paragraph ethnicityGap = new Paragraph();

    BoardCard(BreakdownService service, Measure measure) {
        addClassName("equity-board-card");
        setId("board-card-" + measure.id());
        H3 title = new H3(measure.name());
        title.setId("board-card-title-" + measure.id());
        getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());

        TrendResult quarters = service.trend(measure.id(), Dimension.QUARTER, Map.of(), SUPPRESS);
        TrendResult months = service.trend(measure.id(), Dimension.MONTH, Map.of(), SUPPRESS);
        latest.setText(latestText(quarters, measure));
        latest.addClassName("equity-board-latest");
        target.setText(measure.target() == null ? "Target: none set" : "Target: " + withUnit(measure.target(), measure));
        variation.setText(variationText(months.variation()));
        assurance.setText(assuranceText(months.assurance(), measure.target()));
        for (Paragraph p : List.of(latest, target, variation, assurance)) {
            p.addClassName("equity-board-figure");
        }
        latest.setId("board-latest-" + measure.id());
        target.setId("board-target-" + measure.id());
        variation.setId("board-variation-" + measure.id());
        assurance.setId("board-assurance-" + measure.id());

        ChartImage chart = Charts.spcChart(months, measure, CHART_WIDTH, CHART_HEIGHT);
        Html chartHtml = new Html(chart.html());
        chartHtml.getElement().getClassList().add("equity-board-chart");
        Paragraph description = new Paragraph(chart.description());
        description.addClassName("equity-chart-description");
        description.setId("board-chart-description-" + measure.id());

        BreakdownResult quintiles = service.breakdown(new BreakdownRequest(measure.id(), Dimension.IMD_QUINTILE, null,
                null, null, Map.of(), SUPPRESS, null));
        BreakdownResult ethnicity = service.breakdown(new BreakdownRequest(measure.id(), Dimension.ETHNIC_GROUP, null,
                null, null, Map.of(), SUPPRESS, null));
        deprivationGap.setText("Most vs least deprived quintile: " + gap(quintiles, "1", "5", measure,
                "most deprived", "least deprived") + period(quintiles));
        ethnicityGap.setText("Black vs White women: " + gap(ethnicity, "Black or Black British", "White", measure,
                "Black", "White") + "; Asian vs White women: " + gap(ethnicity, "Asian or Asian British", "White",
                        measure, "Asian", "White") + period(ethnicity));
        deprivationGap.setId("board-gap-deprivation-" + measure.id());
        ethnicityGap.setId("board-gap-ethnicity-" + measure.id());
        deprivationGap.addClassName("equity-board-gap");
        ethnicityGap.addClassName("equity-board-gap");

        add(title, latest, target, variation, assurance, chartHtml, description, deprivationGap, ethnicityGap);
    }

    /**
     * The last quarter's value with its period. When that quarter is suppressed (often a part quarter at the end of
     * the data), the latest quarter that has a value follows it, so the board still sees a figure.
     */
    static String latestText(TrendResult quarters, Measure measure) {
        List<TrendResult.Point> points = quarters.points();
        if (points.isEmpty()) {
            return "Latest quarter: no data";
        }
        TrendResult.Point last = points.get(points.size() - 1);
        if (last.value() != null) {
            return "Latest quarter (" + last.period() + "): " + withUnit(last.value(), measure);
        }
        String text = "Latest quarter (" + last.period() + "): " + NOT_AVAILABLE
                + (last.suppressed() ? " (suppressed: small numbers)" : "");
        for (int i = points.size() - 2; i >= 0; i--) {
            TrendResult.Point earlier = points.get(i);
            if (earlier.value() != null) {
                return text + "; " + earlier.period() + ": " + withUnit(earlier.value(), measure);
            }
        }
        return text;
    }

    /** Making Data Count variation in words, with a symbol so that colour is never the only cue. */
    static String variationText(String variation) {
        if (variation == null) {
            return "Variation: not enough data for an SPC reading";
        }
        return switch (variation) {
            case "special_cause_improvement" -> "▲ Special cause: improvement";
            case "special_cause_concern" -> "▼ Special cause: concern";
            case "special_cause_neither" -> "◆ Special cause: neither improvement nor concern";
            default -> "● Common cause: no significant change";
        };
    }

    /** Making Data Count assurance in words, with a symbol. */
    static String assuranceText(String assurance, Double target) {
        if (target == null) {
            return "Assurance: no target set";
        }
        if (assurance == null) {
            return "Assurance: not assessed";
        }
        return switch (assurance) {
            case "consistently_passing" -> "Assurance: consistently passing the target ✓";
            case "consistently_failing" -> "Assurance: consistently failing the target ✗";
            default -> "Assurance: hit and miss, the target lies within the process limits ?";
        };
    }

    /** {@code a − b} with both values, or "not available" when either is missing or suppressed. */
    static String gap(BreakdownResult result, String a, String b, Measure measure, String aLabel, String bLabel) {
        Double va = value(result, a);
        Double vb = value(result, b);
        if (va == null || vb == null) {
            return NOT_AVAILABLE + " (" + aLabel + " " + (va == null ? NOT_AVAILABLE : withUnit(va, measure)) + ", "
                    + bLabel + " " + (vb == null ? NOT_AVAILABLE : withUnit(vb, measure)) + ")";
        }
        double d = va - vb;
        return (d > 0 ? "+" : d < 0 ? "−" : "") + number(Math.abs(d)) + points(measure) + " (" + aLabel + " "
                + withUnit(va, measure) + ", " + bLabel + " " + withUnit(vb, measure) + ")";
    }

    private static Double value(BreakdownResult result, String group) {
        return result.rows().stream().filter(r -> group.equals(r.group()) && !r.suppressed())
                .map(BreakdownResult.Row::value).findFirst().orElse(null);
    }

    private static String period(BreakdownResult result) {
        return result.from() == null ? "" : "; " + result.from() + " to " + result.to() + ".";
    }

    private static String points(Measure measure) {
        return "%".equals(measure.unit()) ? " percentage points" : " " + measure.unit();
    }

    static String withUnit(double value, Measure measure) {
        return "%".equals(measure.unit()) ? number(value) + "%" : number(value) + " " + measure.unit();
    }

    private static String number(double value) {
        return new DecimalFormat("#,##0.0", UK).format(value);
    }
}
