package org.perinatalequity.stats;

/**
 * Centre lines and limits for one period of an SPC chart. XmR: mean ± 2.66 × mean moving range (3σ, with
 * d₂ = 1.128), the 2σ lines at two thirds of that. p chart: p̄ ± 3√(p̄(1−p̄)/nᵢ) per point, clipped to 0–1.
 * Laney p′: the p chart's σᵢ times σz, the spread of the standardised values.
 */
final class SpcLimits {

    /** NHSRplotthedots' screening threshold: moving ranges at or above 3.267 × MR̄ are left out once. */
    static final double SCREEN_FACTOR = 3.267;

    /** 3/d₂ with d₂ = 1.128, the package's constant. */
    static final double LIMIT_FACTOR = 2.66;

    /** d₂ for moving ranges of two, Laney's and qicharts2's constant. */
    static final double D2 = 1.128;

    private SpcLimits() {
    }

    /** Per-point mean, limits and 2σ lines of one period. */
    record Period(double[] mean, double[] lower, double[] upper, double[] lowerNear, double[] upperNear) {
    }

    static Period xmr(double[] y, boolean screenOutliers) {
        int n = y.length;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double[] ranges = new double[n - 1];
        double mr = 0;
        for (int i = 1; i < n; i++) {
            ranges[i - 1] = Math.abs(y[i] - y[i - 1]);
            mr += ranges[i - 1];
        }
        mr /= ranges.length;
        if (screenOutliers) {
            mr = screened(ranges, mr);
        }
        double width = LIMIT_FACTOR * mr;
        return constant(n, mean, width);
    }

    /**
     * One pass, no iteration: MR̄ from the ranges strictly below 3.267 × MR̄; 0 when none remain (the limits then
     * collapse onto the mean, as in the package).
     */
    static double screened(double[] ranges, double mr) {
        double cut = SCREEN_FACTOR * mr;
        double sum = 0;
        int kept = 0;
        for (double r : ranges) {
            if (r < cut) {
                sum += r;
                kept++;
            }
        }
        return kept == 0 ? 0 : sum / kept;
    }

    /** Pooled p̄ = Σx/Σn of the period; σᵢ from each denominator (Montgomery eq. 7.7; qicharts2 {@code qic.p}). */
    static Period p(double[] counts, double[] denominators) {
        int n = counts.length;
        double x = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            x += counts[i];
            total += denominators[i];
        }
        double pBar = x / total;
        double[] mean = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] lowerNear = new double[n];
        double[] upperNear = new double[n];
        for (int i = 0; i < n; i++) {
            double sigma = Math.sqrt(pBar * (1 - pBar) / denominators[i]);
            mean[i] = pBar;
            lower[i] = Math.max(0, pBar - 3 * sigma);
            upper[i] = Math.min(1, pBar + 3 * sigma);
            lowerNear[i] = pBar - 2 * sigma;
            upperNear[i] = pBar + 2 * sigma;
        }
        return new Period(mean, lower, upper, lowerNear, upperNear);
    }

    /**
     * Laney's p′ chart (Laney 2002, "Improved control charts for attributes", Quality Engineering 14(4)): a p chart
     * whose σᵢ = √(p̄(1−p̄)/nᵢ) is widened (or narrowed) by σz, the between-period variation the binomial model
     * misses, measured as an XmR chart of the standardised values zᵢ = (pᵢ − p̄)/σᵢ: σz = MR̄(z)/1.128. Limits
     * p̄ ± 3σᵢσz, clipped to 0–1; with large denominators a plain p chart's limits hug p̄ and flag nearly every
     * point, while p′ keeps the XmR chart's width. As qicharts2's {@code qic.pp} and Laney's paper, the moving
     * ranges are not screened.
     */
    static Period pPrime(double[] counts, double[] denominators) {
        int n = counts.length;
        double x = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            x += counts[i];
            total += denominators[i];
        }
        double pBar = x / total;
        double[] sigma = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = Math.sqrt(pBar * (1 - pBar) / denominators[i]);
            z[i] = sigma[i] == 0 ? 0 : (counts[i] / denominators[i] - pBar) / sigma[i];
        }
        double mr = 0;
        for (int i = 1; i < n; i++) {
            mr += Math.abs(z[i] - z[i - 1]);
        }
        double sigmaZ = mr / (n - 1) / D2;
        double[] mean = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] lowerNear = new double[n];
        double[] upperNear = new double[n];
        for (int i = 0; i < n; i++) {
            double s = sigma[i] * sigmaZ;
            mean[i] = pBar;
            lower[i] = Math.max(0, pBar - 3 * s);
            upper[i] = Math.min(1, pBar + 3 * s);
            lowerNear[i] = pBar - 2 * s;
            upperNear[i] = pBar + 2 * s;
        }
        return new Period(mean, lower, upper, lowerNear, upperNear);
    }

    private static Period constant(int n, double mean, double width) {
        double[] m = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] lowerNear = new double[n];
        double[] upperNear = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = mean;
            lower[i] = mean - width;
            upper[i] = mean + width;
            lowerNear[i] = mean - width * 2 / 3;
            upperNear[i] = mean + width * 2 / 3;
        }
        return new Period(m, lower, upper, lowerNear, upperNear);
    }
}
