package org.perinatalequity.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class QualityCsvTest {

    @Test
    void cells_a_spreadsheet_would_evaluate_get_a_leading_quote() {
        StringWriter out = new StringWriter();
        QualityCsv.worklist(List.of(
                new WorklistRow("=HYPERLINK(\"x\")", LocalDate.of(2024, 1, 2), QualityItem.POSTCODE, Problem.MISSING),
                new WorklistRow("+1", LocalDate.of(2024, 1, 2), QualityItem.POSTCODE, Problem.MISSING),
                new WorklistRow("-1", LocalDate.of(2024, 1, 2), QualityItem.POSTCODE, Problem.MISSING),
                new WorklistRow("@SUM(A1)", LocalDate.of(2024, 1, 2), QualityItem.POSTCODE, Problem.MISSING),
                new WorklistRow("\tM1", LocalDate.of(2024, 1, 2), QualityItem.POSTCODE, Problem.MISSING),
                new WorklistRow("\rM1", LocalDate.of(2024, 1, 2), QualityItem.POSTCODE, Problem.MISSING),
                new WorklistRow("M0001", LocalDate.of(2024, 1, 2), QualityItem.POSTCODE, Problem.NOT_LINKED)), out);
        assertThat(out.toString().split("\r\n")).containsExactly("localPatientId,bookingDate,item,problem",
                "\"'=HYPERLINK(\"\"x\"\")\",2024-01-02,postcode,missing", "'+1,2024-01-02,postcode,missing",
                "'-1,2024-01-02,postcode,missing", "'@SUM(A1),2024-01-02,postcode,missing",
                "'\tM1,2024-01-02,postcode,missing", "\"'\rM1\",2024-01-02,postcode,missing",
                "M0001,2024-01-02,postcode,not_linked");
    }
}
