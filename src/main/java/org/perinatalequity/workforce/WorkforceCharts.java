package org.perinatalequity.workforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.perinatalequity.charts.ChartData;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.stats.Estimate;
import org.perinatalequity.stats.Proportions;

/**
 * The Workforce equality page's charts, drawn from what the service answers (so from suppressed figures only):
 * indicator 1 by pay band against the whole workforce and the community served, and each relative likelihood year on
 * year against the equitable band.
 */
public final class WorkforceCharts {

    /** Short names for the likelihood rows, numbered as WRES numbers them (docs/workforce.md has the full ones). */
    static final Map<Integer, String> SHORT = Map.of(2, "Appointment from shortlisting", 3, "Formal disciplinary",
            4, "Non-mandatory training, CPD", 5, "Harassment by the public", 6, "Harassment by staff",
            7, "Equal opportunities", 8, "Discrimination at work");

    private WorkforceCharts() {
    }

    /**
     * BME staff as a percentage of staff of known ethnicity in each band with a Wilson 95% interval, against the BME
     * share of the whole maternity and neonatal workforce and of births (the community served). A band with a hidden
     * count is drawn as suppressed.
     */
    public static ChartImage bands(WorkforceEquality e, int width) {
        return Charts.intervalChart(bandEstimates(e), width);
    }

    static ChartData.Estimates bandEstimates(WorkforceEquality e) {
        List<ChartData.Estimate> rows = new ArrayList<>();
        for (BandRow b : e.bands()) {
            if (b.suppressed()) {
                rows.add(new ChartData.Estimate("Band " + b.band(), null, null, null, true));
            } else if (b.bmePercent() != null && b.white() != null && b.bme() != null) {
                Estimate w = Proportions.wilson(b.bme(), b.white() + b.bme(), 0.95, 100);
                rows.add(new ChartData.Estimate(label(b.band()), w.value(), w.lower(), w.upper(), false));
            }
        }
        List<ChartData.Reference> references = new ArrayList<>();
        if (e.workforceBmePercent() != null) {
            references.add(new ChartData.Reference("All maternity and neonatal staff", e.workforceBmePercent()));
        }
        if (e.communityBmePercent() != null) {
            references.add(new ChartData.Reference("Births to BME mothers (community served)",
                    e.communityBmePercent()));
        }
        return new ChartData.Estimates("BME share of staff by pay band, " + e.wres().year(),
                "BME staff as % of staff of known ethnicity at the snapshot, with 95% intervals (Wilson)",
                "BME staff (% of known ethnicity)", "%", false, rows, references, null, null);
    }

    private static String label(String band) {
        return switch (band) {
            case "VSM" -> "VSM";
            case "MEDICAL" -> "Medical and dental";
            case "OTHER" -> "Other pay scales";
            default -> "Band " + band;
        };
    }

    /**
     * Indicators 2 to 8, each year's relative likelihood with its Katz 95% interval on a log scale, against equal
     * likelihood (1) and the equitable band. Above 1 is always to BME staff's disadvantage.
     */
    public static ChartImage likelihoodTrend(Map<String, WresYear> trend, double lower, double upper, int width) {
        return Charts.intervalChart(trendEstimates(trend, lower, upper), width);
    }

    static ChartData.Estimates trendEstimates(Map<String, WresYear> trend, double lower, double upper) {
        List<ChartData.Estimate> rows = new ArrayList<>();
        for (int indicator = 2; indicator <= 8; indicator++) {
            for (WresYear year : trend.values()) {
                WresIndicator i = year.indicators().get(indicator - 1);
                boolean hidden = i.relativeLikelihood() == null && (i.white().suppressed() || i.bme().suppressed());
                rows.add(new ChartData.Estimate(indicator + " " + SHORT.get(indicator) + ", " + year.year(),
                        i.relativeLikelihood(), i.lower95(), i.upper95(), hidden));
            }
        }
        String band = String.format(Locale.UK, "Equitable band %.2f–%.2f (four-fifths rule, a setting)", lower, upper);
        return new ChartData.Estimates("Relative likelihoods year on year",
                "Above 1: BME staff fare worse. 95% intervals (Katz), log scale",
                "Relative likelihood (log scale)", "", true, rows,
                List.of(new ChartData.Reference("Equal likelihood", 1.0)),
                new ChartData.Band(band, lower, upper), null);
    }

    /**
     * One group's share of each ethnic group with its Goodman simultaneous 95% interval, and beside it the share of
     * births (a diamond): a group that reflects the community served has each diamond inside its interval.
     */
    public static ChartImage representation(RepresentationRow row, String year, int width) {
        return Charts.intervalChart(representationEstimates(row, year), width);
    }

    static ChartData.Estimates representationEstimates(RepresentationRow row, String year) {
        List<ChartData.Estimate> rows = new ArrayList<>();
        for (RepresentationRow.Share c : row.categories()) {
            rows.add(new ChartData.Estimate(c.category(), c.percent(), c.lower(), c.upper(), false,
                    c.communityPercent()));
        }
        if (row.suppressed()) {
            rows.add(new ChartData.Estimate("Every ethnic group", null, null, null, true));
        }
        return new ChartData.Estimates(row.group() + " by ethnic group, " + year,
                "Share of those of known ethnicity with Goodman simultaneous 95% intervals, against births",
                "% of known ethnicity", "%", false, rows, List.of(), null, "Births to mothers of the group");
    }
}
