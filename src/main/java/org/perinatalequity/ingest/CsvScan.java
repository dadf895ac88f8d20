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
import java.util.Locale;

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
 *
 * <p>{@code mixedLineEnds}: some lines end CRLF and others LF (a file edited on two systems). DuckDB's reader stops
 * on such a file, so the loader reads a copy with LF line ends ({@link #normaliseLineEnds}).
 */
public record CsvScan(String sha256, long bytes, Encoding encoding, List<String> header, long records,
        List<BadRow> badRows, List<Segment> segments, boolean mixedLineEnds) {

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
    public record BadRow(long line, int fields) {
    }

    /** From accepted row {@code fromRow} on (0-based), add {@code extraLines} to {@code row + 2}. */
    record Segment(long fromRow, long extraLines) {
    }

    /**
     * The bounds a file must keep, checked byte by byte before anything is allocated per column or per row: a
     * header of 100,000 columns or a field of gigabytes is refused here, in the scan, not by DuckDB's memory.
     *
     * @param maxColumns most columns in the header
     * @param maxFieldBytes longest field, in bytes (quotes included)
     * @param maxRecords most data records in one file
     */
    public record Limits(int maxColumns, int maxFieldBytes, long maxRecords) {

        /** The defaults of {@code equity.ingest.limits.max-columns}, {@code max-field-bytes}, {@code max-rows}. */
        public static final Limits DEFAULT = new Limits(1_000, 32_768, 10_000_000L);
    }

    /**
     * A file refused by the scan, with the line (and column where known) and the reason in plain words; the
     * message does not name the file (the caller puts it in front).
     */
    public static final class Unreadable extends IOException {

        Unreadable(String message) {
            super(message);
        }
    }

    private static final int MAX_HEADER_BYTES = 1 << 20;

    /**
     * Longest record DuckDB's {@code read_csv} reads ({@code max_line_size}, which the loader passes explicitly):
     * a longer one is refused here with its line instead of by the CSV reader's error.
     */
    static final int MAX_RECORD_BYTES = 2 * 1024 * 1024;

    /** Bytes that Windows-1252 leaves undefined: a file holding one is neither UTF-8 nor Windows-1252. */
    private static boolean undefinedInWindows1252(int b) {
        return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
    }

    /** Numbers in messages as a data manager reads them: 1,203. */
    public static String number(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    public static CsvScan of(Path file) throws IOException {
        return of(file, Limits.DEFAULT);
    }

    public static CsvScan of(Path file, Limits limits) throws IOException {
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
        long badUtf8Line = 0;        // where the first byte that is not UTF-8 is (line, 1-based byte in line)
        long badUtf8Byte = 0;
        long sequenceLine = 0;       // where the current multi-byte character started
        long sequenceByte = 0;
        long undefinedLine = 0;      // the first byte Windows-1252 does not define
        long undefinedByte = 0;
        int undefinedValue = 0;
        long lineStart = 0;          // offset of the current line's first byte
        long fieldBytes = 0;
        long recordStart = 0;        // offset of the current record's first byte
        long total = 0;
        boolean bom = false;
        int previous = -1;           // the byte before the current one, to tell CRLF from LF
        boolean crOutsideQuotes = false;
        long crlfEnds = 0;
        long lfEnds = 0;

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
                    long offset = total + i;
                    if (b >= 0x80) {
                        if (undefinedLine == 0 && undefinedInWindows1252(b)) {
                            undefinedLine = line;
                            undefinedByte = offset - lineStart + 1;
                            undefinedValue = b;
                        }
                    } else if (b == 0) {
                        throw new Unreadable("line " + number(line) + ", byte " + number(offset - lineStart + 1)
                                + ": a NUL byte (0x00), which a text file never holds: the file is damaged or not"
                                + " UTF-8 (UTF-16 holds such bytes); save it as UTF-8");
                    }
                    if (crOutsideQuotes && b != '\n') {
                        // DuckDB's reader takes a lone CR for a line end and stops: refused here with its place.
                        throw new Unreadable("line " + number(line) + ", byte " + number(offset - lineStart)
                                + ": a carriage return (CR) alone inside a row: lines must end with LF or CRLF;"
                                + " the file is damaged or was saved with old Mac line ends");
                    }
                    crOutsideQuotes = b == '\r' && !inQuotes;
                    if (utf8) {
                        boolean ok = true;
                        if (pending > 0) {
                            ok = (b & 0xC0) == 0x80;
                            pending--;
                        } else if (b >= 0x80) {
                            // A broken character is reported where it starts, not at the byte that breaks it.
                            sequenceLine = line;
                            sequenceByte = offset - lineStart + 1;
                            if (b >= 0xC2 && b <= 0xDF) {
                                pending = 1;
                            } else if ((b & 0xF0) == 0xE0) {
                                pending = 2;
                            } else if (b >= 0xF0 && b <= 0xF4) {
                                pending = 3;
                            } else {
                                ok = false;
                            }
                        }
                        if (!ok) {
                            utf8 = false;
                            badUtf8Line = sequenceLine;
                            badUtf8Byte = sequenceByte;
                        }
                    }
                    if (inHeader) {
                        if (headerBytes.size() > MAX_HEADER_BYTES) {
                            throw new Unreadable("line 1: the header is longer than " + number(MAX_HEADER_BYTES >> 20)
                                    + " MB (" + number(MAX_HEADER_BYTES) + " bytes): this is not a CSV header");
                        }
                        headerBytes.write(b);
                    }
                    // A field's bytes are its content and quotes: the comma or line end after it is not counted.
                    boolean separator = !inQuotes && (b == ',' || b == '\n' || b == '\r');
                    if (!separator && ++fieldBytes > limits.maxFieldBytes()) {
                        throw new Unreadable("line " + number(recordStartLine) + ", column " + fields
                                + ": a field longer than " + number(limits.maxFieldBytes()) + " bytes (the limit,"
                                + " equity.ingest.limits.max-field-bytes)" + (inQuotes ? "; is a quote never closed?" : ""));
                    }
                    if (offset - recordStart >= MAX_RECORD_BYTES) {
                        throw new Unreadable("line " + number(recordStartLine) + ": a record longer than "
                                + number(MAX_RECORD_BYTES >> 20) + " MB (the fixed limit of one record)"
                                + (inQuotes ? "; is a quote never closed?" : ""));
                    }
                    if (b == '"') {
                        inQuotes = !inQuotes;
                        recordHasContent = true;
                    } else if (b == '\n') {
                        if (!inQuotes) {
                            if (previous == '\r') {
                                crlfEnds++;
                            } else {
                                lfEnds++;
                            }
                            if (recordHasContent) {
                                if (inHeader) {
                                    inHeader = false;
                                    headerFields = fields;
                                } else {
                                    if (++records > limits.maxRecords()) {
                                        throw new Unreadable("line " + number(recordStartLine) + ": more than "
                                                + number(limits.maxRecords())
                                                + " records (the limit, equity.ingest.limits.max-rows)");
                                    }
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
                            fieldBytes = 0;
                            recordStartLine = line + 1;
                            recordStart = offset + 1;
                        }
                        line++;
                        lineStart = offset + 1;
                    } else if (b == ',' && !inQuotes) {
                        fields++;
                        fieldBytes = 0;
                        recordHasContent = true;
                        if (inHeader && fields > limits.maxColumns()) {
                            throw new Unreadable("line 1: the header has more than " + number(limits.maxColumns())
                                    + " columns (the limit, equity.ingest.limits.max-columns)");
                        }
                    } else if (b != '\r') {
                        recordHasContent = true;
                    }
                    previous = b;
                }
                total += n;
            }
        }
        if (recordHasContent) {          // last record without a final newline
            if (inHeader) {
                inHeader = false;
                headerFields = fields;
            } else {
                if (++records > limits.maxRecords()) {
                    throw new Unreadable("line " + number(recordStartLine) + ": more than "
                            + number(limits.maxRecords())
                            + " records (the limit, equity.ingest.limits.max-rows)");
                }
                if (fields != headerFields) {
                    bad.add(new BadRow(recordStartLine, fields));
                } else if (recordStartLine != goodRows + 2 + extra) {
                    segments.add(new Segment(goodRows, recordStartLine - goodRows - 2));
                }
            }
        }
        if (inQuotes) {
            throw new Unreadable("a quoted field opened on or after line " + recordStartLine + " is never closed");
        }
        if (headerFields < 0) {
            throw new Unreadable("the file is empty (no header line)");
        }
        if (utf8 && pending > 0) {       // the file ends inside a character
            utf8 = false;
            badUtf8Line = sequenceLine;
            badUtf8Byte = sequenceByte;
        }
        if (!utf8 && undefinedLine > 0) {
            // Neither encoding fits: any reading would change characters silently, so the file is refused whole.
            throw new Unreadable("not valid UTF-8 at line " + number(badUtf8Line) + ", byte " + number(badUtf8Byte)
                    + ", and not Windows-1252 either (byte 0x" + HexFormat.of().withUpperCase().toHexDigits((byte) undefinedValue)
                    + " at line " + number(undefinedLine) + ", byte " + number(undefinedByte)
                    + " is no Windows-1252 character): the file must be saved as UTF-8");
        }
        Encoding encoding = !utf8 ? Encoding.WINDOWS_1252 : bom ? Encoding.UTF8_BOM : Encoding.UTF8;
        List<String> header = parseHeader(headerBytes.toByteArray(), encoding);
        return new CsvScan(HexFormat.of().formatHex(sha.digest()), total, encoding, header, records,
                List.copyOf(bad), List.copyOf(segments), crlfEnds > 0 && lfEnds > 0);
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

    /**
     * Copies a file with every CRLF line end outside quotes made LF; a CR inside a quoted field is data and stays.
     * Lines keep their numbers (each line still ends with one LF).
     */
    public static void normaliseLineEnds(Path from, Path to) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(from), 1 << 16);
                java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(to), 1 << 16)) {
            boolean inQuotes = false;
            boolean heldCr = false;
            int b;
            while ((b = in.read()) >= 0) {
                if (heldCr) {
                    heldCr = false;
                    if (b != '\n') {
                        out.write('\r');
                    }
                }
                if (b == '"') {
                    inQuotes = !inQuotes;
                } else if (b == '\r' && !inQuotes) {
                    heldCr = true;
                    continue;
                }
                out.write(b);
            }
            if (heldCr) {
                out.write('\r');
            }
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
