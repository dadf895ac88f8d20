package org.perinatalequity.breakdown.ui;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.perinatalequity.stats.SpcResult.PointType;

/** Display rounding only: the data and downloads keep full precision. */
final class Formats {

    private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

    private Formats() {
    }

    static String value(Double v) {
        return v == null ? "–" : new DecimalFormat("#,##0.0", UK).format(v);
    }

    static String interval(Double lower, Double upper) {
        return lower == null || upper == null ? "–" : value(lower) + " to " + value(upper);
    }

    static String count(Double v) {
        return v == null ? "–" : new DecimalFormat("#,##0", UK).format(v);
    }

    static String spc(PointType type) {
        return type == null ? "" : type.text();
    }
}
