package org.perinatalequity.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.MeasureCatalogue;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The gates of {@code quality/gates.json}: which items each outcome measure and each breakdown dimension depends
 * on, and the valid percentage they need. Checked at start-up against the measure catalogue and the item list, so
 * a misspelt name stops the app instead of silently dropping a gate.
 */
@Component
class QualityGates {

    static final String RESOURCE = "quality/gates.json";

    /** One item and the valid percentage it must reach. */
    record Gate(QualityItem item, double minValidPercent) {
    }

    private final Map<String, List<Gate>> byMeasure;
    private final Map<Dimension, List<Gate>> byDimension;

    QualityGates(ObjectMapper objectMapper, MeasureCatalogue catalogue) {
        JsonNode root;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            root = objectMapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        Map<String, List<Gate>> measures = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("measures").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (catalogue.find(entry.getKey()).isEmpty()) {
                throw broken("measure '" + entry.getKey() + "' is not in the measure catalogue");
            }
            measures.put(entry.getKey(), gates(entry.getKey(), entry.getValue()));
        }
        Map<Dimension, List<Gate>> dimensions = new EnumMap<>(Dimension.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("breakdowns").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            Dimension dimension = Dimension.fromId(entry.getKey())
                    .orElseThrow(() -> broken("'" + entry.getKey() + "' is not a dimension"));
            dimensions.put(dimension, gates(entry.getKey(), entry.getValue()));
        }
        this.byMeasure = Map.copyOf(measures);
        this.byDimension = Map.copyOf(dimensions);
    }

    /** The gates of a measure broken down by the given dimensions, each item once (its highest threshold kept). */
    List<Gate> gatesFor(String measureId, Collection<Dimension> breakdown) {
        Map<QualityItem, Gate> gates = new LinkedHashMap<>();
        List<Gate> all = new ArrayList<>(byMeasure.getOrDefault(measureId, List.of()));
        breakdown.forEach(d -> all.addAll(byDimension.getOrDefault(d, List.of())));
        for (Gate gate : all) {
            gates.merge(gate.item(), gate, (a, b) -> a.minValidPercent() >= b.minValidPercent() ? a : b);
        }
        return List.copyOf(gates.values());
    }

    private static List<Gate> gates(String owner, JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            throw broken("'" + owner + "' must list at least one {item, minValidPercent}");
        }
        List<Gate> gates = new ArrayList<>();
        for (JsonNode node : list) {
            String id = node.path("item").asText();
            QualityItem item = QualityItem.fromId(id)
                    .orElseThrow(() -> broken("'" + owner + "' names '" + id + "', which is not a quality item"));
            double min = node.path("minValidPercent").asDouble(-1);
            if (!node.path("minValidPercent").isNumber() || min < 0 || min > 100) {
                throw broken("'" + owner + "': minValidPercent of " + id + " must be a number 0-100");
            }
            gates.add(new Gate(item, min));
        }
        return List.copyOf(gates);
    }

    private static IllegalStateException broken(String why) {
        return new IllegalStateException(RESOURCE + " is broken: " + why);
    }
}
