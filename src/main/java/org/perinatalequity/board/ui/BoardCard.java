package org.perinatalequity.board.ui;

import java.util.List;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import org.perinatalequity.board.MeasureStatus;
import org.perinatalequity.board.StatusText;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.measures.Measure;

/** One key measure on the board overview; every figure comes suppressed ({@link MeasureStatus}). */
class BoardCard extends Article {

    static final int CHART_WIDTH = 560;
    static final int CHART_HEIGHT = 300;

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
        add(title, latest, figure("board-target-" + measure.id(), StatusText.targetText(measure)),
                figure("board-variation-" + measure.id(), StatusText.variationText(months.variation())),
                figure("board-assurance-" + measure.id(),
                        StatusText.assuranceText(months.assurance(), measure.target())));

        ChartImage chart = Charts.spcChart(months, measure, CHART_WIDTH, CHART_HEIGHT);
        Html chartHtml = new Html(chart.html());
        chartHtml.getElement().getClassList().add("equity-board-chart");
        Paragraph description = new Paragraph(chart.description());
        description.addClassName("equity-chart-description");
        description.setId("board-chart-description-" + measure.id());
        add(chartHtml, description);

        BreakdownResult quintiles = status.quintiles();
        BreakdownResult ethnicity = status.ethnicity();
        add(gap("board-gap-deprivation-" + measure.id(), StatusText.deprivationGapText(quintiles, measure)),
                gap("board-gap-ethnicity-" + measure.id(), StatusText.ethnicityGapText(ethnicity, measure)));
        String quality = StatusText.dataQualityText(List.of(quintiles, ethnicity));
        if (quality != null) {
            add(paragraph("board-quality-" + measure.id(), quality, "equity-quality-flag"));
        }
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
