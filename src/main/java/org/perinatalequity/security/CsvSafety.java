package org.perinatalequity.security;

/**
 * Keeps exported CSV cells from running as formulas when a spreadsheet opens them (CSV injection,
 * OWASP): a cell starting with {@code = + - @}, a tab or a carriage return gets a leading single quote,
 * which spreadsheets show as text. Every CSV export of the application should pass its text cells here.
 */
public final class CsvSafety {

    private CsvSafety() {
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
