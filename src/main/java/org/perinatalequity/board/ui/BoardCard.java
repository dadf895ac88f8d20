package org.perinatalequity.board.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import org.perinatalequity.board.StatusText;
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
    private static final boolean SUPPRESS = true;

    BoardCard(BreakdownService service, Measure measure) {
        addClassName("equity-board-card");
        setId("board-card-" + measure.id());
        H3 title = new H3(measure.name());
        title.setId("board-card-title-" + measure.id());
        getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());

        TrendResult quarters = service.trend(measure.id(), Dimension.QUARTER, Map.of(), SUPPRESS);
        TrendResult months = service.trend(measure.id(), Dimension.MONTH, Map.of(), SUPPRESS);
        Paragraph latest = figure("board-latest-" + measure.id(), StatusText.latestText(quarters, measure));
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

        BreakdownResult quintiles = service.breakdown(new BreakdownRequest(measure.id(), Dimension.IMD_QUINTILE, null,
                null, null, Map.of(), SUPPRESS, null));
        BreakdownResult ethnicity = service.breakdown(new BreakdownRequest(measure.id(), Dimension.ETHNIC_GROUP, null,
                null, null, Map.of(), SUPPRESS, null));
        add(gap("board-gap-deprivation-" + measure.id(), StatusText.deprivationGapText(quintiles, measure)),
                gap("board-gap-ethnicity-" + measure.id(), StatusText.ethnicityGapText(ethnicity, measure)));
        String quality = StatusText.dataQualityText(List.of(quintiles, ethnicity));
        if (quality != null) {
            Paragraph flag = new Paragraph(quality);
            flag.setId("board-quality-" + measure.id());
            flag.addClassName("equity-quality-flag");
            add(flag);
        }
    }

    private static Paragraph figure(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.addClassName("equity-board-figure");
        return p;
    }

    private static Paragraph gap(String id, String text) {
        Paragraph p = new Paragraph(text);
        p.setId(id);
        p.addClassName("equity-board-gap");
        return p;
    }
}
