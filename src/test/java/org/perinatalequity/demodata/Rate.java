package org.perinatalequity.demodata;

/** A numerator over a denominator, accumulated while scanning rows. */
final class Rate {

    long numerator;
    long denominator;

    void add(boolean event) {
        denominator++;
        if (event) {
            numerator++;
        }
    }

    double value() {
        return denominator == 0 ? Double.NaN : numerator / (double) denominator;
    }

    @Override
    public String toString() {
        return String.format("%.4f (%d/%d)", value(), numerator, denominator);
    }
}
