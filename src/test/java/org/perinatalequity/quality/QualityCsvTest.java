package org.perinatalequity.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.export.CsvExport;

class QualityCsvTest {

    @Test
    void cellsASpreadsheetWouldEvaluateGetALeadingQuote() {
        StringWriter out = new StringWriter();
        CsvExport.write(QualityCsv.worklistTable(List.of(
                row("=HYPERLINK(\"x\")", Problem.MISSING),
                row("+1", Problem.MISSING),
                row("-1", Problem.MISSING),
                row("@SUM(A1)", Problem.MISSING),
                row("\tM1", Problem.MISSING),
                row("\rM1", Problem.MISSING),
                row("M0001", Problem.NOT_LINKED),
                new WorklistRow("M0002", LocalDate.of(2024, 1, 2), QualityItem.POSTCODE, Problem.MISSING, null, null,
                        true, WorklistStatus.FIXED, "=1+1"))), out);
        String rest = ",Postcode,Missing,2024-08-01,MW1,,To fix,";
        assertThat(out.toString().split("\r\n")).containsExactly(
                "Booking date,Local patient ID,Item,Problem,EDD,Midwife,New since last load,Status,Note",
                "2024-01-02,\"'=HYPERLINK(\"\"x\"\")\"" + rest, "2024-01-02,'+1" + rest,
                "2024-01-02,'-1" + rest, "2024-01-02,'@SUM(A1)" + rest,
                "2024-01-02,'\tM1" + rest, "2024-01-02,\"'\rM1\"" + rest,
                "2024-01-02,M0001,Postcode,Not in the postcode directory,2024-08-01,MW1,,To fix,",
                "2024-01-02,M0002,Postcode,Missing,,,New,Fixed,'=1+1");
    }

    private static WorklistRow row(String id, Problem problem) {
        return new WorklistRow(id, LocalDate.of(2024, 1, 2), QualityItem.POSTCODE, problem, LocalDate.of(2024, 8, 1),
                "MW1", false, WorklistStatus.TO_FIX, null);
    }
}
