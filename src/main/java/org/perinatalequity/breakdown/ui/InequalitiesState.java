package org.perinatalequity.breakdown.ui;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perinatalequity.measures.Dimension;

/**
 * What the inequalities page shows, round-tripping through the URL like the explorer's state and with the same
 * parameter names ({@code measure, from, to} and {@code DIM=VALUE} filters), plus {@code area} (the areas
 * compared) and {@code over} (the groups compared over time): {@code /inequalities?measure=stillbirth} opens on
 * stillbirths.
 */
record InequalitiesState(String measure, YearMonth from, YearMonth to, Map<Dimension, List<String>> filters,
        Dimension area, Dimension over) {

    static final Dimension DEFAULT_AREA = Dimension.POSTCODE_DISTRICT;
    static final Dimension DEFAULT_OVER = Dimension.IMD_QUINTILE;

    InequalitiesState {
        filters = Map.copyOf(filters);
    }

    static InequalitiesState initial() {
        return new InequalitiesState(ExplorerState.DEFAULT_MEASURE, null, null, Map.of(), DEFAULT_AREA, DEFAULT_OVER);
    }

    InequalitiesState withMeasure(String m) {
        return new InequalitiesState(m, from, to, filters, area, over);
    }

    InequalitiesState withPeriod(YearMonth f, YearMonth t) {
        return new InequalitiesState(measure, f, t, filters, area, over);
    }

    InequalitiesState withFilter(Dimension d, List<String> values) {
        return new InequalitiesState(measure, from, to, toExplorer().withFilter(d, values).filters(), area, over);
    }

    InequalitiesState withArea(Dimension a) {
        return new InequalitiesState(measure, from, to, filters, a, over);
    }

    InequalitiesState withOver(Dimension o) {
        return new InequalitiesState(measure, from, to, filters, area, o);
    }

    /** The explorer's state for the same measure, period and filters (its parsing and parameters are reused). */
    private ExplorerState toExplorer() {
        return ExplorerState.initial().withMeasure(measure).withPeriod(from, to).withFiltersOf(filters);
    }

    Map<String, List<String>> toParameters() {
        Map<String, List<String>> p = new LinkedHashMap<>(toExplorer().toParameters());
        p.remove("by");
        if (area != DEFAULT_AREA) {
            p.put("area", List.of(area.id()));
        }
        if (over != DEFAULT_OVER) {
            p.put("over", List.of(over.id()));
        }
        return p;
    }

    /** Reads a state from URL parameters; anything unknown falls back to the initial state's value. */
    static InequalitiesState fromParameters(Map<String, List<String>> p, List<Dimension> areas,
            List<Dimension> overTime) {
        ExplorerState e = ExplorerState.fromParameters(p);
        Dimension area = first(p, "area").flatMap(Dimension::fromId).filter(areas::contains).orElse(DEFAULT_AREA);
        Dimension over = first(p, "over").flatMap(Dimension::fromId).filter(overTime::contains).orElse(DEFAULT_OVER);
        return new InequalitiesState(e.measure(), e.from(), e.to(), e.filters(), area, over);
    }

    private static Optional<String> first(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0));
    }
}
