package org.perinatalequity.demodata;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A generated extract read back as plain rows, with the joins the dashboard makes (mother → LSOA → IMD). */
final class Extract {

    final Map<String, List<Map<String, String>>> tables = new HashMap<>();
    final Map<String, List<String>> headers = new HashMap<>();
    final Map<String, String> lsoaByPostcode = new HashMap<>();
    final Map<String, Integer> decileByLsoa = new HashMap<>();

    static Extract read(Path outDir) {
        Extract e = new Extract();
        for (String t : MsdsLayout.TABLES) {
            e.load(t, outDir.resolve("msds").resolve(t + ".csv"));
        }
        e.load("ONSPD", outDir.resolve("reference").resolve(ReferenceFiles.ONSPD_FILE));
        e.load("IOD", outDir.resolve("reference").resolve(ReferenceFiles.IOD_FILE));
        e.load("PCN", outDir.resolve("reference").resolve(ReferenceFiles.PCN_FILE));
        e.rows("ONSPD").forEach(r -> e.lsoaByPostcode.put(r.get("pcds"), r.get("lsoa11")));
        e.rows("IOD").forEach(r -> e.decileByLsoa.put(r.get("LSOA code (2011)"), Integer.parseInt(
                r.get("Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"))));
        return e;
    }

    private void load(String name, Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = format.parse(reader)) {
            headers.put(name, parser.getHeaderNames());
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                rows.add(r.toMap());
            }
            tables.put(name, rows);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    List<Map<String, String>> rows(String table) {
        return tables.get(table);
    }

    Map<String, Map<String, String>> index(String table, String key) {
        Map<String, Map<String, String>> index = new HashMap<>();
        rows(table).forEach(r -> index.put(r.get(key), r));
        return index;
    }

    /** The mother's ethnic group from her recorded category, or null when it is not a valid A–S code. */
    EthnicGroup group(Map<String, String> mother) {
        return EthnicGroup.ofCode(mother.get("EthnicCategoryMother"));
    }

    /** IMD quintile (1 = most deprived) of the mother's recorded postcode, or 0 when it does not link. */
    int quintile(Map<String, String> mother) {
        String lsoa = lsoaByPostcode.get(mother.get("Postcode"));
        Integer decile = lsoa == null ? null : decileByLsoa.get(lsoa);
        return decile == null ? 0 : (decile + 1) / 2;
    }
}
