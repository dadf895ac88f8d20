package org.perinatalequity.board.ui;

import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.perinatalequity.board.BoardSummary;
import org.perinatalequity.board.MeasureStatus;
import org.perinatalequity.board.StatusText;
import org.perinatalequity.breakdown.BreakdownChartData;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.charts.MdcIcons;
import org.perinatalequity.measures.Measure;

/**
 * One key measure on the board overview; every figure comes suppressed ({@link MeasureStatus}). The card says what
 * it measures (numerator and denominator), what its figure rests on (n, period, "data to"), the target against the
 * cohort it names, the Making Data Count icons with their words, and the gaps of the measure's gap dimensions.
 */
class BoardCard extends Article {

    static final int CHART_WIDTH = 560;
    static final int CHART_HEIGHT = 300;
    static final int ICON_SIZE = 40;

    BoardCard(MeasureStatus status) {
        Measure measure = status.measure();
        addClassName("equity-board-card");
        setId("board-card-" + measure.id());
        H3 title = new H3(measure.name());
        title.setId("board-card-title-" + measure.id());
        getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());

        TrendResult months = status.months();
        Paragraph latest = figure("board-latest-" + measure.id(), StatusText.latestText(status.quarters(), measure));
        latest.addClassName("equity-board-latest");
        Paragraph what = paragraph("board-definition-" + measure.id(), measure.numeratorLabel() + " ÷ "
                + measure.denominatorLabel().toLowerCase(java.util.Locale.UK), "equity-board-definition");
        add(title, what, latest, figure("board-basis-" + measure.id(), StatusText.basisText(status.quarters())),
                figure("board-target-" + measure.id(), StatusText.targetText(measure)));
        String standing = StatusText.targetStandingText(status.quarters(), measure);
        if (standing != null && measure.targetCohort() == null) {
            add(figure("board-target-standing-" + measure.id(), standing));
        }
        if (measure.targetCohort() != null) {
            add(figure("board-cohort-" + measure.id(), StatusText.cohortText(measure, status.cohort(),
                    status.quarters().latestComplete().map(TrendResult.Point::period).orElse(null),
                    status.quarters().latestComplete().orElse(null))));
        }
        Div icons = new Div(icon("board-variation-icon-" + measure.id(), BoardSummary.variationIcon(status)),
                icon("board-assurance-icon-" + measure.id(), BoardSummary.assuranceIcon(status)));
        icons.addClassName("equity-board-icons");
        add(icons, figure("board-variation-" + measure.id(), StatusText.variationText(months.variation())),
                figure("board-assurance-" + measure.id(),
                        StatusText.assuranceText(months.assurance(), measure.target())));

        ChartImage chart = Charts.spcChart(BreakdownChartData.trend(months), BreakdownChartData.measure(measure),
                CHART_WIDTH, CHART_HEIGHT);
        Html chartHtml = new Html(chart.html());
        chartHtml.getElement().getClassList().add("equity-board-chart");
        Paragraph description = new Paragraph(chart.description());
        description.addClassName("equity-chart-description");
        description.setId("board-chart-description-" + measure.id());
        add(chartHtml, description);

        BreakdownResult quintiles = status.quintiles();
        BreakdownResult ethnicity = status.ethnicity();
        if (measure.gapDimensions().contains("imd_quintile")) {
            add(gap("board-gap-deprivation-" + measure.id(), StatusText.deprivationGapText(quintiles, measure)));
        }
        if (measure.gapDimensions().contains("ethnic_group")) {
            add(gap("board-gap-ethnicity-" + measure.id(), StatusText.ethnicityGapText(ethnicity, measure)));
        }
        if (measure.gapDimensions().isEmpty()) {
            add(gap("board-gap-none-" + measure.id(), "No equity gap is shown for a data-quality measure: it counts"
                    + " what is recorded, so a gap by the recorded group would be true by construction."));
        }
        String quality = StatusText.dataQualityText(List.of(quintiles, ethnicity));
        if (quality != null) {
            add(paragraph("board-quality-" + measure.id(), quality, "equity-quality-flag"));
        }
    }

    /** An icon with its words beside it, so the icon is never the only cue. */
    static Span icon(String id, MdcIcons.Icon icon) {
        Span span = new Span();
        span.setId(id);
        span.addClassName("equity-mdc");
        span.getElement().setAttribute("data-icon", icon.id());
        Html svg = new Html("<span class=\"equity-mdc-svg\" aria-hidden=\"true\">" + icon.svg(ICON_SIZE) + "</span>");
        Span words = new Span(icon.text());
        words.addClassName("equity-mdc-text");
        span.add(svg, words);
        return span;
    }

    private static Paragraph figure(String id, String text) {
        return paragraph(id, text, "equity-board-figure");
    }

    private static Paragraph gap(String id, String text) {
        return paragraph(id, text, "equity-board-gap");
    }

    private static Paragraph paragraph(String id, String text, String cssClass) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.addClassName(cssClass);
        return p;
    }
}
