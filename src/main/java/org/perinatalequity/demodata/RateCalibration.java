package org.perinatalequity.demodata;

/**
 * Fits a two-factor model p(group, quintile) = f⁻¹(a[group] + b[quintile]) so that, over England's joint
 * distribution of births by ethnic group and IMD quintile, the marginal rates equal the published targets.
 * Because minority groups live disproportionately in deprived areas, the fitted within-quintile ethnic effect
 * comes out smaller than the marginal ratio — exactly what published-rates.md asks of a generator.
 * With the log link this is iterative proportional fitting of a multiplicative model; the logit link is used for
 * common outcomes (breast milk, early booking) where multiplying probabilities could pass 1.
 */
final class RateCalibration {

    enum Link { LOG, LOGIT }

    /**
     * England's births by ethnic group (rows, EthnicGroup order) and IMD quintile (columns, Q1 least deprived … Q5
     * most deprived), as shares. (estimate) from Matthews et al. 2022: 22% of White babies in the least deprived
     * areas against 5–6% of Black and South Asian babies, ~40% of Black and Bangladeshi babies in the most deprived.
     */
    static final double[][] ENGLAND = {
        {.74 * .22, .74 * .21, .74 * .20, .74 * .19, .74 * .18},
        {.05 * .10, .05 * .14, .05 * .18, .05 * .24, .05 * .34},
        {.12 * .06, .12 * .11, .12 * .17, .12 * .28, .12 * .38},
        {.05 * .05, .05 * .09, .05 * .17, .05 * .30, .05 * .39},
        {.04 * .08, .04 * .12, .04 * .18, .04 * .27, .04 * .35},
    };

    private RateCalibration() {
    }

    /**
     * @param byGroup    target marginal rate per EthnicGroup (as a probability)
     * @param byQuintile target marginal rate per quintile, Q1 least deprived first
     * @return p[group][quintile] with quintile index 0 = Q1 (least deprived)
     */
    static double[][] fit(double[] byGroup, double[] byQuintile, Link link) {
        double[][] w = ENGLAND;
        double[] rowW = new double[5];
        double[] colW = new double[5];
        double totalW = 0;
        for (int g = 0; g < 5; g++) {
            for (int q = 0; q < 5; q++) {
                rowW[g] += w[g][q];
                colW[q] += w[g][q];
                totalW += w[g][q];
            }
        }
        // Published group and quintile targets rarely share one overall rate; scale the quintile gradient to the
        // ethnic one so both margins can be met at once.
        double overallG = 0;
        double overallQ = 0;
        for (int i = 0; i < 5; i++) {
            overallG += rowW[i] * byGroup[i] / totalW;
            overallQ += colW[i] * byQuintile[i] / totalW;
        }
        double[] qTarget = new double[5];
        for (int q = 0; q < 5; q++) {
            qTarget[q] = byQuintile[q] * overallG / overallQ;
        }
        double[] a = new double[5];
        double[] b = new double[5];
        for (int q = 0; q < 5; q++) {
            b[q] = link(qTarget[q], link);
        }
        for (int iter = 0; iter < 300; iter++) {
            for (int g = 0; g < 5; g++) {
                double m = 0;
                for (int q = 0; q < 5; q++) {
                    m += w[g][q] * inverse(a[g] + b[q], link);
                }
                a[g] += link(byGroup[g], link) - link(m / rowW[g], link);
            }
            for (int q = 0; q < 5; q++) {
                double m = 0;
                for (int g = 0; g < 5; g++) {
                    m += w[g][q] * inverse(a[g] + b[q], link);
                }
                b[q] += link(qTarget[q], link) - link(m / colW[q], link);
            }
        }
        double[][] p = new double[5][5];
        for (int g = 0; g < 5; g++) {
            for (int q = 0; q < 5; q++) {
                p[g][q] = inverse(a[g] + b[q], link);
            }
        }
        return p;
    }

    private static double link(double p, Link link) {
        return link == Link.LOG ? Math.log(p) : Math.log(p / (1 - p));
    }

    private static double inverse(double x, Link link) {
        return link == Link.LOG ? Math.exp(x) : 1 / (1 + Math.exp(-x));
    }
}
