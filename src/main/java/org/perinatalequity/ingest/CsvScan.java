package org.perinatalequity.ingest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One pass over the bytes of a CSV file before DuckDB reads it. It finds what {@code read_csv} does
 * not tell: the file's SHA-256, its encoding (UTF-8, UTF-8 with BOM, or else Windows-1252), the header,
 * and where each record starts as an editor numbers lines (DuckDB skips blank lines and counts a quoted
 * multi-line field as one row). Records whose field count differs from the header's are listed: DuckDB
 * rejects those rows and this scan says on which line they are.
 *
 * <p>Line numbers of the rows DuckDB keeps are {@code rowIndex + 2 + extra}, where {@code extra} comes
 * from {@link #segments()}: one segment per place where the simple rule breaks, so a regular file has
 * a single segment and costs nothing to map.
 */
public record CsvScan(String sha256, long bytes, Encoding encoding, List<String> header, long records,
        List<BadRow> badRows, List<Segment> segments) {

    public enum Encoding {
        UTF8("UTF-8"), UTF8_BOM("UTF-8 with BOM"), WINDOWS_1252("Windows-1252");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A record with the wrong number of fields, at the line where it starts. */
    record BadRow(long line, int fields) {
    }

    /** From accepted row {@code fromRow} on (0-based), add {@code extraLines} to {@code row + 2}. */
    record Segment(long fromRow, long extraLines) {
    }

    private static final int MAX_HEADER_BYTES = 1 << 20;

    public static CsvScan of(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 20];
        java.io.ByteArrayOutputStream headerBytes = new java.io.ByteArrayOutputStream();
        boolean inHeader = true;
        int headerFields = -1;

        boolean utf8 = true;
        int pending = 0;
        long total = 0;
        boolean bom = false;

        boolean inQuotes = false;
        long line = 1;               // physical line of the current byte
        long recordStartLine = 1;
        boolean recordHasContent = false;
        int fields = 1;
        long records = 0;            // data records (blank lines and header excluded)
        long goodRows = 0;
        long extra = 0;
        List<BadRow> bad = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        segments.add(new Segment(0, 0));

        try (InputStream in = Files.newInputStream(file)) {
            int n;
            boolean first = true;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                int start = 0;
                if (first) {
                    first = false;
                    if (n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                        bom = true;
                        start = 3;
                    }
                }
                for (int i = start; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (utf8) {
                        if (pending > 0) {
                            if ((b & 0xC0) != 0x80) {
                                utf8 = false;
                            }
                            pending--;
                        } else if (b >= 0x80) {
                            if (b >= 0xC2 && b <= 0xDF) {
                                pending = 1;
                            } else if ((b & 0xF0) == 0xE0) {
                                pending = 2;
                            } else if (b >= 0xF0 && b <= 0xF4) {
                                pending = 3;
                            } else {
                                utf8 = false;
                            }
                        }
                    }
                    if (inHeader) {
                        if (headerBytes.size() > MAX_HEADER_BYTES) {
                            throw new IOException("the first line is longer than 1 MB: this is not a CSV header");
                        }
                        headerBytes.write(b);
                    }
                    if (b == '"') {
                        inQuotes = !inQuotes;
                        recordHasContent = true;
                    } else if (b == '\n') {
                        if (!inQuotes) {
                            if (recordHasContent) {
                                if (inHeader) {
                                    inHeader = false;
                                    headerFields = fields;
                                } else {
                                    records++;
                                    if (fields != headerFields) {
                                        bad.add(new BadRow(recordStartLine, fields));
                                    } else {
                                        long want = goodRows + 2 + extra;
                                        if (recordStartLine != want) {
                                            extra = recordStartLine - goodRows - 2;
                                            segments.add(new Segment(goodRows, extra));
                                        }
                                        goodRows++;
                                    }
                                }
                            }
                            recordHasContent = false;
                            fields = 1;
                            recordStartLine = line + 1;
                        }
                        line++;
                    } else if (b == ',' && !inQuotes) {
                        fields++;
                        recordHasContent = true;
                    } else if (b != '\r') {
                        recordHasContent = true;
                    }
                }
                total += n;
            }
        }
        if (recordHasContent) {          // last record without a final newline
            if (inHeader) {
                inHeader = false;
                headerFields = fields;
            } else {
                records++;
                if (fields != headerFields) {
                    bad.add(new BadRow(recordStartLine, fields));
                } else if (recordStartLine != goodRows + 2 + extra) {
                    segments.add(new Segment(goodRows, recordStartLine - goodRows - 2));
                }
            }
        }
        if (inQuotes) {
            throw new IOException("a quoted field opened on or after line " + recordStartLine + " is never closed");
        }
        if (headerFields < 0) {
            throw new IOException("the file is empty (no header line)");
        }
        Encoding encoding = !utf8 || pending > 0 ? Encoding.WINDOWS_1252 : bom ? Encoding.UTF8_BOM : Encoding.UTF8;
        List<String> header = parseHeader(headerBytes.toByteArray(), encoding);
        return new CsvScan(HexFormat.of().formatHex(sha.digest()), total, encoding, header, records,
                List.copyOf(bad), List.copyOf(segments));
    }

    private static List<String> parseHeader(byte[] bytes, Encoding encoding) throws IOException {
        Charset charset = encoding == Encoding.WINDOWS_1252 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        String text = new String(bytes, charset).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(text))) {
            CSVRecord record = parser.iterator().next();
            return record.toList().stream().map(String::strip).toList();
        }
    }

    /** Rewrites a Windows-1252 file as UTF-8 (DuckDB reads neither Windows-1252 nor, reliably, Latin-1). */
    public static void transcodeWindows1252(Path from, Path to) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(from, Charset.forName("windows-1252"));
                BufferedWriter writer = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            reader.transferTo(writer);
        }
    }
}
