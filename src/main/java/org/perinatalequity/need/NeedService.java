package org.perinatalequity.need;

import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.perinatalequity.export.Exports;
import org.perinatalequity.export.Table;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.need.query.NeedQuery;
import org.perinatalequity.maps.Choropleth;
import org.perinatalequity.maps.MapArea;
import org.perinatalequity.maps.MapImage;
import org.perinatalequity.reference.AreaNames;
import org.perinatalequity.reference.Boundaries;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.Roles;
import org.perinatalequity.stats.DisclosureControl;
import org.perinatalequity.stats.Standardisation;
import org.perinatalequity.stats.Standardisation.IndirectlyStandardised;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.ReadSnapshot;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Areas of highest need and the community assets register (docs/neighbourhoods.md). The ranking combines, per area,
 * births, deprivation, the share of Black, Asian and Mixed-ethnicity mothers and the excess events of the key
 * outcomes (observed − expected at the whole LMNS's maternal-age-band rates, {@link Standardisation}), each
 * standardised across the areas and weighted by {@link NeedWeights} ({@link NeedComposite}). The score is computed
 * on the true counts; what a caller who sees suppressed figures is shown of the counts follows the small-number rule
 * (births and observed events of 1–7 hidden, others rounded to 5, expected from the LMNS's rounded counts).
 */
@Service
public class NeedService {

    /** The bands of fact_event's maternal_age_band (the same as the breakdowns' adjust=maternal_age). */
    static final List<String> BANDS = List.of("<20", "20-24", "25-29", "30-34", "35-39", "40+");

    /** The register's types counted as hubs; VCSE groups are listed and drawn but are not hubs. */
    public static final Set<String> HUB_TYPES = Set.of("family_hub", "community_hub", "childrens_centre");

    private static final double CONFIDENCE = 0.95;

    private final NeedQuery query;
    private final AreaNames areaNames;
    private final AccessPolicy policy;
    private final ReadSnapshot snapshot;
    private final DataVersion dataVersion;
    private final Exports exports;
    private final NeedWeights weights;
    private final Boundaries boundaries;
    private final org.perinatalequity.security.AuditService audit;
    private final int top;
    private final double hubDistanceKm;
    private final Map<List<Object>, NeedResult> cache = new ConcurrentHashMap<>();
    private volatile long cachedVersion = -1;

    NeedService(NeedQuery query, AreaNames areaNames, AccessPolicy policy, ReadSnapshot snapshot,
            DataVersion dataVersion, Exports exports, Environment environment, Boundaries boundaries,
            org.perinatalequity.security.AuditService audit) {
        this.boundaries = boundaries;
        this.audit = audit;
        this.query = query;
        this.areaNames = areaNames;
        this.policy = policy;
        this.snapshot = snapshot;
        this.dataVersion = dataVersion;
        this.exports = exports;
        String file = environment.getProperty("equity.need.weights");
        this.weights = file == null || file.isBlank() ? NeedWeights.builtIn() : NeedWeights.file(Path.of(file));
        this.top = environment.getProperty("equity.need.top", Integer.class, 10);
        this.hubDistanceKm = environment.getProperty("equity.need.hub-distance-km", Double.class, 3.0);
        if (top < 1 || !(hubDistanceKm > 0)) {
            throw new IllegalArgumentException("equity.need.top must be at least 1 and equity.need.hub-distance-km"
                    + " more than 0 (they are " + top + " and " + hubDistanceKm + ")");
        }
    }

    public NeedWeights weights() {
        return weights;
    }

    /**
     * The ranking over whole months {@code from}–{@code to} (default: every month of the outcome facts).
     * Suppression is switched off only for a caller who may (an analyst); anyone else gets suppressed figures.
     */
    public NeedResult need(NeedLevel level, @Nullable YearMonth from, @Nullable YearMonth to, boolean askedSuppress) {
        boolean suppress = askedSuppress || !(policy.mayDisableSuppression() || policy.hasRole(Roles.SYSTEM));
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("Parameters 'from' and 'to': " + from + " is after " + to);
        }
        return snapshot.read(() -> {
            long version = dataVersion.current();
            if (version != cachedVersion) {
                cache.clear();
                cachedVersion = version;
            }
            List<Object> key = java.util.Arrays.asList(level, from, to, suppress);
            return cache.computeIfAbsent(key, k -> compute(level, from, to, suppress));
        });
    }

    /** The register in file order. */
    public List<AssetRow> assets() {
        return snapshot.read(() -> query.assets().stream().map(a -> new AssetRow(a.name(), a.type(), a.postcode(),
                a.lsoa(), a.services(), a.languages(), a.opening(), a.contact())).toList());
    }

    /** A located hub (or other asset) to draw on a map: British National Grid metres. */
    public record AssetPoint(String name, String type, double easting, double northing) {
    }

    /** The assets the postcode directory locates. */
    public List<AssetPoint> assetPoints() {
        return snapshot.read(() -> query.assets().stream().filter(a -> a.easting() != null && a.northing() != null)
                .map(a -> new AssetPoint(a.name(), a.type(), a.easting(), a.northing())).toList());
    }

    private static List<String> outcomeMeasures() {
        return java.util.Arrays.stream(NeedComponent.values()).filter(NeedComponent::isOutcome)
                .map(NeedComponent::measureId).distinct().toList();
    }

    private NeedResult compute(NeedLevel level, @Nullable YearMonth from, @Nullable YearMonth to, boolean suppress) {
        List<String> measures = outcomeMeasures();
        LocalDate[] range = query.range(measures).orElse(null);
        if (range == null) {
            return new NeedResult(level.id(), null, null, suppress, weights.byId(), hubDistanceKm, top, List.of());
        }
        YearMonth first = from != null ? from : YearMonth.from(range[0]);
        YearMonth last = to != null ? to : YearMonth.from(range[1]);
        LocalDate start = first.atDay(1);
        LocalDate end = last.atEndOfMonth();
        boolean neighbourhoods = level == NeedLevel.NEIGHBOURHOOD;
        Map<String, NeedQuery.BirthProfile> profiles = new HashMap<>();
        query.births(neighbourhoods, start, end).forEach(p -> profiles.put(p.area(), p));
        Map<String, Map<String, long[][]>> outcomes = new HashMap<>();
        Set<String> codes = new TreeSet<>(profiles.keySet());
        for (NeedQuery.OutcomeCount c : query.outcomes(neighbourhoods, measures, start, end)) {
            codes.add(c.area());
            int band = c.band() == null ? -1 : BANDS.indexOf(c.band());
            if (band < 0) {
                continue;
            }
            long[][] counts = outcomes.computeIfAbsent(c.area(), a -> new HashMap<>())
                    .computeIfAbsent(c.measureId(), m -> new long[2][BANDS.size()]);
            counts[0][band] += c.numerator();
            counts[1][band] += c.denominator();
        }
        Map<String, long[][]> reference = new HashMap<>();
        for (NeedQuery.ReferenceCount c : query.reference(measures, start, end)) {
            int band = BANDS.indexOf(c.band());
            if (band >= 0) {
                long[][] counts = reference.computeIfAbsent(c.measureId(), m -> new long[2][BANDS.size()]);
                counts[0][band] += c.numerator();
                counts[1][band] += c.denominator();
            }
        }
        String[] areas = codes.toArray(String[]::new);
        int n = areas.length;
        double[] births = new double[n];
        Map<NeedComponent, Double[]> values = new LinkedHashMap<>();
        for (NeedComponent c : NeedComponent.values()) {
            values.put(c, new Double[n]);
        }
        List<Map<String, NeedResult.Component>> shown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NeedQuery.BirthProfile p = profiles.get(areas[i]);
            long b = p == null ? 0 : p.births();
            births[i] = b;
            values.get(NeedComponent.BIRTHS)[i] = (double) b;
            values.get(NeedComponent.DEPRIVATION)[i] = p == null ? null : p.meanImdDecile();
            values.get(NeedComponent.BLACK_ASIAN_MIXED_SHARE)[i] = p == null || p.knownEthnicity() == 0 ? null
                    : 100.0 * p.blackAsianMixed() / p.knownEthnicity();
            Map<String, NeedResult.Component> components = new LinkedHashMap<>();
            components.put(NeedComponent.BIRTHS.id(), countComponent(b, suppress));
            components.put(NeedComponent.DEPRIVATION.id(), plain(values.get(NeedComponent.DEPRIVATION)[i]));
            components.put(NeedComponent.BLACK_ASIAN_MIXED_SHARE.id(), share(p, suppress));
            for (NeedComponent c : NeedComponent.values()) {
                if (!c.isOutcome()) {
                    continue;
                }
                long[][] area = outcomes.getOrDefault(areas[i], Map.of()).get(c.measureId());
                long[][] ref = reference.get(c.measureId());
                Outcome exact = outcome(area, ref, c.complement(), false);
                values.get(c)[i] = exact.excess();
                components.put(c.id(), suppress ? outcome(area, ref, c.complement(), true).shown() : exact.shown());
            }
            shown.add(components);
        }
        List<NeedComposite.Component> parts = new ArrayList<>();
        values.forEach((c, v) -> parts.add(new NeedComposite.Component(c.id(), weights.weight(c), c.direction(), v)));
        NeedComposite.Scores scores = NeedComposite.score(parts, areas, births);
        Map<String, String> names = areaNames.names(neighbourhoods ? Dimension.NEIGHBOURHOOD : Dimension.LSOA);
        Map<String, Hub> nearest = neighbourhoods ? nearestHubs(start, end) : Map.of();
        boolean anyHub = neighbourhoods && query.assets().stream()
                .anyMatch(a -> HUB_TYPES.contains(a.type()) && a.easting() != null);
        List<NeedResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, NeedResult.Component> components = new LinkedHashMap<>();
            for (Map.Entry<String, NeedResult.Component> e : shown.get(i).entrySet()) {
                NeedResult.Component c = e.getValue();
                Double z = suppress ? null : scores.z().get(e.getKey())[i];
                components.put(e.getKey(), new NeedResult.Component(c.value(), c.observed(), c.expected(),
                        c.excess(), c.ratio(), c.ratioLower95(), c.ratioUpper95(), z, c.suppressed()));
            }
            Long shownBirths = Long.valueOf((long) births[i]);
            if (suppress) {
                shownBirths = DisclosureControl.isPrimarySuppressed(births[i]) ? null
                        : Long.valueOf(DisclosureControl.roundCount(births[i]));
            }
            Hub hub = nearest.get(areas[i]);
            Boolean flag = null;
            if (neighbourhoods && anyHub && hub != null) {
                flag = scores.rank()[i] <= top && hub.km() > hubDistanceKm;
            }
            rows.add(new NeedResult.Row(areas[i], names.get(areas[i]), scores.rank()[i], scores.score()[i],
                    shownBirths, values.get(NeedComponent.DEPRIVATION)[i], components,
                    hub == null ? null : hub.name(), hub == null ? null : hub.km(), flag));
        }
        rows.sort(java.util.Comparator.comparingInt(NeedResult.Row::rank));
        return new NeedResult(level.id(), first.toString(), last.toString(), suppress, weights.byId(), hubDistanceKm,
                top, rows);
    }

    private record Hub(String name, double km) {
    }

    /** Each neighbourhood's nearest hub from its births' centroid, straight-line on the National Grid. */
    private Map<String, Hub> nearestHubs(LocalDate start, LocalDate end) {
        List<NeedQuery.Asset> hubs = query.assets().stream()
                .filter(a -> HUB_TYPES.contains(a.type()) && a.easting() != null && a.northing() != null).toList();
        Map<String, Hub> out = new HashMap<>();
        if (hubs.isEmpty()) {
            return out;
        }
        for (NeedQuery.Centroid c : query.neighbourhoodCentroids(start, end)) {
            NeedQuery.Asset best = null;
            double bestMetres = Double.POSITIVE_INFINITY;
            for (NeedQuery.Asset h : hubs) {
                double metres = Math.hypot(h.easting() - c.easting(), h.northing() - c.northing());
                if (metres < bestMetres) {
                    bestMetres = metres;
                    best = h;
                }
            }
            out.put(c.area(), new Hub(best.name(), bestMetres / 1000));
        }
        return out;
    }

    /** An outcome's figures, exact or as published under suppression, and the exact excess the score uses. */
    record Outcome(NeedResult.Component shown, double excess) {
    }

    /**
     * Observed = the area's events in the bands the LMNS has records in; expected = Σ the area's records in a band ×
     * the LMNS's rate in it. Published: observed 1–7 hides the outcome; otherwise observed is rounded to 5 and the
     * LMNS's counts by band are rounded before the rates are taken (as the breakdowns' adjustment does).
     */
    static Outcome outcome(long @Nullable [][] area, long @Nullable [][] reference, boolean complement,
            boolean published) {
        if (reference == null) {
            return new Outcome(new NeedResult.Component(null, 0.0, 0.0, 0.0, null, null, null, null, false), 0);
        }
        List<Integer> kept = new ArrayList<>();
        for (int b = 0; b < BANDS.size(); b++) {
            if (reference[1][b] > 0) {
                kept.add(b);
            }
        }
        double[] population = new double[kept.size()];
        double[] refCount = new double[kept.size()];
        double[] refPopulation = new double[kept.size()];
        double observed = 0;
        for (int j = 0; j < kept.size(); j++) {
            int b = kept.get(j);
            double refEvents = complement ? reference[1][b] - reference[0][b] : reference[0][b];
            refCount[j] = published ? DisclosureControl.roundCount(refEvents) : refEvents;
            refPopulation[j] = published ? DisclosureControl.roundCount(reference[1][b]) : reference[1][b];
            if (area != null) {
                population[j] = area[1][b];
                observed += complement ? area[1][b] - area[0][b] : area[0][b];
            }
        }
        double exactObserved = observed;
        if (published) {
            if (DisclosureControl.isPrimarySuppressed(observed)) {
                return new Outcome(new NeedResult.Component(null, null, null, null, null, null, null, null, true),
                        Double.NaN);
            }
            observed = DisclosureControl.roundCount(observed);
        }
        // A band whose rounded population is 0 (published) has no rate: it adds nothing to expected
        for (int j = 0; j < refPopulation.length; j++) {
            if (refPopulation[j] == 0) {
                refPopulation[j] = 1;
                refCount[j] = 0;
            }
        }
        IndirectlyStandardised isr = Standardisation.indirectlyStandardisedRatio(observed, population, refCount,
                refPopulation, 1, CONFIDENCE);
        return new Outcome(new NeedResult.Component(null, observed, isr.expected(), observed - isr.expected(),
                isr.value(), isr.lower(), isr.upper(), null, false), exactObserved - isr.expected());
    }

    private static NeedResult.Component countComponent(long count, boolean suppress) {
        if (suppress) {
            return DisclosureControl.isPrimarySuppressed(count)
                    ? new NeedResult.Component(null, null, null, null, null, null, null, null, true)
                    : plain((double) DisclosureControl.roundCount(count));
        }
        return plain((double) count);
    }

    private static NeedResult.Component share(NeedQuery.@Nullable BirthProfile p, boolean suppress) {
        if (p == null || p.knownEthnicity() == 0) {
            return plain(null);
        }
        Double value = suppress ? DisclosureControl.roundedPercentage(p.blackAsianMixed(), p.knownEthnicity(), 100)
                : 100.0 * p.blackAsianMixed() / p.knownEthnicity();
        return plain(value);
    }

    private static NeedResult.Component plain(@Nullable Double value) {
        return new NeedResult.Component(value, null, null, null, null, null, null, null, false);
    }

    // ------------------------------------------------------------------ map

    static final int MAP_WIDTH = 960;
    static final int MAP_HEIGHT = 640;

    /**
     * The ranking as a map: each area coloured by its score (five classes, light to dark = more need), its title
     * giving the score, rank and flag; the register's located assets drawn over it (hubs filled, VCSE groups white).
     * A neighbourhood's shape is the union of its LSOAs' boundaries. Areas without a boundary are left out of the
     * map (the table has them all); an empty map when no boundary is loaded.
     */
    public MapImage map(NeedResult result) {
        Map<String, org.locationtech.jts.geom.Geometry> shapes = snapshot.read(() -> shapes(result.by()));
        List<MapArea> areas = new ArrayList<>();
        for (NeedResult.Row r : result.rows()) {
            org.locationtech.jts.geom.Geometry shape = shapes.get(r.group());
            if (shape == null) {
                continue;
            }
            String text = String.format(java.util.Locale.UK, "need score %.2f, rank %d of %d", r.score(), r.rank(),
                    result.rows().size()) + (Boolean.TRUE.equals(r.noHubNearby())
                            ? String.format(java.util.Locale.UK, "; no hub within %.1f km", result.hubDistanceKm())
                            : "");
            areas.add(new MapArea(r.group(), r.groupName() == null ? r.group() : r.groupName(), shape, r.score(),
                    text, false, MapArea.Significance.SIMILAR));
        }
        List<Choropleth.MapPoint> points = new ArrayList<>();
        List<AssetPoint> assets = assetPoints();
        for (int i = 0; i < assets.size(); i++) {
            AssetPoint a = assets.get(i);
            points.add(new Choropleth.MapPoint("asset-" + (i + 1), typeLabel(a.type()) + ": " + a.name(),
                    a.easting(), a.northing(), HUB_TYPES.contains(a.type())));
        }
        String level = "neighbourhood".equals(result.by()) ? "neighbourhood" : "LSOA";
        return Choropleth.render(areas, points, new Choropleth.PointKey("Hub (family, community, children's)",
                "VCSE group"), new Choropleth.MapText("Areas of highest need by " + level + ", " + result.from()
                        + " to " + result.to(), "Need score (higher = more need)", "", "", "Suppressed"),
                MAP_WIDTH, MAP_HEIGHT, MAP_ID_PREFIX);
    }

    /** The need map's ids start with this, so it repeats none of the measure map's on the same page. */
    public static final String MAP_ID_PREFIX = "need-";

    /** A download of the map is audited like any export of the ranking. */
    public void auditedMap(NeedResult result, String format) {
        Exports.Audit what = exportOf(result, format);
        audit.recordExport(what.target(), what.detail(), what.records());
    }

    /** "Family hub", "Children's centre", "VCSE group": the register's type as a reader writes it. */
    public static String typeLabel(String type) {
        return switch (type) {
            case "family_hub" -> "Family hub";
            case "community_hub" -> "Community hub";
            case "childrens_centre" -> "Children's centre";
            case "vcse_group" -> "VCSE group";
            default -> type;
        };
    }

    /** The shapes the measure maps draw: a neighbourhood is the union of its LSOAs, of either vintage. */
    private Map<String, org.locationtech.jts.geom.Geometry> shapes(String by) {
        return "neighbourhood".equals(by) ? boundaries.neighbourhoods() : boundaries.lsoas();
    }

    // ------------------------------------------------------------------ exports

    /** The ranking as a flat table: one row per area, each component's figures in its own columns. */
    public static Table table(NeedResult result) {
        List<Table.Column> columns = new ArrayList<>(List.of(new Table.Column("rank", Table.Type.INTEGER),
                new Table.Column("group", Table.Type.TEXT), new Table.Column("group_name", Table.Type.TEXT),
                new Table.Column("score", Table.Type.NUMBER), new Table.Column("births", Table.Type.INTEGER),
                new Table.Column("imd_decile", Table.Type.NUMBER),
                new Table.Column("black_asian_mixed_percent", Table.Type.NUMBER)));
        List<NeedComponent> outcomes = java.util.Arrays.stream(NeedComponent.values()).filter(NeedComponent::isOutcome)
                .toList();
        for (NeedComponent c : outcomes) {
            for (String f : List.of("observed", "expected", "excess", "ratio", "ratio_lower95", "ratio_upper95")) {
                columns.add(new Table.Column(c.id() + "_" + f, Table.Type.NUMBER));
            }
        }
        columns.add(new Table.Column("nearest_hub", Table.Type.TEXT));
        columns.add(new Table.Column("nearest_hub_km", Table.Type.NUMBER));
        columns.add(new Table.Column("no_hub_nearby", Table.Type.BOOLEAN));
        columns.add(new Table.Column("suppressed", Table.Type.BOOLEAN));
        List<List<Object>> rows = new ArrayList<>();
        for (NeedResult.Row r : result.rows()) {
            List<Object> row = new ArrayList<>(java.util.Arrays.asList((long) r.rank(), r.group(), r.groupName(),
                    r.score(), r.births(), r.imdDecile(),
                    r.components().get(NeedComponent.BLACK_ASIAN_MIXED_SHARE.id()).value()));
            for (NeedComponent c : outcomes) {
                NeedResult.Component o = r.components().get(c.id());
                row.addAll(java.util.Arrays.asList(o.observed(), o.expected(), o.excess(), o.ratio(),
                        o.ratioLower95(), o.ratioUpper95()));
            }
            row.addAll(java.util.Arrays.asList(r.nearestHub(), r.nearestHubKm(), r.noHubNearby(),
                    result.suppressed()));
            rows.add(row);
        }
        return new Table(columns, rows);
    }

    public static Table assetTable(List<AssetRow> assets) {
        List<Table.Column> columns = List.of("name", "type", "postcode", "lsoa", "services", "languages", "opening",
                "contact").stream().map(n -> new Table.Column(n, Table.Type.TEXT)).toList();
        List<List<Object>> rows = assets.stream().map(a -> java.util.Arrays.<Object>asList(a.name(), a.type(),
                a.postcode(), a.lsoa(), a.services(), a.languages(), a.opening(), a.contact())).toList();
        return new Table(columns, rows);
    }

    /** How the audit log names an export of the ranking. */
    public static Exports.Audit exportOf(NeedResult result, String format) {
        return new Exports.Audit("need:" + result.by(), format + " by " + result.by()
                + (result.suppressed() ? ", suppressed" : ", NOT suppressed"), result.rows().size());
    }

    public static Exports.Audit assetsExportOf(List<AssetRow> assets, String format) {
        return new Exports.Audit("assets", format + " of the community assets register", assets.size());
    }

    /** Writes the ranking as CSV (formula injection neutralised), audited. */
    public void writeCsv(NeedResult result, Writer out) {
        exports.writeCsv(table(result), out, exportOf(result, "CSV"));
    }

    /** Writes the register as CSV (formula injection neutralised), audited. */
    public void writeAssetsCsv(List<AssetRow> assets, Writer out) {
        exports.writeCsv(assetTable(assets), out, assetsExportOf(assets, "CSV"));
    }

    /** The ranking as CSV bytes, audited (the page's download). */
    public byte[] csv(NeedResult result) {
        return exports.csv(table(result), exportOf(result, "CSV"));
    }

    public byte[] assetsCsv(List<AssetRow> assets) {
        return exports.csv(assetTable(assets), assetsExportOf(assets, "CSV"));
    }
}
