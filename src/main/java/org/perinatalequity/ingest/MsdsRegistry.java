package org.perinatalequity.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import org.springframework.stereotype.Component;

/**
 * The one alias registry of MSDS tables and items ({@code ingest/msds-items.csv}): for each table its
 * items with format, obligation (M/R/O), whether the column must be present, and the other names the
 * item goes by (national-layout names such as {@code Person_ID_Mother} for {@code LPIDMother}).
 */
@Component
public class MsdsRegistry {

    private static final Pattern TABLE_IN_NAME = Pattern.compile("(?i)(?<![0-9A-Z])MSD(\\d{3})(?![0-9])");
    private static final Pattern ALIAS = Pattern.compile("([^{]+)(?:\\{([^}]*)})?");
    /** MSDS tables that exist but that the dashboard does not use: their files are skipped with a warning. */
    private static final List<String> KNOWN_UNUSED = List.of("MSD003", "MSD004", "MSD103", "MSD104", "MSD105",
            "MSD106", "MSD107", "MSD108", "MSD109", "MSD203", "MSD402", "MSD403", "MSD404", "MSD406", "MSD501",
            "MSD502", "MSD503", "MSD504", "MSD601", "MSD602", "MSD901");

    private final Map<String, MsdsTable> tables;

    MsdsRegistry() {
        this.tables = load();
    }

    public Collection<MsdsTable> tables() {
        return tables.values();
    }

    public Optional<MsdsTable> table(String id) {
        return Optional.ofNullable(tables.get(id.toUpperCase(Locale.ROOT)));
    }

    static boolean isKnownUnusedTable(String id) {
        return KNOWN_UNUSED.contains(id);
    }

    /**
     * The table id a file name names ({@code MSD101.csv}, {@code RWE_MSD101_202404.csv}), whether or not the
     * dashboard uses that table.
     */
    static Optional<String> tableIdInFileName(String fileName) {
        Matcher m = TABLE_IN_NAME.matcher(fileName);
        return m.find() ? Optional.of("MSD" + m.group(1)) : Optional.empty();
    }

    /**
     * Recognises a table from its header when the file name does not say: the table whose required
     * columns are all present and which matches most columns wins.
     */
    Optional<MsdsTable> recogniseByHeader(List<String> header) {
        MsdsTable best = null;
        int bestMatches = 0;
        for (MsdsTable table : tables.values()) {
            HeaderMapping mapping = table.map(header);
            if (mapping.missingRequired().isEmpty() && mapping.matched() > bestMatches) {
                best = table;
                bestMatches = mapping.matched();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Map<String, MsdsTable> load() {
        Map<String, List<MsdsItem>> items = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(
                MsdsRegistry.class.getResourceAsStream("/ingest/msds-items.csv"), StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord r : format.parse(reader)) {
                Map<String, ItemFormat> aliases = new LinkedHashMap<>();
                ItemFormat itemFormat = ItemFormat.parse(r.get("format"));
                if (!r.get("aliases").isBlank()) {
                    for (String alias : r.get("aliases").split("\\|")) {
                        Matcher m = ALIAS.matcher(alias.strip());
                        if (!m.matches()) {
                            throw new IllegalStateException("Bad alias '" + alias + "' in msds-items.csv");
                        }
                        aliases.put(m.group(1), m.group(2) == null ? itemFormat : ItemFormat.parse(m.group(2)));
                    }
                }
                items.computeIfAbsent(r.get("table"), k -> new ArrayList<>()).add(new MsdsItem(r.get("table"),
                        r.get("item"), r.get("uid"), itemFormat, r.get("obligation").equals("M"),
                        r.get("required").equals("Y"), aliases, r.get("sensitive").equals("Y")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the MSDS item registry", e);
        }
        Map<String, MsdsTable> result = new LinkedHashMap<>();
        items.forEach((id, list) -> result.put(id, new MsdsTable(id, List.copyOf(list))));
        return result;
    }
}
