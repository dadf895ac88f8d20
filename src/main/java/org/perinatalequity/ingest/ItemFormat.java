package org.perinatalequity.ingest;

import java.util.List;

/**
 * The MSDS format of one data item, parsed from the registry ({@code date}, {@code time},
 * {@code an:MIN:MAX}, {@code n:MAX}, {@code dec:MAX}, {@code nhs}, {@code id:MIN:MAX}, {@code postcode},
 * {@code code:LIST}). Each format
 * knows its SQL storage type, a SQL predicate that is true for a valid trimmed value, the SQL that
 * converts a valid value, and the reason given when a value fails.
 */
sealed interface ItemFormat {

    String sqlType();

    /** True for a valid, non-null value of {@code v} (an SQL expression). */
    String validSql(String v);

    /** The stored value of a value known to be valid. */
    default String castSql(String v) {
        return v;
    }

    /** The stored value: typed when valid, else null (typed columns) or the raw text (text columns). */
    default String storeSql(String v) {
        return sqlType().equals("VARCHAR") ? castSql(v) : "CASE WHEN " + validSql(v) + " THEN " + castSql(v) + " END";
    }

    /** Why a value that fails {@link #validSql} is wrong, in words a data manager understands. */
    String reason();

    /** True for identifiers replaced by their keyed hash at load (NHS numbers, staff ids). */
    default boolean pseudonymised() {
        return false;
    }

