package org.perinatalequity.breakdown.ui;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perinatalequity.breakdown.Adjustment;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.measures.Dimension;

/**
 * What the explorer shows, as an immutable value that round-trips through the URL with the same parameter
 * names as the API ({@code measure, by, by2, from, to, reference, suppress, adjust} and {@code DIM=VALUE} filters), so a
 * view can be bookmarked, shared, and repeated with curl.
 */
record ExplorerState(String measure, Dimension by, Dimension by2, YearMonth from, YearMonth to,
        Map<Dimension, List<String>> filters, String reference, boolean suppress, Adjustment adjust) {

    static final String DEFAULT_MEASURE = "preterm";

    ExplorerState {
        filters = Map.copyOf(filters);
    }

    /** A crude (unadjusted) state. */
    ExplorerState(String measure, Dimension by, Dimension by2, YearMonth from, YearMonth to,
            Map<Dimension, List<String>> filters, String reference, boolean suppress) {
        this(measure, by, by2, from, to, filters, reference, suppress, null);
    }

    static ExplorerState initial() {
        return new ExplorerState(DEFAULT_MEASURE, Dimension.ETHNIC_GROUP, null, null, null, Map.of(), null, true);
    }

    BreakdownRequest toRequest() {
        return new BreakdownRequest(measure, by, by2, from, to, filters, suppress, reference, adjust);
    }

    ExplorerState withMeasure(String m) {
        return new ExplorerState(m, by, by2, from, to, filters, reference, suppress, adjust);
    }

    ExplorerState withBy(Dimension d) {
        // A reference group belongs to the old dimension.
        return new ExplorerState(measure, d, by2 == d ? null : by2, from, to, filters, null, suppress, adjust);
    }

    ExplorerState withBy2(Dimension d) {
        return new ExplorerState(measure, by, d == by ? null : d, from, to, filters, reference, suppress, adjust);
    }

    ExplorerState withPeriod(YearMonth f, YearMonth t) {
        return new ExplorerState(measure, by, by2, f, t, filters, reference, suppress, adjust);
    }

    ExplorerState withFilter(Dimension d, List<String> values) {
        Map<Dimension, List<String>> f = new LinkedHashMap<>(filters);
        if (values == null || values.isEmpty()) {
            f.remove(d);
        } else {
            f.put(d, List.copyOf(values));
        }
        return new ExplorerState(measure, by, by2, from, to, f, reference, suppress, adjust);
    }

    ExplorerState withFiltersOf(Map<Dimension, List<String>> f) {
        return new ExplorerState(measure, by, by2, from, to, f, reference, suppress, adjust);
    }

    ExplorerState withReference(String r) {
        // A reference group and an adjustment both fill the ratio: choosing one drops the other.
        return new ExplorerState(measure, by, by2, from, to, filters, r, suppress, r == null ? adjust : null);
    }

    ExplorerState withSuppress(boolean s) {
        return new ExplorerState(measure, by, by2, from, to, filters, reference, s, adjust);
    }

    /** Adjusted (a standardised ratio per row, no reference group) or crude. */
    ExplorerState withAdjust(Adjustment a) {
        return new ExplorerState(measure, by, by2, from, to, filters, a == null ? reference : null, suppress, a);
    }

    /** The URL query parameters of this state (only what differs from nothing). */
    Map<String, List<String>> toParameters() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("measure", List.of(measure));
        p.put("by", List.of(by.id()));
        Optional.ofNullable(by2).ifPresent(d -> p.put("by2", List.of(d.id())));
        Optional.ofNullable(from).ifPresent(m -> p.put("from", List.of(m.toString())));
        Optional.ofNullable(to).ifPresent(m -> p.put("to", List.of(m.toString())));
        filters.forEach((d, values) -> p.put(d.id(), values));
        Optional.ofNullable(reference).ifPresent(r -> p.put("reference", List.of(r)));
        if (!suppress) {
            p.put("suppress", List.of("false"));
        }
        Optional.ofNullable(adjust).ifPresent(a -> p.put("adjust", List.of(a.id())));
        return p;
    }

    /** Reads a state from URL parameters; anything unknown or malformed falls back to the initial state's value. */
    static ExplorerState fromParameters(Map<String, List<String>> p) {
        ExplorerState s = initial();
        String measure = first(p, "measure").orElse(s.measure());
        Dimension by = first(p, "by").flatMap(Dimension::fromId).orElse(s.by());
        Dimension by2 = first(p, "by2").flatMap(Dimension::fromId).filter(d -> d != by).orElse(null);
        YearMonth from = first(p, "from").flatMap(ExplorerState::month).orElse(null);
        YearMonth to = first(p, "to").flatMap(ExplorerState::month).orElse(null);
        Map<Dimension, List<String>> filters = new LinkedHashMap<>();
        p.forEach((name, values) -> Dimension.fromId(name).ifPresent(d -> {
            List<String> accepted = new ArrayList<>();
            values.forEach(v -> accepted.addAll(List.of(v.split(","))));
            filters.put(d, accepted);
        }));
        boolean suppress = !first(p, "suppress").map("false"::equals).orElse(false);
        Adjustment adjust = first(p, "adjust").flatMap(Adjustment::fromId).orElse(null);
        return new ExplorerState(measure, by, by2, from, to, filters,
                adjust == null ? first(p, "reference").orElse(null) : null, suppress, adjust);
    }

    private static Optional<String> first(Map<String, List<String>> p, String name) {
        List<String> values = p.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? Optional.empty()
                : Optional.of(values.get(0));
    }

    private static Optional<YearMonth> month(String text) {
        try {
            return Optional.of(YearMonth.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
