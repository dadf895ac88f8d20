package org.perinatalequity.need;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The weights of the need score, from a CSV file {@code component,weight,meaning}: the built-in
 * {@code need/weights.csv}, or the file {@code equity.need.weights} names. Every component is given exactly once with
 * a weight ≥ 0 (0 leaves it out of the score); anything else refuses the file at start, naming its line, so a typo
 * never silently reweights the ranking.
 */
public record NeedWeights(Map<NeedComponent, Double> weights, String source) {

    static final String BUILT_IN = "need/weights.csv";

    public NeedWeights {
        weights = java.util.Collections.unmodifiableMap(new EnumMap<>(weights));
    }

    /** The weights by component id, in the components' order (the API's {@code "weights"}). */
    public Map<String, Double> byId() {
        Map<String, Double> out = new LinkedHashMap<>();
        weights.forEach((c, w) -> out.put(c.id(), w));
        return out;
    }

    public double weight(NeedComponent component) {
        return weights.get(component);
    }

    static NeedWeights builtIn() {
        try (InputStream in = NeedWeights.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the application");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), BUILT_IN);
        } catch (IOException e) {
            throw new IllegalStateException(BUILT_IN + " cannot be read", e);
        }
    }

    static NeedWeights file(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader, path.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("equity.need.weights: " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    static NeedWeights read(Reader reader, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        Map<NeedComponent, Double> weights = new EnumMap<>(NeedComponent.class);
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = format.parse(reader)) {
            if (!parser.getHeaderNames().contains("component") || !parser.getHeaderNames().contains("weight")) {
                throw new IllegalArgumentException(source + ", line 1: the weights file needs the columns"
                        + " component,weight (and meaning); it has " + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1;
                String id = record.get("component");
                String text = record.get("weight");
                NeedComponent component = NeedComponent.fromId(id).orElse(null);
                if (component == null) {
                    problems.add("line " + line + ": '" + id + "' is not a component (" + ids() + ")");
                    continue;
                }
                double weight;
                try {
                    weight = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    problems.add("line " + line + ": weight '" + text + "' of " + id + " is not a number");
                    continue;
                }
                if (!Double.isFinite(weight) || weight < 0) {
                    problems.add("line " + line + ": weight " + text + " of " + id + " must be 0 or more");
                } else if (weights.put(component, weight) != null) {
                    problems.add("line " + line + ": " + id + " is given twice");
                }
            }
        }
        for (NeedComponent c : NeedComponent.values()) {
            if (!weights.containsKey(c)) {
                problems.add("no weight for " + c.id() + " (give 0 to leave it out)");
            }
        }
        if (problems.isEmpty() && weights.values().stream().mapToDouble(Double::doubleValue).sum() == 0) {
            problems.add("every weight is 0: nothing to rank by");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
        }
        return new NeedWeights(weights, source);
    }

    private static String ids() {
        return String.join(", ", java.util.Arrays.stream(NeedComponent.values()).map(NeedComponent::id).toList());
    }
}
