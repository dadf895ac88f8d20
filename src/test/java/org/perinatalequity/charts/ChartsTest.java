package org.perinatalequity.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownResult.Row;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.stats.Comparison;

class ChartsTest {

    @Test
    void dotChartStatesValuesInTitleAndDesc() {
        ChartImage c = Charts.dotChart(Samples.pretermByQuintile(), Samples.PRETERM);
        assertThat(c.title()).isEqualTo("Preterm births by IMD quintile (1 = most deprived), 2024-04 to 2025-03");
        assertThat(c.svg()).contains("<title id='").contains(">" + ChartText.xml(c.title()) + "</title>")
                .contains("role='img'").contains("aria-labelledby=");
        assertThat(desc(c.svg())).contains("quintile 1 8.9% (95% CI 8.0 to 9.9), worse than LMNS")
                .contains("quintile 4 5.6% (95% CI 4.8 to 6.6), better than LMNS")
                .contains("Unknown suppressed (*)").contains("LMNS 6.9%").contains("not zero");
        assertThat(c.description()).isEqualTo(desc(c.svg()).replace("&apos;", "'"));
    }

    @Test
    void dotChartDrawsAWhiskerPerPublishedGroupBenchmarkAndShapes() {
        ChartImage c = Charts.dotChart(Samples.pretermByQuintile(), Samples.PRETERM);
        assertThat(count(c.svg(), "<g class='whisker'>")).isEqualTo(5);
        assertThat(count(c.svg(), "<g class='benchmark'>")).isEqualTo(1);
        assertThat(count(c.svg(), "<g class='target'>")).isZero();
        // Different comparisons, different shapes (named in the class; JFreeSVG writes every marker as a path).
        assertThat(count(c.svg(), "<g class='point better circle'>")).isEqualTo(2);
        assertThat(count(c.svg(), "<g class='point worse square'>")).isEqualTo(2);
        assertThat(count(c.svg(), "<g class='point similar diamond'>")).isEqualTo(1);
        assertThat(group(c.svg(), "point better circle")).contains("fill:rgb(0,94,184)");
        assertThat(group(c.svg(), "point worse square")).contains("fill:rgb(237,139,0)");
        assertThat(group(c.svg(), "suppressed")).contains("* suppressed");
        assertThat(count(c.svg(), "class='point ")).isEqualTo(5);
    }

    @Test
    void dotChartDrawsTheTargetWhenTheMeasureHasOne() {
        ChartImage c = Charts.dotChart(Samples.earlyBookingByEthnicity(), Samples.EARLY_BOOKING);
        assertThat(count(c.svg(), "<g class='target'>")).isEqualTo(1);
        assertThat(c.description()).contains("Target 75.0%").contains("Black or Black British 63.4%");
    }

    @Test
    void twoDimensionsGiveOnePanelPerValueWithAllWhiskers() {
        ChartImage c = Charts.dotChart(Samples.pretermByEthnicityAndQuintile(), Samples.PRETERM);
        assertThat(count(c.svg(), "<g class='whisker'>")).isEqualTo(19);
        assertThat(count(c.svg(), "<g class='benchmark'>")).isEqualTo(4);
        assertThat(c.description()).contains("Mixed, quintile 5 suppressed (*)");
    }

    @Test
    void heatMapPrintsEveryValueAndStarsSuppressedCells() {
        ChartImage c = Charts.heatMap(Samples.pretermByEthnicityAndQuintile(), Samples.PRETERM);
        assertThat(count(c.svg(), "<g class='cell value ")).isEqualTo(19);
        assertThat(group(c.svg(), "cell suppressed")).contains(">*</text>");
        assertThat(c.svg()).contains("5.0%</text>").contains("11.8%</text>");
        assertThat(c.description()).contains("White: quintile 1 8.2%").contains("quintile 5 suppressed (*)");
    }

