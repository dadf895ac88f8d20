package org.perinatalequity.ingest;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
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
 * The item registries of every {@link Dataset}: for MSDS {@code ingest/msds-items.csv}, for MHSDS
 * {@code ingest/mhsds-items.csv}, each giving per table its items with format, obligation (M/R/O), whether the
 * column must be present, and the other names the item goes by (national-layout names such as
 * {@code Person_ID_Mother} for {@code LPIDMother}, or v5 names such as {@code AttendOrDNACode}). Table ids are
 * unique across datasets (MSDnnn, MHSnnn), so a table is looked up by its id alone.
 */
@Component
public class MsdsRegistry {

    private static final Pattern ALIAS = Pattern.compile("([^{]+)(?:\\{([^}]*)})?");

    private final Map<Dataset, Map<String, MsdsTable>> tables = new EnumMap<>(Dataset.class);

    MsdsRegistry() {
        for (Dataset dataset : Dataset.values()) {
            tables.put(dataset, load(dataset));
        }
    }

    /** The MSDS tables (the first dataset; what every MSDS-only caller means). */
    public Collection<MsdsTable> tables() {
        return tables(Dataset.MSDS);
    }

    public Collection<MsdsTable> tables(Dataset dataset) {
        return tables.get(dataset).values();
    }

    /** The tables of every dataset that have a raw table (all but the header tables). */
    public List<MsdsTable> dataTables() {
        List<MsdsTable> result = new ArrayList<>();
        tables.forEach((dataset, byId) -> byId.values().stream()
                .filter(t -> !t.id().equals(dataset.headerTable())).forEach(result::add));
        return result;
    }

    public Optional<MsdsTable> table(String id) {
        return Dataset.ofTable(id).map(d -> tables.get(d).get(id.toUpperCase(Locale.ROOT)));
    }

    static boolean isKnownUnusedTable(String id) {
        return Dataset.ofTable(id).map(d -> d.isKnownUnused(id)).orElse(false);
    }

    /**
     * The MSDS table id a file name names ({@code MSD101.csv}, {@code RWE_MSD101_202404.csv}), whether or not the
     * dashboard uses that table.
     */
    static Optional<String> tableIdInFileName(String fileName) {
        return Dataset.MSDS.tableIdInFileName(fileName);
    }

    /** The table id a file name names in any dataset ({@code MHS201CareContact.csv} → MHS201). */
    static Optional<String> anyTableIdInFileName(String fileName) {
        for (Dataset dataset : Dataset.values()) {
            Optional<String> id = dataset.tableIdInFileName(fileName);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /**
     * Recognises an MSDS table from its header when the file name does not say: the table whose required
     * columns are all present and which matches most columns wins.
     */
    Optional<MsdsTable> recogniseByHeader(List<String> header) {
        return recogniseByHeader(Dataset.MSDS, header);
    }

    Optional<MsdsTable> recogniseByHeader(Dataset dataset, List<String> header) {
        MsdsTable best = null;
        int bestMatches = 0;
        for (MsdsTable table : tables(dataset)) {
            HeaderMapping mapping = table.map(header);
            if (mapping.missingRequired().isEmpty() && mapping.matched() > bestMatches) {
                best = table;
                bestMatches = mapping.matched();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Map<String, MsdsTable> load(Dataset dataset) {
        String resource = dataset.registryResource();
        Map<String, List<MsdsItem>> items = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(MsdsRegistry.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord r : format.parse(reader)) {
                Map<String, ItemFormat> aliases = new LinkedHashMap<>();
                ItemFormat itemFormat = ItemFormat.parse(r.get("format"));
                if (!r.get("aliases").isBlank()) {
                    for (String alias : r.get("aliases").split("\\|")) {
                        Matcher m = ALIAS.matcher(alias.strip());
                        if (!m.matches()) {
                            throw new IllegalStateException("Bad alias '" + alias + "' in " + resource);
                        }
                        aliases.put(m.group(1), m.group(2) == null ? itemFormat : ItemFormat.parse(m.group(2)));
                    }
                }
                if (Dataset.ofTable(r.get("table")).orElse(null) != dataset) {
                    throw new IllegalStateException("Table " + r.get("table") + " in " + resource + " is not a "
                            + dataset + " table id");
                }
                items.computeIfAbsent(r.get("table"), k -> new ArrayList<>()).add(new MsdsItem(r.get("table"),
                        r.get("item"), r.get("uid"), itemFormat, r.get("obligation").equals("M"),
                        r.get("required").equals("Y"), aliases, r.get("sensitive").equals("Y")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + dataset + " item registry", e);
        }
        Map<String, MsdsTable> result = new LinkedHashMap<>();
        items.forEach((id, list) -> result.put(id, new MsdsTable(id, List.copyOf(list))));
        return result;
    }
}
