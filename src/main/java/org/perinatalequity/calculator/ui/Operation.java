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
            + "5\t100\t11\t\t\t0.5\n");

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
