package org.perinatalequity.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Formula injection in CSV downloads (OWASP "CSV injection"): text cells neutralised, numbers left as numbers. */
class CsvExportTest {

    private static String csv(Table table) {
        StringWriter out = new StringWriter();
        CsvExport.write(table, out);
        return out.toString();
    }

    @Test
    void textStartingWithAFormulaCharacterGetsALeadingQuote() {
        Table table = new Table(List.of(new Table.Column("team", Table.Type.TEXT)), List.of(
                List.of("=HYPERLINK(\"http://x.io\",\"y\")"), List.of("+cmd"), List.of("-2+3"), List.of("@SUM(A1)"),
                List.of("\tTAB"), List.of("\rCR"), List.of("CITY-NORTH"), List.of("a=b")));

        assertThat(csv(table).split("\r\n", -1)).containsExactly("team", "\"'=HYPERLINK(\"\"http://x.io\"\",\"\"y\"\")\"",
                "'+cmd", "'-2+3", "'@SUM(A1)", "'\tTAB", "\"'\rCR\"", "CITY-NORTH", "a=b", "");
    }

    @Test
    void numbersBooleansAndNullsAreNotChanged() {
        Table table = new Table(List.of(new Table.Column("n", Table.Type.INTEGER), new Table.Column("x",
                Table.Type.NUMBER), new Table.Column("flag", Table.Type.BOOLEAN), new Table.Column("note",
                        Table.Type.TEXT)), List.of(Arrays.asList(-2L, -1.5, true, null), Arrays.asList(3L, 0.25, false, "")));

        assertThat(csv(table)).isEqualTo("n,x,flag,note\r\n-2,-1.5,true,\r\n3,0.25,false,\r\n");
    }

    @Test
    void headerNamesAreNeutralisedToo() {
        Table table = new Table(List.of(new Table.Column("=cmd", Table.Type.TEXT)), List.of(List.of("a")));

        assertThat(csv(table)).isEqualTo("'=cmd\r\na\r\n");
    }
}
