package org.perinatalequity.breakdown;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.perinatalequity.maps.Choropleth;
import org.perinatalequity.maps.MapArea;
import org.perinatalequity.maps.MapImage;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.reference.Boundaries;
import org.perinatalequity.stats.Comparison;
import org.perinatalequity.stats.Polarity;
import org.perinatalequity.system.DataVersion;

import org.springframework.stereotype.Service;

/**
 * Choropleth maps of a measure's breakdown: the same rows the breakdown answers (same filters, suppression and
 * comparisons), each drawn on its area's boundary. Every boundary of the level is drawn; an area with no row is
 * "no value". MSOAs, wards and neighbourhoods group their LSOAs ({@code v_lsoa_area}), so every level's map of one
 * measure adds up to the same total; PCNs (which have no boundary) are refused with a clear message.
 */
@Service
public class BreakdownMaps {

    /** The {@code by} of a map (DESIGN.md section 8, Neighbourhoods). */
    public enum MapLevel {
        LSOA("lsoa"), MSOA("msoa"), WARD("ward"), NEIGHBOURHOOD("neighbourhood"), PCN("pcn"), PLACE("place");

        private final String id;

        MapLevel(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Optional<MapLevel> fromId(String id) {
            return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
        }

        /** The map of a breakdown dimension, when it is an area with a boundary ({@link Dimension#isMappable()}). */
        public static Optional<MapLevel> of(Dimension dimension) {
            return dimension.isMappable() ? fromId(dimension.id()) : Optional.empty();
        }
    }

    static final int WIDTH = 960;
    static final int HEIGHT = 640;

    private final BreakdownService breakdowns;
    private final Boundaries boundaries;
    private final DataVersion dataVersion;
    /**
     * Each level's shapes, read (and for neighbourhoods and places, unioned) once per data version: a reference
     * load moves the version on, so new boundaries or a new neighbourhood file are drawn at the next map.
     */
    private final ResultCache<MapLevel, Map<String, Geometry>> shapeCache = new ResultCache<>(MapLevel.values().length);

    BreakdownMaps(BreakdownService breakdowns, Boundaries boundaries, DataVersion dataVersion) {
        this.breakdowns = breakdowns;
        this.boundaries = boundaries;
        this.dataVersion = dataVersion;
    }

    /** The measures a map can show (the catalogue), for the page's choice. */
    public List<Measure> measures() {
        return breakdowns.measures();
    }

    /** Audits a download of the map of {@code result} (the same log entry as a chart download). */
    public void audited(BreakdownResult result, String what) {
        breakdowns.audited(result, what);
    }

    /** The map and the breakdown it draws (for the table beside it). */
    public record MeasureMap(BreakdownResult breakdown, MapImage image) {
    }

    public MeasureMap map(String measureId, MapLevel level, BreakdownRequest filters) {
        Dimension dimension = dimension(level);
        Map<String, Geometry> shapes = shapeCache.get(dataVersion.current(), level, () -> switch (level) {
            case LSOA -> boundaries.lsoas();
            case MSOA, WARD -> boundaries.areas(level.id());
            case NEIGHBOURHOOD -> boundaries.neighbourhoods();
            default -> boundaries.places();
        });
        if (shapes.isEmpty()) {
            throw new InvalidRequestException("No " + missing(level) + " are loaded: load " + howToLoad(level)
                    + " with reference PATH... (docs/neighbourhoods.md)");
        }
        Measure measure = breakdowns.measure(measureId);
        Adjustment adjust = filters.adjust();
        BreakdownResult result = breakdowns.breakdown(new BreakdownRequest(measureId, dimension, null, filters.from(),
                filters.to(), filters.filters(), filters.suppress(), null, adjust));
        Map<String, BreakdownResult.Row> rows = new LinkedHashMap<>();
        result.rows().forEach(r -> rows.put(r.group(), r));
        // An area with no births in the period has no row, but still its name
        Map<String, String> names = breakdowns.names(dimension);
        List<MapArea> areas = new ArrayList<>();
        shapes.forEach((code, shape) -> {
            BreakdownResult.Row row = rows.get(code);
            String name = row != null && row.groupName() != null ? row.groupName() : names.getOrDefault(code, code);
            if (row == null) {
                areas.add(new MapArea(code, name, shape, null, "", false, MapArea.Significance.SIMILAR));
            } else if (adjust != null) {
                boolean hidden = row.suppressed() || row.adjusted() == null || row.adjusted().observed() == null;
                areas.add(new MapArea(code, name, shape, hidden ? null : row.ratio(), ratioText(row), hidden,
                        significance(ratioComparison(row, measure))));
            } else {
                areas.add(new MapArea(code, name, shape, row.suppressed() ? null : row.value(),
                        valueText(row, measure), row.suppressed(), significance(row.comparison())));
            }
        });
        boolean polarity = measure.polarity() != null && measure.polarity() != Polarity.NONE;
        String title = measure.name() + " by " + levelName(level)
                + (adjust == null ? "" : ", " + adjust.label())
                + (result.from() == null ? "" : ", " + result.from() + " to " + result.to());
        String legend = adjust == null ? measure.name() + " (" + measure.unit() + ")"
                : "Observed ÷ expected at the LMNS's rates by maternal age (1 = as expected)";
        Choropleth.MapText text = new Choropleth.MapText(title, legend,
                polarity ? "Significantly worse than LMNS (95%)" : "Significantly higher than LMNS (95%)",
                polarity ? "Significantly better than LMNS (95%)" : "Significantly lower than LMNS (95%)",
                "Suppressed: small numbers");
        return new MeasureMap(result, Choropleth.render(areas, text, WIDTH, HEIGHT));
    }

