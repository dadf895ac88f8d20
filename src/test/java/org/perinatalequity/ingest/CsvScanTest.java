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
}
