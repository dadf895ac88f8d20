package org.perinatalequity.reference;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.perinatalequity.reference.ReferenceLayout.Field;

/**
 * The LMNS's community assets register ({@code name,type,postcode,services,languages,opening,contact}, DESIGN.md
 * section 8), read line by line: it is a small file kept by hand, so each line is checked and a fault names the file,
 * the line and the value. A register without a name, type or postcode column is refused; a line without a name or
 * with a type that is not one of {@link #TYPES} is left out with a warning (as a boundary feature without a code
 * is); a postcode the loaded directory does not hold is kept, with a warning, and has no LSOA or location.
 */
final class AssetRegister {

    /** The asset types, by the word stored and the words a register may use for it. */
    static final Map<String, String> TYPES = Map.of("family_hub", "family hub", "community_hub", "community hub",
            "childrens_centre", "children's centre", "vcse_group", "VCSE group");

    private static final Field[] REQUIRED = { Field.NAME, Field.TYPE, Field.POSTCODE };

    private AssetRegister() {
    }

    /** Loads one register file into {@code ref_asset} (emptied by the caller); answers the rows kept. */
    static long load(Connection connection, Path file, String fileName, ReferenceLayout layout, List<String> warnings)
            throws SQLException {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < REQUIRED.length; i++) {
            if (layout.position(REQUIRED[i]).isEmpty()) {
                // name, type, postcode: the register's first three columns
                missing.add(ReferenceLayout.ASSET_COLUMNS.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new ReferenceRefusedException(fileName + ", line 1: the community assets register has no "
                    + String.join(", ", missing) + " column (it needs " + String.join(",",
                            ReferenceLayout.ASSET_COLUMNS) + "; services to contact may be blank)");
        }
        boolean directory = count(connection, "SELECT count(*) FROM ref_postcode") > 0;
        long kept = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(reader);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO ref_asset VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement lookup = connection.prepareStatement(
                        "SELECT count(*) FROM ref_postcode WHERE postcode_key = ?")) {
            boolean header = true;
            long line = 1;
            for (CSVRecord record : parser) {
                // The line a record starts on: the previous record ended on the parser's line before it
                long startLine = line;
                line = parser.getCurrentLineNumber() + 1;
                if (header) {
                    header = false;
                    continue;
                }
                String name = cell(record, layout, Field.NAME);
                String typeText = cell(record, layout, Field.TYPE);
                String postcode = cell(record, layout, Field.POSTCODE);
                if (name == null) {
                    warnings.add(fileName + ", line " + startLine + ": no name: the line is left out");
                    continue;
                }
                Optional<String> type = type(typeText);
                if (type.isEmpty()) {
                    warnings.add(fileName + ", line " + startLine + ": type '" + (typeText == null ? "" : typeText)
                            + "' of " + name + " is not one of " + String.join(", ", TYPES.values().stream().sorted(String.CASE_INSENSITIVE_ORDER)
                                    .toList()) + ": the line is left out");
                    continue;
                }
                String key = postcode == null ? null : postcode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
                if (key == null || key.isEmpty()) {
                    warnings.add(fileName + ", line " + startLine + ": " + name + " has no postcode: it is kept but"
                            + " has no LSOA or location");
                    key = null;
                } else if (directory && !inDirectory(lookup, key)) {
                    warnings.add(fileName + ", line " + startLine + ": postcode '" + postcode + "' of " + name
                            + " is not in the loaded postcode directory: it is kept but has no LSOA or location");
                }
                insert.setLong(1, startLine);
                insert.setString(2, name);
                insert.setString(3, type.get());
                insert.setString(4, postcode);
                insert.setString(5, key);
                insert.setString(6, cell(record, layout, Field.SERVICES));
                insert.setString(7, cell(record, layout, Field.LANGUAGES));
                insert.setString(8, cell(record, layout, Field.OPENING));
                insert.setString(9, cell(record, layout, Field.CONTACT));
                insert.executeUpdate();
                kept++;
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new ReferenceRefusedException(fileName + " cannot be read as CSV: " + e.getMessage(), e);
        }
        if (kept == 0) {
            throw new ReferenceRefusedException(fileName + ": the community assets register holds no asset that"
                    + " could be kept (see the warnings above for each line)");
        }
        if (!directory) {
            warnings.add(fileName + ": no postcode directory is loaded, so the assets have no LSOA or location until"
                    + " one is");
        }
        return kept;
    }

    /** "Family hub", "family_hub", "Children’s centre", "VCSE" → the stored word; anything else is not a type. */
    static Optional<String> type(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String word = text.toLowerCase(Locale.ROOT).replaceAll("['’]", "").replaceAll("[^a-z]+", "_")
                .replaceAll("^_|_$", "");
        if (word.equals("vcse") || word.equals("vcse_organisation")) {
            word = "vcse_group";
        }
        if (word.equals("childrens_center")) {
            word = "childrens_centre";
        }
        return TYPES.containsKey(word) ? Optional.of(word) : Optional.empty();
    }

    private static String cell(CSVRecord record, ReferenceLayout layout, Field field) {
        return layout.position(field).filter(i -> i < record.size()).map(record::get)
                .filter(v -> !v.isBlank()).orElse(null);
    }

    private static boolean inDirectory(PreparedStatement lookup, String key) throws SQLException {
        lookup.setString(1, key);
        try (ResultSet rs = lookup.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
