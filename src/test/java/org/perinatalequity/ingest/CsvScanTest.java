package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte scan that gives editor line numbers, the encoding and the header. */
class CsvScanTest {

    @TempDir
    Path dir;

    private CsvScan scan(byte[] content) throws IOException {
        return CsvScan.of(Files.write(dir.resolve("f.csv"), content));
    }

    private CsvScan scan(String content) throws IOException {
        return scan(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRegularFileNeedsOneSegment() throws IOException {
        CsvScan scan = scan("a,b\n1,2\n3,4\n");

        assertThat(scan.header()).containsExactly("a", "b");
        assertThat(scan.records()).isEqualTo(2);
        assertThat(scan.badRows()).isEmpty();
        assertThat(scan.segments()).containsExactly(new CsvScan.Segment(0, 0));
        assertThat(scan.encoding()).isEqualTo(CsvScan.Encoding.UTF8);
        assertThat(scan.sha256()).hasSize(64);
    }

    @Test
    void blankLinesMultiLineFieldsAndBadRowsShiftLaterLines() throws IOException {
        // line 1 header, 2 good, 3 blank, 4-5 one quoted record, 6 bad, 7 good (no final newline)
        CsvScan scan = scan("a,b\r\n1,2\r\n\r\n\"x\ny\",3\r\n4\r\n5,\"6,\"\"7\"\"\"");

        assertThat(scan.records()).isEqualTo(4);
        assertThat(scan.badRows()).containsExactly(new CsvScan.BadRow(6, 1));
        // good rows: 0 at line 2; 1 at line 4 (= 1 + 2 + 1); 2 at line 7 (= 2 + 2 + 3)
        assertThat(scan.segments()).containsExactly(new CsvScan.Segment(0, 0), new CsvScan.Segment(1, 1),
                new CsvScan.Segment(2, 3));
    }

    @Test
    void detectsBomAndWindows1252() throws IOException {
        assertThat(scan(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n', '1', '\n' }).encoding())
                .isEqualTo(CsvScan.Encoding.UTF8_BOM);
        CsvScan cp1252 = scan(new byte[] { 'n', 'a', 'm', (byte) 0xE9, '\n', (byte) 0x80, '\n' });
        assertThat(cp1252.encoding()).isEqualTo(CsvScan.Encoding.WINDOWS_1252);
        assertThat(cp1252.header()).isEqualTo(List.of("namé"));
    }

    @Test
    void refusesEmptyFilesAndUnclosedQuotes() {
        assertThatThrownBy(() -> scan("")).hasMessage("the file is empty (no header line)");
        assertThatThrownBy(() -> scan("a,b\n1,\"open\n2,3\n"))
                .hasMessage("a quoted field opened on or after line 2 is never closed");
    }

    @Test
    void aBrokenCharacterIsReportedWhereItStarts() {
        // "Zo" then 0xEB (the start of a three-byte character) broken by the newline, then an undefined byte
        byte[] content = { 'a', '\n', 'Z', 'o', (byte) 0xEB, '\n', 'x', (byte) 0x81, '\n' };
        assertThatThrownBy(() -> scan(content)).hasMessage("not valid UTF-8 at line 2, byte 3, and not Windows-1252"
                + " either (byte 0x81 at line 3, byte 2 is no Windows-1252 character): the file must be saved as UTF-8");
    }

    @Test
    void refusalsNameTheLineAndTheSettingOfTheirLimit() throws IOException {
        CsvScan.Limits low = new CsvScan.Limits(3, 10, 2);
        assertThatThrownBy(() -> CsvScan.of(Files.writeString(dir.resolve("wide.csv"), "a,b,c,d\n"), low))
                .hasMessage("line 1: the header has more than 3 columns (the limit, equity.ingest.limits.max-columns)");
        assertThatThrownBy(() -> CsvScan.of(Files.writeString(dir.resolve("long.csv"), "a\n12345678901\n"), low))
                .hasMessage("line 2, column 1: a field longer than 10 bytes (the limit,"
                        + " equity.ingest.limits.max-field-bytes)");
        assertThatThrownBy(() -> CsvScan.of(Files.writeString(dir.resolve("rows.csv"), "a\n1\n2\n3\n"), low))
                .hasMessage("line 4: more than 2 records (the limit, equity.ingest.limits.max-rows)");
        // Just under each limit: 3 columns, fields of 10 bytes (the commas and line ends not counted), 2 records.
        assertThat(CsvScan.of(Files.writeString(dir.resolve("under.csv"), "a,b,c\n1234567890,\"12345678\",x\r\n"
                + "1,2,3\n"), low).records()).isEqualTo(2);
    }

    @Test
    void aRecordOverTwoMegabytesIsRefusedAndOneJustUnderIsRead() throws IOException {
        // 64 fields of 32,767 bytes and 63 commas: 2,097,151 bytes, the newline makes 2,097,152 (2 MB).
        String under = ("f".repeat(32_767) + ",").repeat(63) + "f".repeat(32_767);
        assertThat(under.length() + 1).isEqualTo(CsvScan.MAX_RECORD_BYTES);
        String header = java.util.stream.IntStream.range(0, 64).mapToObj(i -> "c" + i)
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(scan(header + "\n" + under + "\n").records()).isEqualTo(1);
        assertThatThrownBy(() -> scan(header + "\n" + under + "f\n"))
                .hasMessage("line 2: a record longer than 2 MB (the fixed limit of one record)");
    }

    @Test
    void aHeaderOverOneMegabyteIsRefusedAsNoHeader() {
        String header = "h".repeat(30_000) + ",h".repeat(0);
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            wide.append(i == 0 ? "" : ",").append(header);
        }
        assertThatThrownBy(() -> scan(wide + "\n1\n")).isInstanceOf(CsvScan.Unreadable.class)
                .hasMessage("line 1: the header is longer than 1 MB (1,048,576 bytes): this is not a CSV header");
    }

    @Test
    void tellsMixedLineEndsAndNormalisesThemOutsideQuotes() throws IOException {
        assertThat(scan("a,b\r\n1,2\r\n").mixedLineEnds()).isFalse();
        assertThat(scan("a,b\n1,2\n").mixedLineEnds()).isFalse();
        assertThat(scan("a,b\r\n1,\"x\r\ny\"\n3,4\r\n").mixedLineEnds()).isTrue();

        Path lf = dir.resolve("lf.csv");
        CsvScan.normaliseLineEnds(Files.writeString(dir.resolve("mixed.csv"), "a,b\r\n1,\"x\r\ny\"\n\r\n3,4\r\r\n"), lf);
        assertThat(Files.readString(lf)).isEqualTo("a,b\n1,\"x\r\ny\"\n\n3,4\r\n");
    }

    @Test
    void refusesALoneCarriageReturnOutsideQuotesButKeepsOneInsideQuotes() throws IOException {
        assertThatThrownBy(() -> scan("a,b\n1,2\r3\n")).hasMessage("line 2, byte 4: a carriage return (CR) alone"
                + " inside a row: lines must end with LF or CRLF; the file is damaged or was saved with old Mac line ends");
        assertThat(scan("a,b\n1,\"2\r3\"\r\n").records()).isEqualTo(1);
    }
}
