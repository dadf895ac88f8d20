package org.perinatalequity.reference;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.perinatalequity.reference.ReferenceLayout.Field;

/**
 * Reads the LMNS's Maternity Voices Partnership membership list (docs/workforce.md, "Representation"): one row per
 * membership, {@code member_id, ethnic_category, postcode_district or lsoa, joined, left}. Pure checks, no database: a
 * row with a bad mandatory value (no member id, an ethnic category outside the NHS codes, no or a bad joining date, a
 * leaving date before joining, the same member and joining date twice) is rejected, naming its line, column, value and
 * reason; a bad optional value (a postcode district or LSOA of the wrong shape) is left out of its row with a warning.
 * A member id is never repeated in a message: it is replaced by its pseudonym at load.
 */
final class MvpMembersFile {

    /** The NHS ethnic categories (A–S as MSDS codes them); Z (not stated), 99 (not known) and blank are not known. */
    static final Set<String> ETHNIC = Set.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R",
            "S", "Z", "99");

    private static final Pattern DISTRICT = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");
    private static final Pattern LSOA = Pattern.compile("[EW]01[0-9]{6}");
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final int MAX_ID = 30;

    /** One membership that passed the checks (the member id still in clear: it is hashed in the INSERT). */
    record Member(long line, String memberId, @Nullable String ethnicCategory, @Nullable String postcodeDistrict,
            @Nullable String lsoa, LocalDate joined, @Nullable LocalDate left) {
    }

    record Read(List<Member> members, List<ReferenceReport.Reject> rejects, List<String> warnings) {
    }

    private MvpMembersFile() {
    }

    static Read read(String text, String file, ReferenceLayout layout, LocalDate today) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CSVFormat format = CSVFormat.DEFAULT.builder().setSkipHeaderRecord(false).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<Member> members = new ArrayList<>();
        List<ReferenceReport.Reject> rejects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CSVParser csv = CSVParser.builder().setReader(new StringReader(content)).setFormat(format).get()) {
            boolean header = true;
            for (CSVRecord record : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                Row row = new Row(file, lineOf(content, record.getCharacterPosition()), record, layout, rejects,
                        warnings);
                String id = row.value(Field.MEMBER_ID);
                if (id == null) {
                    row.reject(Field.MEMBER_ID, "", "is missing: every membership needs the member's id");
                } else if (id.length() > MAX_ID) {
                    row.reject(Field.MEMBER_ID, "(withheld)", "is longer than " + MAX_ID + " characters");
                }
                String ethnic = row.value(Field.ETHNIC_CATEGORY);
                if (ethnic != null) {
                    ethnic = ethnic.toUpperCase(Locale.ROOT);
                    if (!ETHNIC.contains(ethnic)) {
                        row.reject(Field.ETHNIC_CATEGORY, ethnic, "is not an NHS ethnic category (A to S, Z or 99;"
                                + " blank when not known)");
                    }
                }
                LocalDate joined = row.date(Field.JOINED, true);
                LocalDate left = row.date(Field.LEFT, false);
                if (joined != null && joined.isAfter(today)) {
                    row.reject(Field.JOINED, joined.toString(), "is in the future");
                }
                if (joined != null && left != null && left.isBefore(joined)) {
                    row.reject(Field.LEFT, left.toString(), "is before the joining date " + joined);
                }
                String district = row.shaped(Field.POSTCODE_DISTRICT, DISTRICT, "a postcode district (LE1, LE67)");
                String lsoa = row.shaped(Field.LSOA, LSOA, "an LSOA code (E01 and six digits)");
                if (!row.rejected && id != null && !seen.add(id + "\n" + joined)) {
                    row.reject(Field.MEMBER_ID, "(withheld)", "is given twice with the same joining date " + joined
                            + " (an earlier line has it)");
                }
                if (!row.rejected) {
                    members.add(new Member(row.line, id, ethnic, district, lsoa, joined, left));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ReferenceRefusedException(file + " cannot be read as CSV: " + e.getMessage(), e);
        }
        return new Read(members, rejects, warnings);
    }

    /** The column names as the report gives them (the file's own names may differ in case and spacing). */
    static String column(Field field) {
        return switch (field) {
            case MEMBER_ID -> "member_id";
            case ETHNIC_CATEGORY -> "ethnic_category";
            case POSTCODE_DISTRICT -> "postcode_district";
            case LSOA -> "lsoa";
            case JOINED -> "joined";
            case LEFT -> "left";
            default -> field.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The 1-based line on which the record starts (a quoted field may run over several lines). */
    private static long lineOf(String content, long position) {
        int start = (int) position;
        while (start < content.length() && (content.charAt(start) == '\n' || content.charAt(start) == '\r')) {
            start++;
        }
        return 1 + content.substring(0, start).chars().filter(c -> c == '\n').count();
    }

    /** One line of the file, collecting its rejects and warnings. */
    private static final class Row {

        private final String file;
        private final long line;
        private final CSVRecord record;
        private final ReferenceLayout layout;
        private final List<ReferenceReport.Reject> rejects;
        private final List<String> warnings;
        private boolean rejected;

        Row(String file, long line, CSVRecord record, ReferenceLayout layout, List<ReferenceReport.Reject> rejects,
                List<String> warnings) {
            this.file = file;
            this.line = line;
            this.record = record;
            this.layout = layout;
            this.rejects = rejects;
            this.warnings = warnings;
        }

        @Nullable String value(Field field) {
            Integer i = layout.positions().get(field);
            if (i == null || i >= record.size()) {
                return null;
            }
            String v = record.get(i).strip();
            return v.isEmpty() ? null : v;
        }

        void reject(Field field, String value, String reason) {
            rejected = true;
            rejects.add(new ReferenceReport.Reject(file, line, column(field), value, reason));
        }

        @Nullable LocalDate date(Field field, boolean required) {
            String v = value(field);
            if (v == null) {
                if (required) {
                    reject(field, "", "is missing: every membership needs the date the member joined");
                }
                return null;
            }
            try {
                return v.contains("/") ? LocalDate.parse(v, UK) : LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                reject(field, v, "is not a date (YYYY-MM-DD or DD/MM/YYYY)");
                return null;
            }
        }

        /** An optional code of a known shape, upper-cased; a bad one is left out with a warning. */
        @Nullable String shaped(Field field, Pattern shape, String what) {
            String v = value(field);
            if (v == null) {
                return null;
            }
            String code = v.toUpperCase(Locale.ROOT).replace(" ", "");
            if (shape.matcher(code).matches()) {
                return code;
            }
            warnings.add(file + " line " + line + ", column " + column(field) + ": '" + v + "' is not " + what
                    + "; the membership is loaded without it");
            return null;
        }
    }
}
