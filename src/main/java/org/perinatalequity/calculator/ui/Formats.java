package org.perinatalequity.calculator.ui;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Display rounding for the calculator grid and sentences; the download keeps full precision. Results get four
 * decimal places, enough for a fraction's limits (0.1119) and a rate per 100,000 alike; inputs show as typed.
 */
final class Formats {

    private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

    private Formats() {
    }

    static String result(Double v) {
        return v == null ? "–" : new DecimalFormat("#,##0.0000", UK).format(v);
    }

    static String input(Double v) {
        return v == null ? "" : new DecimalFormat("#,##0.########", UK).format(v);
    }
}
