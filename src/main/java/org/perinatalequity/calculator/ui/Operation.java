package org.perinatalequity.calculator.ui;

/**
 * The calculator's operations, one per {@code POST /api/stats/*} endpoint, each with an example that shows the column
 * layout to paste (a header row, a label column and tab separators, as a spreadsheet copies them).
 */
enum Operation {

    PROPORTION("Proportion (Wilson)", "proportion",
            "Area\tNumerator\tDenominator\nLeicester\t5\t20\nLeicestershire\t457\t5930\nRutland\t0\t10\n"),
    RATE("Rate (Byar or exact)", "rate",
            "Area\tEvents\tPopulation\nLeicester\t9\t1000\nLeicestershire\t10\t1000\nRutland\t120\t45000\n"),
    FUNNEL_LIMITS("Funnel limits", "funnel-limits", "Population\n100\n500\n1008\n5000\n"),
    FUNNEL_SIGNIFICANCE("Funnel significance", "funnel-significance",
            "Area\tNumerator\tDenominator\nWest Norfolk\t26789.238\t33012\nEast Norfolk\t24803.6256\t31824\n"),
    COMPARE("Compare with a benchmark", "compare",
            "Area\tValue\tLower 95%\tUpper 95%\nLeicester\t2.6\t2.5\t2.7\nRutland\t3.4\t3.1\t3.8\n"),
    SPC("SPC chart (XmR or p)", "spc", "Month\tValue\n2024-04\t70\n2024-05\t72\n2024-06\t71\n2024-07\t74\n"
            + "2024-08\t73\n2024-09\t75\n2024-10\t74\n2024-11\t76\n2024-12\t77\n2025-01\t78\n2025-02\t79\n"
            + "2025-03\t80\n"),
    SII("Slope index of inequality (SII)", "sii", "Quantile\tPopulation\tValue\tLower\tUpper\tStandard error\n"
            + "1\t100\t19\t\t\t0.5\n2\t100\t17\t\t\t0.5\n3\t100\t15\t\t\t0.5\n4\t100\t13\t\t\t0.5\n"
            + "5\t100\t11\t\t\t0.5\n"),
    DSR("Directly standardised rate (Dobson)", "dsr", "Maternal age\tEvents\tPopulation\tStandard population\n"
            + "<20\t4\t210\t900\n20-24\t9\t1100\t4200\n25-29\t14\t2300\t7600\n30-34\t17\t2600\t8300\n"
            + "35-39\t11\t1200\t4700\n40+\t6\t300\t1300\n"),
    ISR("Indirectly standardised ratio (observed ÷ expected)", "isr", "Maternal age\tObserved\tPopulation"
            + "\tReference events\tReference population\n<20\t2\t40\t110\t2400\n20-24\t3\t150\t380\t10200\n"
            + "25-29\t5\t260\t610\t18500\n30-34\t6\t300\t640\t20100\n35-39\t4\t140\t420\t9800\n"
            + "40+\t3\t30\t150\t2300\n"),
    ISRATE("Indirectly standardised rate", "israte", "Maternal age\tObserved\tPopulation"
            + "\tReference events\tReference population\n<20\t2\t40\t110\t2400\n20-24\t3\t150\t380\t10200\n"
            + "25-29\t5\t260\t610\t18500\n30-34\t6\t300\t640\t20100\n35-39\t4\t140\t420\t9800\n"
            + "40+\t3\t30\t150\t2300\n"),
    RELATIVE_LIKELIHOOD("Relative likelihood (WRES, Katz limits)", "relative-likelihood", "Indicator\tWhite yes"
            + "\tWhite total\tBME yes\tBME total\nAppointed from shortlisting\t117\t389\t2\t10\n"
            + "Non-mandatory training\t480\t1200\t150\t420\n"),
    REPRESENTATION("Representation against the population served", "representation", "Ethnic group\tMembers"
            + "\tPopulation share\nWhite\t15\t0.55\nAsian or Asian British\t3\t0.30\nBlack or Black British\t1"
            + "\t0.08\nMixed or other\t1\t0.07\n");

    /**
     * Whether the pasted rows are the strata or categories of ONE calculation (an SPC chart, an SII, a standardised
     * rate, a representation test), rather than one calculation per row.
     */
    boolean oneCalculation() {
        return this == SPC || this == SII || this == DSR || this == ISR || this == ISRATE || this == REPRESENTATION;
    }

    private final String title;
    private final String apiName;
    private final String example;

    Operation(String title, String apiName, String example) {
        this.title = title;
        this.apiName = apiName;
        this.example = example;
    }

    String title() {
        return title;
    }

    /** The endpoint's last path segment, also the stem of the download's file name. */
    String apiName() {
        return apiName;
    }

    String example() {
        return example;
    }
}