    @Test
    void heatMapColoursEachCellByItsComparisonWithTheLmnsNotByValue() {
        BreakdownResult r = Samples.pretermByEthnicityAndQuintile();
        ChartImage c = Charts.heatMap(r, Samples.PRETERM);
        for (String comparison : List.of("better", "similar", "worse")) {
            long cells = r.rows().stream().filter(x -> !x.suppressed() && comparison.equals(Comparison.label(x.comparison()))).count();
            assertThat(cells).isPositive();
            assertThat(count(c.svg(), "<g class='cell value " + comparison + "'>")).as(comparison).isEqualTo((int) cells);
        }
        // Each value is labelled with its comparison's symbol; the legend names the comparison, not a value range
        Row worse = r.rows().stream().filter(x -> x.comparison() == Comparison.WORSE).findFirst().orElseThrow();
        assertThat(group(c.svg(), "cell value worse")).contains("■ " + ChartText.value(worse.value(), "%"))
                .contains("style='fill:rgb(237,139,0)'");
        assertThat(c.svg()).contains("● Better than LMNS").contains("■ Worse than LMNS").contains("◆ Similar to LMNS")
                .doesNotContain("darker blue");
    }

    @Test
    void slopeChartDrawsNoFittedLineWhereNoSiiIsGiven() {
        BreakdownResult r = Samples.pretermByQuintile();
        BreakdownResult noSii = new BreakdownResult(r.measure(), r.by(), r.by2(), r.from(), r.to(), r.suppressed(),
                r.unit(), r.imdVintage(), r.total(), r.rows(), null);
        ChartImage c = Charts.slopeChart(noSii, Samples.PRETERM);
        assertThat(c.svg()).contains("SII and RII not available").doesNotContain("fitted-line");
        assertThat(c.description()).doesNotContain("Fitted line");
    }

