package org.perinatalequity.workforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.perinatalequity.stats.DisclosureControl;
import org.perinatalequity.stats.InvalidInputException;
import org.perinatalequity.stats.RelativeLikelihood;

/**
 * The nine WRES indicators from their counts ({@link WresCell}, summed over organisations), whichever layout they came
 * from. Plain arithmetic on the cells, so it is unit-tested on hand-made counts (docs/workforce.md gives each method).
 * <p>
 * Every relative likelihood is put so that above 1 is to BME staff's disadvantage: White ÷ BME for 2 (appointed from
 * shortlisting), 4 (non-mandatory training) and 7 (believing the organisation gives equal opportunities); BME ÷ White for
 * 3 (formal disciplinary), 5, 6 and 8 (harassment, bullying, abuse, discrimination). Its interval is Katz's
 * ({@link RelativeLikelihood}). A group whose numerator or denominator is from 1 to {@code suppressBelow − 1} is hidden,
 * and then so are the likelihood and its limits (with the other group's counts they would give the hidden count back).
 */
public final class WresCalculator {

    /** The bands of indicator 1, in their order (the PAY BAND code list of the workforce registry). */
    public static final List<String> BANDS = List.of("1", "2", "3", "4", "5", "6", "7", "8A", "8B", "8C", "8D", "9",
            "VSM", "MEDICAL", "OTHER");

    private static final double CONFIDENCE = 0.95;

    private final double equitableLower;
    private final double equitableUpper;
    private final int suppressBelow;

    public WresCalculator(double equitableLower, double equitableUpper, int suppressBelow) {
        this.equitableLower = equitableLower;
        this.equitableUpper = equitableUpper;
        this.suppressBelow = suppressBelow;
    }

    public static WresCalculator of(WorkforceSettings settings) {
        return new WresCalculator(settings.equitableLower(), settings.equitableUpper(), settings.suppressBelow());
    }

    /** Indicators 1 to 9, in order; an indicator without counts has empty figures and is not assessed. */
    public List<WresIndicator> indicators(List<WresCell> cells) {
        List<WresIndicator> result = new ArrayList<>();
        Totals workforce = totals(cells, 1);
        result.add(share(1, workforce, null));
        result.add(likelihood(cells, 2, WresGroup.WHITE));
        result.add(likelihood(cells, 3, WresGroup.BME));
        result.add(likelihood(cells, 4, WresGroup.WHITE));
        result.add(likelihood(cells, 5, WresGroup.BME));
        result.add(likelihood(cells, 6, WresGroup.BME));
        result.add(likelihood(cells, 7, WresGroup.WHITE));
        result.add(likelihood(cells, 8, WresGroup.BME));
        result.add(share(9, totals(cells, 9), workforce));
        return result;
    }

    /** The assessment of a likelihood's interval against the equitable band. */
    public Assessment assess(@Nullable Double lower, @Nullable Double upper) {
        if (lower == null || upper == null) {
            return Assessment.NOT_ASSESSED;
        }
        if (lower > equitableUpper) {
            return Assessment.ADVERSE;
        }
        if (upper < equitableLower) {
            return Assessment.FAVOURABLE;
        }
        return Assessment.EQUITABLE;
    }

