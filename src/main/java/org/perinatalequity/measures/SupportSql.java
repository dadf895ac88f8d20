package org.perinatalequity.measures;

/** Quoting for the fixed text (measure ids) that the fact build writes into SQL. */
final class SupportSql {

    private SupportSql() {
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