    /** The breakdown a level's map draws; PCNs have no boundary (docs/neighbourhoods.md, a deliberate deviation). */
    static Dimension dimension(MapLevel level) {
        return switch (level) {
            case LSOA -> Dimension.LSOA;
            case MSOA -> Dimension.MSOA;
            case WARD -> Dimension.WARD;
            case NEIGHBOURHOOD -> Dimension.NEIGHBOURHOOD;
            case PLACE -> Dimension.PLACE;
            case PCN -> throw new InvalidRequestException("by=pcn cannot be mapped: a primary care network is a group"
                    + " of GP practices, not an area with a boundary (its practices' patients live all over); use"
                    + " by=lsoa, msoa, ward, neighbourhood or place, or the pcn breakdown as a table");
        };
    }

    /** The level as a map title or the page says it: "LSOA", "MSOA", "ward", "neighbourhood", "place". */
    public static String levelName(MapLevel level) {
        return switch (level) {
            case LSOA -> "LSOA";
            case MSOA -> "MSOA";
            case PCN -> "PCN";
            default -> level.id();
        };
    }

    private static String missing(MapLevel level) {
        return switch (level) {
            case LSOA -> "LSOA boundaries";
            case MSOA -> "MSOA boundaries";
            case WARD -> "ward boundaries";
            case NEIGHBOURHOOD -> "neighbourhoods with LSOA boundaries";
            default -> "local authority boundaries";
        };
    }

    private static String howToLoad(MapLevel level) {
        return switch (level) {
            case LSOA -> "the ONS LSOA boundary file";
            case MSOA -> "the ONS LSOA and MSOA boundary files";
            case WARD -> "the ONS LSOA and ward boundary files";
            case NEIGHBOURHOOD -> "the ONS LSOA boundary file and the LMNS's neighbourhood file";
            default -> "the ONS local authority boundary file";
        };
    }

    private static String valueText(BreakdownResult.Row row, Measure measure) {
        if (row.value() == null) {
            return "no value";
        }
        String value = String.format(Locale.UK, "%.1f", row.value());
        String unit = "%".equals(measure.unit()) ? "%" : " " + measure.unit();
        return value + unit + (row.numerator() == null || row.denominator() == null ? ""
                : String.format(Locale.UK, " (%,.0f of %,.0f)", row.numerator(), row.denominator()));
    }

    /** "ratio 1.24 (0.98 to 1.55), 42 observed, 33.9 expected" for an area of an adjusted map. */
    private static String ratioText(BreakdownResult.Row row) {
        BreakdownResult.Adjusted a = row.adjusted();
        if (row.suppressed() || a == null || a.observed() == null) {
            return "suppressed";
        }
        if (row.ratio() == null) {
            return "no ratio (nothing expected)";
        }
        return String.format(Locale.UK, "ratio %.2f (%.2f to %.2f), %,.0f observed, %,.1f expected", row.ratio(),
                row.ratioLower95(), row.ratioUpper95(), a.observed(), a.expected());
    }

    /** The ratio's 95% interval against 1 (as expected), read with the measure's polarity. */
    private static Comparison ratioComparison(BreakdownResult.Row row, Measure measure) {
        if (row.ratio() == null || row.ratioLower95() == null) {
            return Comparison.NOT_COMPARED;
        }
        return org.perinatalequity.stats.Comparisons.overlap95(row.ratio(), row.ratioLower95(), row.ratioUpper95(),
                1.0, measure.polarity());
    }

    static MapArea.Significance significance(Comparison comparison) {
        if (comparison == null) {
            return MapArea.Significance.SIMILAR;
        }
        return switch (comparison) {
            case WORSE, WORST, HIGHER -> MapArea.Significance.WORSE_OR_HIGHER;
            case BETTER, BEST, LOWER -> MapArea.Significance.BETTER_OR_LOWER;
            case SIMILAR, NOT_COMPARED -> MapArea.Significance.SIMILAR;
        };
    }
}