    static ItemFormat parse(String spec) {
        String[] parts = spec.split(":");
        return switch (parts[0]) {
            case "date" -> new DateFormat();
            case "time" -> new TimeFormat();
            case "nhs" -> new NhsNumberFormat();
            case "postcode" -> new PostcodeFormat();
            case "an" -> new TextFormat(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            case "n" -> new NumberFormat(Integer.parseInt(parts[1]));
            case "dec" -> new DecimalFormat(Integer.parseInt(parts[1]));
            case "id" -> new PseudonymisedIdFormat(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            case "code" -> new CodeFormat(CodeList.valueOf(parts[1].toUpperCase()));
            default -> throw new IllegalArgumentException("Unknown item format '" + spec + "'");
        };
    }

    record DateFormat() implements ItemFormat {
        public String sqlType() {
            return "DATE";
        }

        public String validSql(String v) {
            return "(regexp_full_match(" + v + ", '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND try_cast(" + v + " AS DATE) IS NOT NULL)";
        }

        public String castSql(String v) {
            return "try_cast(" + v + " AS DATE)";
        }

        public String reason() {
            return "not a valid date (CCYY-MM-DD)";
        }
    }

    record TimeFormat() implements ItemFormat {
        public String sqlType() {
            return "TIME";
        }

        public String validSql(String v) {
            return "(regexp_full_match(" + v + ", '[0-9]{2}:[0-9]{2}:[0-9]{2}') AND try_cast(" + v + " AS TIME) IS NOT NULL)";
        }

        public String castSql(String v) {
            return "try_cast(" + v + " AS TIME)";
        }

        public String reason() {
            return "not a valid time (HH:MM:SS, 24-hour)";
        }
    }

    record TextFormat(int min, int max) implements ItemFormat {
        public String sqlType() {
            return "VARCHAR";
        }

        public String validSql(String v) {
            return "(length(" + v + ") BETWEEN " + min + " AND " + max + ")";
        }

        public String reason() {
            return min == max ? "must be exactly " + max + " characters"
                    : "must be " + min + " to " + max + " characters";
        }
    }

    record NumberFormat(int maxDigits) implements ItemFormat {
        public String sqlType() {
            return "INTEGER";
        }

        public String validSql(String v) {
            return "regexp_full_match(" + v + ", '[0-9]{1," + maxDigits + "}')";
        }

        public String castSql(String v) {
            return "try_cast(" + v + " AS INTEGER)";
        }

        public String reason() {
            return "must be a whole number of at most " + maxDigits + " digits";
        }
    }

    /** A number ≥ 0 with at most MAX digits before an optional decimal part (counts and percentages). */
    record DecimalFormat(int maxDigits) implements ItemFormat {
        public String sqlType() {
            return "DOUBLE";
        }

        public String validSql(String v) {
            return "regexp_full_match(" + v + ", '[0-9]{1," + maxDigits + "}([.][0-9]{1,6})?')";
        }

        public String castSql(String v) {
            return "try_cast(" + v + " AS DOUBLE)";
        }

        public String reason() {
            return "must be a number ≥ 0 with at most " + maxDigits + " digits before the decimal point";
        }
    }

    /**
     * A local identifier of a person other than the NHS number (a staff or applicant id), replaced by its keyed
     * hash at load like an NHS number: the same person links across files and years, the id itself is never stored.
     */
    record PseudonymisedIdFormat(int min, int max) implements ItemFormat {
        public String sqlType() {
            return "VARCHAR";
        }

        public String validSql(String v) {
            return "(length(" + v + ") BETWEEN " + min + " AND " + max + ")";
        }

        public String reason() {
            return "must be " + min + " to " + max + " characters";
        }

        @Override
        public boolean pseudonymised() {
            return true;
        }
    }

    /** Ten digits whose modulus-11 check digit is right (NHS Data Dictionary, NHS NUMBER). */
    record NhsNumberFormat() implements ItemFormat {
        public String sqlType() {
            return "VARCHAR";
        }

        @Override
        public boolean pseudonymised() {
            return true;
        }

        public String validSql(String v) {
            StringBuilder sum = new StringBuilder();
            for (int i = 1; i <= 9; i++) {
                sum.append(i == 1 ? "" : " + ").append("try_cast(substr(").append(v).append(", ").append(i)
                        .append(", 1) AS INTEGER) * ").append(11 - i);
            }
            // try_cast, not cast: DuckDB may evaluate the sum before (or without) the digits test, and one
            // letter ("99O6271612") must make this row's value invalid, never fail the whole statement.
            String check = "(11 - ((" + sum + ") % 11)) % 11";
            return "(regexp_full_match(" + v + ", '[0-9]{10}') AND coalesce(" + check + " = try_cast(substr(" + v
                    + ", 10, 1) AS INTEGER), false))";
        }

        public String reason() {
            return "not a valid NHS number (10 digits with a correct check digit)";
        }
    }

    /** A UK postcode (including the ZZ99 pseudo-postcodes), with or without its space. */
    record PostcodeFormat() implements ItemFormat {
        public String sqlType() {
            return "VARCHAR";
        }

        public String validSql(String v) {
            return "(length(" + v + ") <= 8 AND regexp_full_match(upper(" + v
                    + "), '[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}'))";
        }

        public String castSql(String v) {
            return "upper(" + v + ")";
        }

        public String reason() {
            return "not a valid UK postcode";
        }
    }

    record CodeFormat(CodeList list) implements ItemFormat {
        public String sqlType() {
            return "VARCHAR";
        }

        public String validSql(String v) {
            return "(" + v + " IN (" + String.join(", ", list.codes().stream().map(c -> "'" + c + "'").toList()) + "))";
        }

        public String reason() {
            return "not in the code list " + list.title() + " (" + list.describe() + ")";
        }
    }

    /** The MSDS code lists checked at ingestion (msds-v2.md section 2). */
    enum CodeList {
        ETHNIC("ETHNIC CATEGORY", List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R",
                "S", "Z", "99")),
        PREG_OUTCOME("PREGNANCY OUTCOME", List.of("01", "02", "03", "04")),
        SEX("PERSON PHENOTYPIC SEX", List.of("1", "2", "9", "X")),
        DELIVERY_METHOD("DELIVERY METHOD", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
        MEDIUM("CONSULTATION MEDIUM USED", List.of("01", "02", "03", "04", "05", "06", "07", "08", "98")),
        ATTEND("ATTENDED OR DID NOT ATTEND", List.of("0", "2", "3", "4", "5", "6", "7")),
        FIRST_FEED("BABY FIRST FEED BREAST MILK INDICATION", List.of("01", "02", "03")),
        FOLIC("FOLIC ACID SUPPLEMENT STATUS", List.of("01", "02", "03", "ZZ")),
        YN("YES/NO INDICATOR", List.of("Y", "N")),
        PRESENTATION("PRESENTATION OF FETUS", List.of("01", "02", "03", "04", "XX")),
        LABOUR_ONSET("LABOUR OR DELIVERY ONSET METHOD", List.of("1", "2", "3", "4", "5", "9")),
        BIRTH_SETTING("MATERNITY CARE SETTING", List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
                "11", "12", "98", "99")),
        // The workforce dataset (docs/workforce.md).
        PAY_BAND("PAY BAND (Agenda for Change, VSM, medical)", List.of("1", "2", "3", "4", "5", "6", "7", "8A", "8B",
                "8C", "8D", "9", "VSM", "MEDICAL", "OTHER")),
        ASSIGNMENT("ASSIGNMENT CATEGORY", List.of("Permanent", "Fixed Term Temp", "Bank", "Honorary", "Locum")),
        WRES_EVENT("WORKFORCE EVENT TYPE", List.of("shortlisted", "appointed", "disciplinary", "training",
                "cultural_competency", "leadership", "promotion")),
        WRES_GROUP("WRES ETHNIC GROUP", List.of("White", "BME", "Unknown")),
        WRES_INDICATOR("WRES INDICATOR", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")),
        SURVEY_INDICATOR("WRES STAFF SURVEY INDICATOR", List.of("5", "6", "7", "8"));

        private final String title;
        private final List<String> codes;

        CodeList(String title, List<String> codes) {
            this.title = title;
            this.codes = codes;
        }

        String title() {
            return title;
        }

        List<String> codes() {
            return codes;
        }

        String describe() {
            return String.join(", ", codes);
        }
    }
}
