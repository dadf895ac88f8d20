package org.perinatalequity.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.perinatalequity.stats.Polarity;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The measure catalogue: every {@code measures/*.json} with its {@code .sql} on the classpath, plus the same pair
 * in the folder {@code equity.measures.location} if set, so an analyst can add a measure without Java. At
 * start-up each definition is checked and becomes a DuckDB view {@code measure_<id>}; a broken definition
 * stops start-up with a message naming it.
 */
@Component
public class MeasureCatalogue {

    /** Columns every measure SQL must answer. */
    static final List<String> COLUMNS = List.of("provider", "mother_id", "event_date", "numerator", "booking_site",
            "age_at_event");
    /**
     * Columns of a measure that counts women ({@code "counts": "women"}): a row may count for the numerator only
     * (a woman seen), the denominator only (a woman who gave birth) or both.
     */
    static final List<String> WOMEN_COLUMNS = List.of("provider", "mother_id", "event_date", "numerator",
            "denominator", "booking_site", "age_at_event");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,40}");
    /** "per 100" is a rate on the scale of a percentage whose numerator need not be part of its denominator. */
    private static final Set<String> UNITS = Set.of("%", "per 100", "per 1,000");
    /** The source of a definition that names none: an analyst's own measure is a local one. */
    static final String LOCAL_SOURCE = "Local definition";

    private final Map<String, Measure> measures;
    private final List<String> order;

    MeasureCatalogue(JdbcClient jdbc, ObjectMapper objectMapper,
            @org.springframework.beans.factory.annotation.Value("${equity.measures.location:}") String location) {
        Map<String, Measure> loaded = new LinkedHashMap<>();
        load("classpath*:measures/*.json", objectMapper).forEach(m -> loaded.put(m.id(), m));
        if (!location.isBlank()) {
            load("file:" + location + "/*.json", objectMapper).forEach(m -> loaded.put(m.id(), m));
        }
        for (Measure m : loaded.values()) {
            createView(jdbc, m);
        }
        this.measures = Map.copyOf(loaded);
        this.order = List.copyOf(loaded.keySet());
    }

    public List<Measure> all() {
        return order.stream().map(measures::get).toList();
    }

    public Optional<Measure> find(String id) {
        return Optional.ofNullable(measures.get(id));
    }

    static String viewName(Measure measure) {
        return "measure_" + measure.id();
    }

    private static List<Measure> load(String pattern, ObjectMapper objectMapper) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
            return Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename))
                    .map(r -> parse(r, objectMapper)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list measure definitions " + pattern, e);
        }
    }

    private static Measure parse(Resource json, ObjectMapper objectMapper) {
        String file = json.getFilename();
        String id = file.substring(0, file.length() - ".json".length());
        try {
            JsonNode node;
            try (InputStream in = json.getInputStream()) {
                node = objectMapper.readTree(in);
            }
            Resource sqlResource = json.createRelative(id + ".sql");
            if (!sqlResource.exists()) {
                throw invalid(id, "its SQL file " + id + ".sql is missing");
            }
            String sql;
            try (InputStream in = sqlResource.getInputStream()) {
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!ID.matcher(id).matches() || !id.equals(text(node, id, "id"))) {
                throw invalid(id, "the id must match the file name and be lower case letters, digits and _");
            }
            String unit = text(node, id, "unit");
            if (!UNITS.contains(unit)) {
                throw invalid(id, "unit must be one of " + UNITS + ", not '" + unit + "'");
            }
            double multiplier = node.path("multiplier").asDouble(0);
            if (multiplier != (unit.equals("per 1,000") ? 1000 : 100)) {
                throw invalid(id, unit.equals("per 100") ? "multiplier must be 100 for per 100"
                        : "multiplier must be 100 for % and 1000 for per 1,000");
            }
            Polarity polarity = Polarity.fromLabel(text(node, id, "polarity"))
                    .orElseThrow(() -> invalid(id, "polarity must be higher_is_better, lower_is_better or none"));
            String kind = text(node, id, "kind");
            if (!kind.equals("outcome") && !kind.equals("data_quality")) {
                throw invalid(id, "kind must be outcome or data_quality");
            }
            List<String> plans = objectMapper.convertValue(node.path("planItems"),
                    objectMapper.getTypeFactory().constructCollectionType(List.class, String.class));
            if (plans == null || plans.isEmpty()) {
                throw invalid(id, "planItems must name at least one plan item");
            }
            Double target = node.path("target").isNumber() ? node.path("target").asDouble() : null;
            JsonNode after = node.path("completeAfterDays");
            if (!after.isMissingNode() && !after.isNull() && !(after.isInt() && after.asInt() >= 0
                    && after.asInt() <= 366)) {
                throw invalid(id, "completeAfterDays must be a whole number of days from 0 to 366");
            }
            String countsLabel = optionalText(node, "counts").orElse(Measure.Counting.EVENTS.label());
            Measure.Counting counts = Measure.Counting.fromLabel(countsLabel)
                    .orElseThrow(() -> invalid(id, "counts must be events or women, not '" + countsLabel + "'"));
            return new Measure(id, text(node, id, "name"), text(node, id, "description"), unit, multiplier, polarity,
                    target, text(node, id, "numeratorLabel"), text(node, id, "denominatorLabel"), List.copyOf(plans),
                    text(node, id, "eventDate"), kind, node.path("rareEvent").asBoolean(false), sql,
                    after.asInt(0), optionalText(node, "source").orElse(LOCAL_SOURCE),
                    optionalText(node, "exclusions").orElse(null),
                    gapDimensions(node, id, kind), targetCohort(node, id, target), counts);
        } catch (IOException e) {
            throw invalid(id, "its JSON cannot be read: " + e.getMessage());
        }
    }

    /** Optional descriptive fields: absent, null or blank all mean "not given". */
    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? Optional.empty()
                : Optional.of(value.asText().strip());
    }

    /** Dimensions the board may show a gap for: the deprivation gradient and the ethnic groups. */
    private static final List<String> GAP_DIMENSIONS = List.of(Dimension.IMD_QUINTILE.id(),
            Dimension.ETHNIC_GROUP.id());

    /**
     * The gaps the board shows. Absent means the usual two for an outcome and none for a data-quality measure
     * (whose gap by ethnic group is true by construction: a woman with a known group is recorded).
     */
    private static List<String> gapDimensions(JsonNode node, String id, String kind) {
        JsonNode list = node.get("gapDimensions");
        if (list == null || list.isNull()) {
            return kind.equals("data_quality") ? List.of() : GAP_DIMENSIONS;
        }
        if (!list.isArray()) {
            throw invalid(id, "gapDimensions must be a list of dimension ids, e.g. [\"imd_quintile\", \"ethnic_group\"]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual() || !GAP_DIMENSIONS.contains(item.asText())) {
                throw invalid(id, "gapDimensions may name only " + GAP_DIMENSIONS + ", not " + item);
            }
            out.add(item.asText());
        }
        return List.copyOf(out);
    }

    /** {@code {"any": {dimension: [values]}}}: every dimension and value must exist, and a target must be set. */
    private static Measure.TargetCohort targetCohort(JsonNode node, String id, Double target) {
        JsonNode cohort = node.get("targetCohort");
        if (cohort == null || cohort.isNull()) {
            return null;
        }
        if (target == null) {
            throw invalid(id, "targetCohort needs a target");
        }
        JsonNode any = cohort.get("any");
        if (any == null || !any.isObject() || any.isEmpty()) {
            throw invalid(id, "targetCohort must be {\"any\": {\"dimension\": [\"value\", ...]}}");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) any::fields) {
            Dimension dimension = Dimension.fromId(field.getKey()).orElseThrow(() -> invalid(id,
                    "targetCohort names an unknown dimension '" + field.getKey() + "'"));
            if (dimension.fixedValues().isEmpty()) {
                throw invalid(id, "targetCohort may only use dimensions with fixed values, not " + field.getKey());
            }
            List<String> values = new ArrayList<>();
            for (JsonNode v : field.getValue()) {
                if (!v.isTextual() || !dimension.fixedValues().contains(v.asText())) {
                    throw invalid(id, "targetCohort: " + v + " is not a value of " + field.getKey() + " ("
                            + dimension.fixedValues() + ")");
                }
                values.add(v.asText());
            }
            if (values.isEmpty()) {
                throw invalid(id, "targetCohort: " + field.getKey() + " needs at least one value");
            }
            out.put(dimension.id(), List.copyOf(values));
        }
        if (out.size() > 2) {
            throw invalid(id, "targetCohort may name at most two dimensions, not " + out.keySet());
        }
        return new Measure.TargetCohort(Collections.unmodifiableMap(out));
    }

    private static String text(JsonNode node, String id, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(id, "field '" + field + "' is missing or empty");
        }
        return value.asText();
    }

    private static void createView(JdbcClient jdbc, Measure measure) {
        try {
            jdbc.sql("CREATE OR REPLACE VIEW " + viewName(measure) + " AS " + measure.sql()).update();
            List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = :v"
                    + " ORDER BY ordinal_position").param("v", viewName(measure)).query(String.class).list();
            List<String> expected = measure.counts() == Measure.Counting.WOMEN ? WOMEN_COLUMNS : COLUMNS;
            if (!new java.util.HashSet<>(columns).equals(new java.util.HashSet<>(expected))) {
                throw invalid(measure.id(), "its SQL must answer exactly the columns " + expected + ", not " + columns);
            }
        } catch (org.springframework.dao.DataAccessException e) {
            throw invalid(measure.id(), "its SQL does not run: " + e.getMostSpecificCause().getMessage());
        }
    }

    private static IllegalStateException invalid(String id, String why) {
        return new IllegalStateException("Measure definition '" + id + "' is broken: " + why);
    }
}