    @Test
    void heatMapTextContrastsWithItsCell() {
        for (HeatMap.Significance s : HeatMap.Significance.values()) {
            assertThat(Palette.contrast(Palette.textOn(s.fill), s.fill)).as(s.name()).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void slopeChartShowsSiiAndRiiAndAFittedLine() {
        ChartImage c = Charts.slopeChart(Samples.pretermByQuintile(), Samples.PRETERM);
        assertThat(c.svg()).contains("SII -4.6 percentage points (95% CI -5.9 to -3.3); RII 0.58 (95% CI 0.49 to 0.68)");
        assertThat(count(c.svg(), "<g class='fitted-line'>")).isEqualTo(1);
        assertThat(count(c.svg(), "<g class='whisker'>")).isEqualTo(5);
        assertThat(c.description()).contains("Fitted line from 9.3% at the most deprived end to 4.4%");
    }

    @Test
    void fittedLineIsTheWeightedLeastSquaresLine() {
        // Exactly linear points: the fit must recover intercept 10 and slope -5 whatever the weights.
        List<SlopeChart.Placed> points = List.of(new SlopeChart.Placed(Samples.row("1", null, 90, 1000, null), 1, 0.2),
                new SlopeChart.Placed(new Row("2", null, 1.0, 3000.0, 7.5, 7.0, 8.0, null, null, false, null, null,
                        null, null), 2, 0.5), new SlopeChart.Placed(new Row("3", null, 1.0, 500.0, 6.0, 5.0, 7.0, null,
                        null, false, null, null, null, null), 3, 0.8));
        double[] fit = SlopeChart.fit(points);
        assertThat(fit[0]).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(fit[1]).isCloseTo(-5.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void funnelDrawsBothLimitPairsAndNamesOutliers() {
        ChartImage c = Charts.funnelPlot(Samples.pretermByDistrict(), Samples.PRETERM);
        assertThat(count(c.svg(), "<g class='limit-95'>")).isEqualTo(2);
        assertThat(count(c.svg(), "<g class='limit-998'>")).isEqualTo(2);
        assertThat(group(c.svg(), "outlier-label")).contains(">LE1</text>");
        assertThat(count(c.svg(), "<g class='outlier-label'>")).isEqualTo(2);
        assertThat(c.description()).contains("LE1 15.0% of 400, above the 99.8% limit")
                .contains("LE4 4.2% of 3,600, below the 99.8% limit").contains("LE2 6.3% of 2,400, within the 95% limits")
                .contains("Suppressed and not shown (*): LE15");
    }

    @Test
    void spcMarksSpecialCausesByShapeAndStatesIcons() {
        ChartImage c = Charts.spcChart(Samples.earlyBookingTrend(), Samples.EARLY_BOOKING);
        assertThat(count(c.svg(), "class='point special-cause improvement circle'")).isEqualTo(7);
        assertThat(count(c.svg(), "class='point common-cause small-circle'")).isEqualTo(4);
        assertThat(group(c.svg(), "point special-cause improvement circle")).contains("fill:rgb(0,176,240)");
        assertThat(count(c.svg(), "<g class='process-limit'>")).isEqualTo(2);
        assertThat(count(c.svg(), "<g class='mean'>")).isEqualTo(1);
        assertThat(count(c.svg(), "<g class='target'>")).isEqualTo(1);
        assertThat(group(c.svg(), "suppressed")).contains(">*</text>");
        assertThat(c.svg()).contains("Variation: special cause – improvement · Assurance: consistently failing the target");
        assertThat(c.description()).contains("2025-03 68.9% (special cause improvement)").contains("2024-06 suppressed (*)");
    }

    @Test
    void trendGridHasOnePanelPerTrend() {
        ChartImage c = Charts.trendGrid("Key measures", List.of(new TrendPanel("Booked by 10 weeks",
                Samples.earlyBookingTrend()), new TrendPanel("Preterm births", Samples.flatTrend("preterm", 6.5, null))),
                true);
        assertThat(count(c.svg(), "<g class='panel'>")).isEqualTo(2);
        assertThat(c.description()).contains("Booked by 10 weeks: latest complete 2025-03 68.9%, mean 63.7%, target 75.0%")
                .contains("Preterm births: latest complete 2025-03");
    }

    @Test
    void incompletePeriodsAreHollowAndLabelled() {
        TrendResult t = Samples.withIncompleteEnds(Samples.earlyBookingTrend(), 1, 2);
        ChartImage c = Charts.spcChart(t, Samples.EARLY_BOOKING);
        assertThat(count(c.svg(), "class='point incomplete hollow-circle'")).isEqualTo(3);
        assertThat(group(c.svg(), "point incomplete hollow-circle")).contains("fill:rgb(255,255,255)");
        // One label over the first month, one over the run of the last two.
        assertThat(count(c.svg(), "<g class='incomplete-label'>")).isEqualTo(2);
        assertThat(group(c.svg(), "incomplete-label")).contains(">incomplete</text>");
        assertThat(c.svg()).contains("Incomplete period (hollow circle)");
        assertThat(c.description()).contains("2024-04 61.0% (incomplete)").contains("2025-03 68.9% (incomplete)")
                .contains("2025-01 66.0% (special cause improvement)");

        ChartImage grid = Charts.trendGrid("Key measures", List.of(new TrendPanel("Booked by 10 weeks", t)), false);
        assertThat(count(grid.svg(), "class='point incomplete hollow-circle'")).isEqualTo(3);
        assertThat(count(grid.svg(), "<g class='incomplete-label'>")).isEqualTo(2);
        // The heading's latest value is the latest complete period's, not the cut-off last month's.
        assertThat(grid.description()).contains("latest complete 2025-01 66.0%").contains("3 periods incomplete");
    }

    @Test
    void aRebasedChartDrawsEachPeriodsMean() {
        TrendResult t = Samples.rebased(Samples.earlyBookingTrend(), 6);
        ChartImage c = Charts.spcChart(t, Samples.EARLY_BOOKING);
        assertThat(count(c.svg(), "<g class='mean'>")).isEqualTo(1);
        assertThat(c.svg()).contains("rebased at 2024-10");
        assertThat(c.description()).contains("Rebased at 2024-10.");
    }

    @Test
    void trendGridDrawsEveryPublishedPointEvenBetweenSuppressedOnes() {
        TrendResult t = Samples.earlyBookingTrend();
        long published = t.points().stream().filter(p -> !p.suppressed() && p.value() != null).count();
        assertThat(published).isLessThan(t.points().size()); // some are suppressed
        ChartImage c = Charts.trendGrid("Booked", List.of(new TrendPanel("All", t)), true);
        assertThat(count(c.svg(), "<g class='point value'>") + count(c.svg(), "<g class='point special-cause "))
                .isEqualTo((int) published);
    }

    @Test
    void emptyAllSuppressedAndNullInputsRenderWithoutThrowing() {
        BreakdownResult empty = new BreakdownResult("preterm", "imd_quintile", null, null, null, true, "%", "2019",
                null, List.of(), null);
        List<Row> hidden = List.of(Samples.suppressedRow("1", null), Samples.suppressedRow("2", null));
        BreakdownResult allSuppressed = new BreakdownResult("preterm", "imd_quintile", null, "2024-04", "2025-03", true,
                "%", "2019", null, hidden, null);
        List<Row> nulls = List.of(new Row("1", null, null, null, null, null, null, null, null, false, null, null, null,
                null));
        BreakdownResult nullValues = new BreakdownResult("preterm", "imd_quintile", "ethnic_group", null, null, false,
                null, null, null, nulls, null);
        List<ChartImage> images = new ArrayList<>();
        for (BreakdownResult r : new BreakdownResult[] { null, empty, allSuppressed, nullValues }) {
            images.add(Charts.dotChart(r, Samples.PRETERM));
            images.add(Charts.heatMap(r, Samples.PRETERM));
            images.add(Charts.slopeChart(r, Samples.PRETERM));
            images.add(Charts.funnelPlot(r, null));
        }
        TrendResult noPoints = new TrendResult("preterm", "month", true, "%", null, null, null, null, List.of(), null);
        images.add(Charts.spcChart(noPoints, Samples.PRETERM));
        images.add(Charts.spcChart(null, null));
        images.add(Charts.trendGrid("Nothing", List.of(), false));
        images.forEach(i -> assertThat(i.svg()).contains("<desc").contains("<title"));
        assertThat(Charts.dotChart(empty, Samples.PRETERM).description()).contains("No data for this selection");
        assertThat(Charts.dotChart(allSuppressed, Samples.PRETERM).svg()).contains("* suppressed")
                .doesNotContain("no value");
        assertThat(Charts.funnelPlot(allSuppressed, Samples.PRETERM).description()).contains("No data");
    }

    @Test
    void pngHasTheSignatureAndTheRequestedSize() throws IOException {
        ChartImage c = Charts.dotChart(Samples.pretermByQuintile(), Samples.PRETERM, 640, 360);
        assertThat(c.png()).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(c.png()));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(c.svg()).contains("viewBox='0.0 0.0 640.0 360.0'").startsWith("<svg ");
        assertThat(c.html()).startsWith("<div class=\"chart\"><svg ").endsWith("</svg></div>");
    }

    /**
     * Every chart is well-formed XML whose text elements each carry their font and size: a browser drawing the inline
     * SVG lays text out as the chart was measured, so labels neither overlap nor get cut.
     */
    @Test
    void everySvgParsesAndEveryTextCarriesItsFontAndSize() throws Exception {
        List<ChartImage> images = List.of(Charts.dotChart(Samples.pretermByQuintile(), Samples.PRETERM),
                Charts.heatMap(Samples.pretermByEthnicityAndQuintile(), Samples.PRETERM),
                Charts.slopeChart(Samples.pretermByQuintile(), Samples.PRETERM),
                Charts.funnelPlot(Samples.pretermByDistrict(), Samples.PRETERM),
                Charts.spcChart(Samples.earlyBookingTrend(), Samples.EARLY_BOOKING));
        for (ChartImage image : images) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document svg = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(image.svg().getBytes(StandardCharsets.UTF_8)));
            NodeList texts = svg.getElementsByTagNameNS("*", "text");
            assertThat(texts.getLength()).as(image.title()).isGreaterThan(3);
            for (int i = 0; i < texts.getLength(); i++) {
                String style = ((Element) texts.item(i)).getAttribute("style");
                assertThat(style).as(image.title() + ": " + texts.item(i).getTextContent())
                        .contains("font-family: \"DejaVu Sans\", Arial, sans-serif").containsPattern("font-size: \\d+px");
            }
        }
    }

    private static String desc(String svg) {
        Matcher m = Pattern.compile("<desc id='[^']+'>(.*?)</desc>").matcher(svg);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The content of the first SVG group with this class. */
    private static String group(String svg, String cssClass) {
        int at = svg.indexOf("<g class='" + cssClass + "'>");
        assertThat(at).as("group " + cssClass).isNotNegative();
        return svg.substring(at, svg.indexOf("</g>", at));
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
