package org.perinatalequity.demodata;

import org.perinatalequity.demodata.RateCalibration.Link;

/**
 * Outcome probabilities by ethnic group and IMD quintile. Outcomes with published marginal targets by both
 * ethnicity and deprivation are calibrated with {@link RateCalibration}; the rest apply the ratios in
 * published-rates.md ("Using these figures in a generator") directly. Every number cites its row in that file.
 * Quintiles here are the dashboard's: 1 = most deprived.
 */
final class OutcomeModel {

    // Order of every array: WHITE, MIXED, ASIAN, BLACK, OTHER; quintile arrays Q1 least deprived first.
    /** Section 2, singleton preterm generator targets. */
    final double[][] preterm = RateCalibration.fit(new double[] {.058, .062, .068, .070, .062},
            new double[] {.049, .054, .059, .065, .072}, Link.LOG);
    /** Section 1b/1c, stillbirth per total birth (estimates scaled to 3.2 per 1,000). */
    final double[][] stillbirth = RateCalibration.fit(per1000(2.95, 3.4, 4.85, 6.6, 4.15),
            per1000(2.3, 2.7, 3.1, 3.6, 4.5), Link.LOG);
    /** Section 1b/1c, neonatal death per live birth. */
    final double[][] neonatal = RateCalibration.fit(per1000(1.5, 1.7, 2.35, 2.55, 2.0),
            per1000(1.1, 1.3, 1.5, 1.8, 2.2), Link.LOG);
    /** Section 3, term low birth weight. */
    final double[][] termLbw = RateCalibration.fit(new double[] {.022, .028, .050, .035, .035},
            new double[] {.020, .024, .028, .032, .037}, Link.LOG);
    /** Section 4, smoking at time of delivery. */
    final double[][] smokingDelivery = RateCalibration.fit(new double[] {.085, .06, .010, .015, .02},
            new double[] {.025, .04, .06, .09, .13}, Link.LOG);
    /** Section 5, first feed breast milk. */
    final double[][] breastMilk = RateCalibration.fit(new double[] {.68, .78, .82, .90, .85},
            new double[] {.81, .77, .73, .69, .65}, Link.LOGIT);
    /** Section 6, booked by 10 completed weeks. */
    final double[][] earlyBooking = RateCalibration.fit(new double[] {.68, .62, .60, .48, .52},
            new double[] {.70, .67, .64, .60, .57}, Link.LOGIT);
    /** Section 7, emergency caesarean (Black ≈ 1.4 × White, South Asian ≈ 1.1; deprivation ≈ 1.05). */
    final double[][] emergencyCaesarean = RateCalibration.fit(new double[] {.20, .21, .22, .28, .22},
            new double[] {.200, .2025, .205, .2075, .21}, Link.LOG);

    /** Section 4: smoking at booking ≈ 1.4 × the delivery rate in each cell. */
    static final double BOOKING_SMOKING_RATIO = 1.4;
    /** Section 7: total minus emergency caesarean (White 38−20, South Asian 41−22, Black 46−28, Other 40−22). */
    private static final double[] ELECTIVE_CAESAREAN = {.18, .18, .19, .18, .18};
    /** Section 8: continuity of carer 10–20%, targeted at Black, Asian and most-deprived women (estimate). */
    private static final double[] COC_ETHNIC = {1.0, 1.5, 1.7, 2.2, 1.5};
    private static final double[] COC_DEPRIVATION = {1.6, 1.35, 1.15, 1.05, 1.0};
    /** Section 11: DNA 6–9%, higher in deprived groups (estimate), quintile 1 (most deprived) first. */
    private static final double[] DNA = {.095, .080, .068, .058, .050};

    private static double[] per1000(double... v) {
        double[] p = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            p[i] = v[i] / 1000;
        }
        return p;
    }

    /** Looks up a calibrated table with the dashboard's quintile (1 = most deprived). */
    static double rate(double[][] table, EthnicGroup group, int quintile) {
        return table[group.ordinal()][5 - quintile];
    }

    double electiveCaesarean(EthnicGroup group) {
        return ELECTIVE_CAESAREAN[group.ordinal()];
    }

    double continuityOfCarer(EthnicGroup group, int quintile) {
        return 0.085 * COC_ETHNIC[group.ordinal()] * COC_DEPRIVATION[quintile - 1];
    }

    /** Section 8: PCSP recorded 50–70%; recording habits differ by team more than by group. */
    double personalisedCarePlan(int quintile, double teamFactor) {
        return Math.min(0.95, (0.66 - 0.015 * (5 - quintile)) / Math.sqrt(teamFactor));
    }

    double didNotAttend(int quintile, boolean lateBooker, int age) {
        return DNA[quintile - 1] * (lateBooker ? 1.3 : 1.0) * (age < 20 ? 1.3 : 1.0);
    }

    /**
     * Section 11: about 27% took folic acid before pregnancy (0.245 × an age factor averaging ≈ 1.1); lower in
     * younger and Black women.
     */
    double folicBeforePregnancy(EthnicGroup group, int age) {
        double ageFactor = age < 20 ? 0.35 : age < 25 ? 0.6 : age < 30 ? 0.95 : age < 35 ? 1.25 : 1.3;
        return 0.245 * ageFactor * (group == EthnicGroup.BLACK ? 0.6 : 1.0);
    }

    /** Section 11: PPH ≥ 1,500 ml ≈ 2.5% vaginal, 4% caesarean; Black ≈ 1.3 ×, no deprivation gradient. */
    double pph(EthnicGroup group, boolean caesarean) {
        return (caesarean ? 0.04 : 0.025) * (group == EthnicGroup.BLACK ? 1.3 : 1.0);
    }

    /** Section 11: 3rd/4th-degree tear ≈ 3% of spontaneous, ≈ 6.5% of instrumental vaginal births. */
    double severeTear(boolean instrumental) {
        return instrumental ? 0.065 : 0.03;
    }

    /** Section 11: multiple maternities ≈ 14 per 1,000, fewer in deprived areas (≈ 0.8), more with age. */
    double twins(int quintile, int age) {
        double ageFactor = age < 25 ? 0.7 : age < 35 ? 1.0 : age < 40 ? 1.4 : 1.9;
        return 0.0125 * (0.88 + 0.055 * (quintile - 1)) * ageFactor;
    }
}
