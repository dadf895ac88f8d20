package org.perinatalequity.demodata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Provider-submission column layout of each MSDS table, read from the ingestion item registry so the generator
 * can never drift from what ingestion expects. National-only items (no UID) are left out; the optional
 * {@code LPIDMother} of child tables is kept because it makes the extract easier to join by hand.
 */
final class MsdsLayout {

    static final String REGISTRY = "/ingest/msds-items.csv";
    static final List<String> TABLES = List.of("MSD000", "MSD001", "MSD002", "MSD101", "MSD102", "MSD201",
            "MSD202", "MSD301", "MSD302", "MSD401", "MSD405");

    private final Map<String, List<String>> columns;

    private MsdsLayout(Map<String, List<String>> columns) {
        this.columns = columns;
    }

    static MsdsLayout load() {
        try (InputStream in = MsdsLayout.class.getResourceAsStream(REGISTRY)) {
            if (in == null) {
                throw new IllegalStateException("Item registry not on the classpath: " + REGISTRY);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            Map<String, List<String>> columns = new LinkedHashMap<>();
            for (CSVRecord r : format.parse(reader)) {
                if (isProviderItem(r.get("uid"), r.get("item"))) {
                    columns.computeIfAbsent(r.get("table"), t -> new ArrayList<>()).add(r.get("item"));
                }
            }
            return new MsdsLayout(columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isProviderItem(String uid, String item) {
        return !uid.isBlank() || "LPIDMother".equals(item);
    }

    List<String> columns(String table) {
        List<String> cols = columns.get(table);
        if (cols == null) {
            throw new IllegalArgumentException("Table not in the item registry: " + table);
        }
        return cols;
    }
}