    /**
     * Indicator 1 by band: White and BME headcounts and the BME percentage of known ethnicity. Small counts are hidden,
     * and where a group has exactly one hidden band another is hidden too, so the group's total cannot give it back.
     */
    public List<BandRow> bands(List<WresCell> cells) {
        Map<String, double[]> byBand = new LinkedHashMap<>();
        for (String band : BANDS) {
            byBand.put(band, new double[2]);
        }
        for (WresCell c : cells) {
            if (c.indicator() == 1 && c.group() != WresGroup.UNKNOWN && c.band() != null && byBand.containsKey(c.band())) {
                byBand.get(c.band())[c.group() == WresGroup.WHITE ? 0 : 1] += c.numerator();
            }
        }
        byBand.values().removeIf(counts -> counts[0] + counts[1] == 0);
        List<String> bands = new ArrayList<>(byBand.keySet());
        boolean[][] hidden = new boolean[2][bands.size()];
        for (int g = 0; g < 2; g++) {
            List<DisclosureControl.Cell> rows = new ArrayList<>();
            double total = 0;
            for (String band : bands) {
                double count = byBand.get(band)[g];
                total += count;
                rows.add(new DisclosureControl.Cell(band, count, small(count)));
            }
            DisclosureControl.Suppressed s = DisclosureControl.suppress(rows,
                    new DisclosureControl.Cell("total", total, small(total)));
            for (int i = 0; i < bands.size(); i++) {
                hidden[g][i] = s.rows().get(i).suppressed();
            }
        }
        List<BandRow> result = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            double[] counts = byBand.get(bands.get(i));
            boolean any = hidden[0][i] || hidden[1][i];
            result.add(new BandRow(bands.get(i), hidden[0][i] ? null : counts[0], hidden[1][i] ? null : counts[1],
                    any ? null : 100 * counts[1] / (counts[0] + counts[1]), any));
        }
        return result;
    }

    private WresIndicator likelihood(List<WresCell> cells, int indicator, WresGroup top) {
        Totals t = totals(cells, indicator);
        if (t.denominator(WresGroup.WHITE) == 0 && t.denominator(WresGroup.BME) == 0) {
            return new WresIndicator(indicator, GroupFigures.none(), GroupFigures.none(), null, null, null,
                    Assessment.NOT_ASSESSED);
        }
        GroupFigures white = figures(t, WresGroup.WHITE);
        GroupFigures bme = figures(t, WresGroup.BME);
        if (white.suppressed() || bme.suppressed()) {
            return new WresIndicator(indicator, white, bme, null, null, null, Assessment.NOT_ASSESSED);
        }
        WresGroup bottom = top == WresGroup.WHITE ? WresGroup.BME : WresGroup.WHITE;
        RelativeLikelihood rl;
        try {
            rl = RelativeLikelihood.of(t.numerator(top), t.denominator(top), t.numerator(bottom), t.denominator(bottom),
                    CONFIDENCE);
        } catch (InvalidInputException e) {
            // A group without a denominator, or more numerator than denominator (a return that does not add up):
            // no likelihood can be given.
            return new WresIndicator(indicator, white, bme, null, null, null, Assessment.NOT_ASSESSED);
        }
        return new WresIndicator(indicator, white, bme, rl.value(), rl.lower(), rl.upper(),
                assess(rl.lower(), rl.upper()));
    }

    /** Indicators 1 and 9: each group's share of the staff (board) of known ethnicity, 9 also against the workforce. */
    private WresIndicator share(int indicator, Totals t, @Nullable Totals workforce) {
        double known = t.numerator(WresGroup.WHITE) + t.numerator(WresGroup.BME);
        if (known == 0) {
            return new WresIndicator(indicator, GroupFigures.none(), GroupFigures.none(), null, null, null,
                    Assessment.NOT_ASSESSED);
        }
        GroupFigures white = shareOf(t.numerator(WresGroup.WHITE), known);
        GroupFigures bme = shareOf(t.numerator(WresGroup.BME), known);
        if (workforce != null) {
            double staff = workforce.numerator(WresGroup.WHITE) + workforce.numerator(WresGroup.BME);
            boolean staffHidden = small(workforce.numerator(WresGroup.WHITE)) || small(workforce.numerator(WresGroup.BME));
            white = white.against(staff == 0 || staffHidden ? null : 100 * workforce.numerator(WresGroup.WHITE) / staff);
            bme = bme.against(staff == 0 || staffHidden ? null : 100 * workforce.numerator(WresGroup.BME) / staff);
        }
        return new WresIndicator(indicator, white, bme, null, null, null, Assessment.NOT_ASSESSED);
    }

    private GroupFigures shareOf(double count, double known) {
        // The other group's count is the known total minus this one: one small count hides both.
        return small(count) || small(known - count) ? GroupFigures.hidden() : GroupFigures.of(count, known);
    }

    private GroupFigures figures(Totals t, WresGroup group) {
        double n = t.numerator(group);
        double d = t.denominator(group);
        if (small(n) || small(d) || small(d - n)) {
            return GroupFigures.hidden();
        }
        return d == 0 ? new GroupFigures(n, d, null, false, null, null) : GroupFigures.of(n, d);
    }

    private boolean small(double count) {
        return count > 0 && count < suppressBelow;
    }

    private static Totals totals(List<WresCell> cells, int indicator) {
        Totals t = new Totals();
        for (WresCell c : cells) {
            if (c.indicator() == indicator) {
                int g = c.group().ordinal();
                t.numerators[g] += c.numerator();
                t.denominators[g] += Objects.requireNonNullElse(c.denominator(), 0.0);
            }
        }
        return t;
    }

    private static final class Totals {
        private final double[] numerators = new double[WresGroup.values().length];
        private final double[] denominators = new double[WresGroup.values().length];

        double numerator(WresGroup g) {
            return numerators[g.ordinal()];
        }

        double denominator(WresGroup g) {
            return denominators[g.ordinal()];
        }
    }
}
