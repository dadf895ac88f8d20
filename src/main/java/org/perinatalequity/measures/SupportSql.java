package org.perinatalequity.measures;

/** SQL fragments shared by the fact build: age groups and financial years. */
final class SupportSql {

    private SupportSql() {
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** MSDS AgeAtBookingMotherGroup bands. */
    static String ageGroup(String age) {
        return "CASE WHEN " + age + " IS NULL THEN 'Unknown' WHEN " + age + " < 20 THEN 'Under 20' WHEN " + age
                + " < 25 THEN '20 to 24' WHEN " + age + " < 30 THEN '25 to 29' WHEN " + age + " < 35 THEN '30 to 34'"
                + " WHEN " + age + " < 40 THEN '35 to 39' WHEN " + age + " < 45 THEN '40 to 44' ELSE '45 or over' END";
    }

    /** NHS financial year (April to March) as {@code 2023/24}. */
    static String financialYear(String date) {
        String start = "(year(" + date + ") - CASE WHEN month(" + date + ") < 4 THEN 1 ELSE 0 END)";
        return "CAST(" + start + " AS VARCHAR) || '/' || right(CAST(" + start + " + 1 AS VARCHAR), 2)";
    }
}
