package org.perinatalequity.breakdown;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.perinatalequity.breakdown.query.BreakdownQuery;
import org.perinatalequity.breakdown.query.GroupCount;
import org.perinatalequity.charts.ChartImage;
import org.perinatalequity.charts.Charts;
import org.perinatalequity.export.Exports;
import org.perinatalequity.quality.GateResult;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.reference.AreaNames;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.Roles;
import org.perinatalequity.measures.CompletePeriods;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.measures.MeasureCatalogue;
import org.perinatalequity.measures.MeasureFacts;
import org.perinatalequity.stats.DisclosureControl;
import org.perinatalequity.stats.Estimate;
import org.perinatalequity.stats.InvalidInputException;
import org.perinatalequity.stats.Ratios;
import org.perinatalequity.stats.SiiInput;
import org.perinatalequity.stats.SiiResult;
import org.perinatalequity.stats.SlopeIndex;
import org.perinatalequity.system.api.BadRequestException;

import org.springframework.stereotype.Service;

/**
 * Any measure by one or two dimensions, over a period, with filters: counts from the fact table, Wilson limits,
 * the Fingertips comparison with the LMNS total, rate ratios against a reference group, SII/RII over deprivation,
 * and disclosure control (primary and secondary). Results are cached per data version.
 */
@Service
public class BreakdownService {

    /** SII simulation: PHE's default size, and a fixed seed so the same data always gives the same limits. */
    private static final int SII_REPETITIONS = SiiInput.DEFAULT_REPETITIONS;
    private static final long SII_SEED = 20231L;

    private final MeasureCatalogue catalogue;
    private final MeasureFacts facts;
    private final BreakdownQuery query;
    private final ResultCache<BreakdownRequest, BreakdownResult> cache;
    private final ResultCache<TrendKey, TrendResult> trendCache = new ResultCache<>(500);
    private final TrendCalculator trends;
    private final Exports exports;
    private final AuditService audit;
    private final QualityService quality;
    private final AccessPolicy policy;
    /** The months each measure's charts are rebased at, from {@code equity.spc.rebase.<measureId>=YYYY-MM[,…]}. */
    private final Map<String, List<YearMonth>> rebaseSettings;
    private final AreaNames areaNames;

    BreakdownService(MeasureCatalogue catalogue, MeasureFacts facts, BreakdownQuery query, Exports exports,
            AuditService audit, QualityService quality, AccessPolicy policy, CompletePeriods completePeriods,
            AreaNames areaNames, org.springframework.core.env.Environment environment) {
        this.rebaseSettings = rebaseSettings(catalogue.all(), environment);
        this.areaNames = areaNames;
        this.audit = audit;
        this.policy = policy;
        this.quality = quality;
        this.catalogue = catalogue;
        this.facts = facts;
        this.query = query;
        this.exports = exports;
        this.cache = new ResultCache<>(500);
        this.trends = new TrendCalculator(query, completePeriods);
    }

    public List<Measure> measures() {
        return catalogue.all();
    }

    public Measure measure(String id) {
        return catalogue.find(id).orElseThrow(() -> new MeasureNotFoundException(id));
    }

    /** The data-quality gates a measure broken down by {@code breakdown} is checked against (its definition). */
    public List<QualityService.GateRule> gates(String measureId, java.util.Collection<Dimension> breakdown) {
        return quality.gateRules(measure(measureId).id(), breakdown);
    }

    /** The values of a dimension: its fixed list, or the values present in the data. */
    public List<String> dimensionValues(Dimension dimension) {
        return dimension.fixedValues().isEmpty() ? query.values(dimension) : dimension.fixedValues();
    }

    /** Writes a result as CSV (formula injection neutralised), the LMNS total first. */
    public void writeCsv(BreakdownResult result, Writer out) {
        exports.writeCsv(BreakdownTables.of(result), out, exportOf(result, "CSV"));
    }

    /** Writes a result as an Arrow IPC stream made by DuckDB's Arrow export. */
    public void writeArrow(BreakdownResult result, OutputStream out) throws IOException {
        exports.write(BreakdownTables.of(result), Exports.Format.ARROW, out, exportOf(result, "Arrow"));
    }

    /**
     * The chart of a breakdown: a heat map for two dimensions, otherwise dots with 95% whiskers against the LMNS
     * line (and the target).
     */
    public ChartImage chart(BreakdownResult result) {
        return chart(result, Charts.WIDTH, Charts.HEIGHT);
    }

    /** The breakdown's own chart laid out for {@code width} × {@code height} px (narrow windows get a narrower one). */
    public ChartImage chart(BreakdownResult result, int width, int height) {
        if (result.by2() == null && hasManyGroups(result)) {
            return Charts.extremesChart(result, measure(result.measure()), EXTREMES, width);
        }
        return chart(result, result.by2() != null ? ChartKind.HEAT_MAP : ChartKind.DOTS, width, height);
    }

    /** Above this many groups (LSOAs, GP practices) a chart shows only the extremes and a ranked table the rest. */
    public static final int MANY_GROUPS = 40;
    /** How many of the highest and of the lowest groups such a chart shows. */
    public static final int EXTREMES = 10;

    public static boolean hasManyGroups(BreakdownResult result) {
        return result.rows().size() > MANY_GROUPS;
    }

    /** The charts a breakdown can be drawn as. */
    public enum ChartKind {
        DOTS, HEAT_MAP, SLOPE, FUNNEL
    }

    public ChartImage chart(BreakdownResult result, ChartKind kind) {
        return chart(result, kind, Charts.WIDTH, Charts.HEIGHT);
    }

    /** A chart laid out for {@code width} × {@code height} px (narrow windows get a narrower layout). */
    public ChartImage chart(BreakdownResult result, ChartKind kind, int width, int height) {
        Measure measure = measure(result.measure());
        return switch (kind) {
            case DOTS -> Charts.dotChart(result, measure, width, height);
            case HEAT_MAP -> Charts.heatMap(result, measure, width, height);
            case SLOPE -> Charts.slopeChart(result, measure, width, height);
            case FUNNEL -> Charts.funnelPlot(result, measure, width, height);
        };
    }

    /** Writes one trend per group as CSV (the inequalities page's "over time" download), audited. */
    public void writeTrendsCsv(String measureId, Dimension by, Map<String, TrendResult> trends, Writer out) {
        exports.writeCsv(BreakdownTables.ofGroups(by.id(), trends), out, trendsExportOf(measureId, by, "CSV", trends));
    }

    /** Every export of trends by group is audited like a breakdown's. */
    public void auditedTrends(String measureId, Dimension by, String format, Map<String, TrendResult> trends) {
        Exports.Audit what = trendsExportOf(measureId, by, format, trends);
        audit.recordExport(what.target(), what.detail(), what.records());
    }

    private static Exports.Audit trendsExportOf(String measureId, Dimension by, String format,
            Map<String, TrendResult> trends) {
        boolean suppressed = trends.values().stream().allMatch(TrendResult::suppressed);
        return new Exports.Audit("trend:" + measureId, format + " by quarter and " + by.id()
                + (suppressed ? ", suppressed" : ", NOT suppressed"),
                trends.values().stream().mapToLong(t -> t.points().size()).sum());
    }

    /** Every export is audited: who took which aggregate, suppressed or not. */
    public void audited(BreakdownResult result, String format) {
        Exports.Audit what = exportOf(result, format);
        audit.recordExport(what.target(), what.detail(), what.records());
    }

    /** How the audit log names an export of a breakdown in this format. */
    public static Exports.Audit exportOf(BreakdownResult result, String format) {
        return new Exports.Audit("breakdown:" + result.measure(), format + " by " + result.by()
                + (result.by2() == null ? "" : " and " + result.by2()) + (result.suppressed() ? ", suppressed"
                        : ", NOT suppressed"), result.rows().size());
    }

    /**
     * Suppression is switched off only for a caller who may (an analyst, or the system itself); anyone else gets
     * suppressed figures whatever they asked for, and the result says so.
     */
    public BreakdownResult breakdown(BreakdownRequest asked) {
        BreakdownRequest request = asked.suppress() || maySeeUnsuppressed() ? asked
                : new BreakdownRequest(asked.measureId(), asked.by(), asked.by2(), asked.from(), asked.to(),
                        asked.filters(), true, asked.reference());
        return cache.get(dataVersion(), request, () -> compute(request));
    }

    /**
     * The measure over whole months for the women a target names ({@link Measure.TargetCohort}: any of its
     * dimensions' values, OR across dimensions), as one row counted once per woman's event, published like a
     * breakdown's total (suppressed unless an analyst asks otherwise).
     */
    public BreakdownResult.Row cohortTotal(String measureId, Measure.TargetCohort cohort, YearMonth from, YearMonth to,
            boolean asked) {
        boolean suppress = asked || !maySeeUnsuppressed();
        Measure measure = measure(measureId);
        List<Dimension> dimensions = cohort.any().keySet().stream()
                .map(id -> Dimension.fromId(id).orElseThrow()).toList();
        if (dimensions.size() > 2) {
            throw new IllegalArgumentException("A target cohort names at most two dimensions, not " + dimensions);
        }
        List<String> first = cohort.any().get(dimensions.get(0).id());
        List<String> second = dimensions.size() > 1 ? cohort.any().get(dimensions.get(1).id()) : List.of();
        long numerator = 0;
        long denominator = 0;
        for (GroupCount c : query.count(measure.id(), dimensions.get(0), dimensions.size() > 1 ? dimensions.get(1) : null,
                from.atDay(1), to.atEndOfMonth(), Map.of())) {
            if (first.contains(c.group()) || second.contains(c.group2())) {
                numerator += c.numerator();
                denominator += c.denominator();
            }
        }
        return RowStatistics.row("Target cohort", null, numerator, denominator,
                RowStatistics.publish(numerator, denominator, suppress), measure, suppress);
    }

    /** A trend charted the measure's default way ({@link TrendSpec#defaults()}). */
    public TrendResult trend(String measureId, Dimension period, Map<Dimension, List<String>> filters,
            boolean asked) {
        return trend(measureId, period, filters, asked, TrendSpec.defaults());
    }

    /**
     * A trend: its periods, which are complete, and the SPC reading over the complete ones on the true counts (the
     * same whatever the suppression). Rare events are rolling 12-month rates by month unless {@code spec} says.
     */
    public TrendResult trend(String measureId, Dimension period, Map<Dimension, List<String>> filters,
            boolean asked, TrendSpec spec) {
        boolean suppress = asked || !maySeeUnsuppressed();
        Measure measure = measure(measureId);
        if (period != Dimension.MONTH && period != Dimension.QUARTER && period != Dimension.FINANCIAL_YEAR) {
            throw new BadRequestException("Parameter 'by': a trend is by month, quarter or financial_year, not '"
                    + period.id() + "'");
        }
        org.perinatalequity.stats.SpcInput.Chart chart = spec.chart() == null
                ? org.perinatalequity.stats.SpcInput.Chart.XMR : spec.chart();
        int rolling = spec.rollingMonths() != null ? spec.rollingMonths()
                : measure.rareEvent() && period == Dimension.MONTH ? TrendSpec.RARE_EVENT_ROLLING_MONTHS : 1;
        if (rolling < 1 || rolling > TrendSpec.MAX_ROLLING_MONTHS) {
            throw new BadRequestException("Parameter 'rolling': a number of months from 1 to "
                    + TrendSpec.MAX_ROLLING_MONTHS + ", not " + rolling);
        }
        if (rolling > 1 && period != Dimension.MONTH) {
            throw new BadRequestException("Parameter 'rolling': rolling rates are by=month only, not by="
                    + period.id());
        }
        TrendSeries.Rebase rebase = spec.rebaseAt() != null ? new TrendSeries.Rebase(spec.rebaseAt(), true)
                : new TrendSeries.Rebase(rebaseSettings.getOrDefault(measureId, List.of()), false);
        return trendCache.get(dataVersion(), new TrendKey(measureId, period, Map.copyOf(filters), suppress, chart,
                rolling, rebase), () -> trends.trend(measure, period, filters, suppress, chart, rolling, rebase,
                        dataVersion()));
    }

    /** Every rebase setting is read at start-up, so a mistyped month stops the application with its name. */
    static Map<String, List<YearMonth>> rebaseSettings(List<Measure> measures,
            org.springframework.core.env.Environment environment) {
        Map<String, List<YearMonth>> out = new LinkedHashMap<>();
        for (Measure m : measures) {
            String key = "equity.spc.rebase." + m.id();
            String value = environment.getProperty(key);
            if (value == null || value.isBlank()) {
                continue;
            }
            List<YearMonth> months = new ArrayList<>();
            for (String part : value.split(",")) {
                try {
                    months.add(YearMonth.parse(part.strip()));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalStateException("Setting " + key + ": months as YYYY-MM[,YYYY-MM], not '"
                            + value + "'");
                }
            }
            out.put(m.id(), List.copyOf(months));
        }
        return Map.copyOf(out);
    }

    /**
     * One trend per group of {@code by} (its groups in their usual order), over the same periods: how a gap has moved.
     * The groups' own filters are added to {@code filters}.
     */
    public Map<String, TrendResult> trendsByGroup(String measureId, Dimension period, Dimension by,
            Map<Dimension, List<String>> filters, boolean suppress) {
        Map<String, TrendResult> trends = new LinkedHashMap<>();
        for (String group : dimensionValues(by)) {
            Map<Dimension, List<String>> narrowed = new LinkedHashMap<>(filters);
            narrowed.put(by, List.of(group));
            trends.put(group, trend(measureId, period, narrowed, suppress));
        }
        return trends;
    }

    /**
     * Results rest on the measure facts and, through their data-quality reading, on the quality items; both are
     * rebuilt after a load, one after the other, so a result computed between the two must not outlive the second.
     */
    public List<Long> dataVersion() {
        return List.of(facts.version(), quality.version());
    }

    private boolean maySeeUnsuppressed() {
        return policy.mayDisableSuppression() || policy.hasRole(Roles.SYSTEM);
    }

    /** The board and the action plan ask for the same trends on every visit; like breakdowns, they keep per version. */
    private record TrendKey(String measureId, Dimension period, Map<Dimension, List<String>> filters,
            boolean suppress, org.perinatalequity.stats.SpcInput.Chart chart, int rolling, TrendSeries.Rebase rebase) {
    }

    private BreakdownResult compute(BreakdownRequest request) {
        Measure measure = measure(request.measureId());
        YearMonth[] range = query.range(measure.id()).orElse(null);
        YearMonth from = request.from() != null ? request.from() : range == null ? null : range[0];
        YearMonth to = request.to() != null ? request.to() : range == null ? null : range[1];
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("Parameters 'from' and 'to': " + from + " is after " + to);
        }
        List<GroupCount> counts = from == null ? List.of()
                : query.count(measure.id(), request.by(), request.by2(), from.atDay(1), to.atEndOfMonth(),
                        request.filters());
        counts = sorted(counts, request.by(), request.by2());
        long totalNumerator = counts.stream().mapToLong(GroupCount::numerator).sum();
        long totalDenominator = counts.stream().mapToLong(GroupCount::denominator).sum();
        boolean suppress = request.suppress();

        RowStatistics.Published totalPublished = RowStatistics.publish(totalNumerator, totalDenominator, suppress);
        List<RowStatistics.Published> published = counts.stream()
                .map(c -> RowStatistics.publish(c.numerator(), c.denominator(), suppress)).toList();
        if (suppress) {
            published = secondarySuppression(counts, published);
        }
        BreakdownResult.Row total = RowStatistics.row("Total", null, totalNumerator, totalDenominator, totalPublished,
                measure, suppress);
        total = RowStatistics.withComparison(total, "not_compared");
        List<BreakdownResult.Row> rows = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            GroupCount c = counts.get(i);
            BreakdownResult.Row row = RowStatistics.row(c.group(), c.group2(), c.numerator(), c.denominator(),
                    published.get(i), measure, suppress);
            rows.add(RowStatistics.compare(row, total, measure));
        }
        rows = withRatios(rows, counts, request, suppress);
        rows = named(rows, request.by());
        BreakdownResult.Inequality inequality = request.by().isDeprivation() && request.by2() == null
                ? inequality(measure.rareEvent() && suppress ? trueRows(counts, measure) : rows, measure) : null;
        BreakdownResult.DataQuality quality = from == null ? null : dataQuality(request, counts, from, to);
        return new BreakdownResult(measure.id(), request.by().id(),
                request.by2() == null ? null : request.by2().id(), from == null ? null : from.toString(),
                to == null ? null : to.toString(), suppress, measure.unit(), query.imdVintage(), total, rows,
                inequality, quality);
    }

    /** Rows of a coded area carry its name from the reference files (none for "Unknown" or an unnamed code). */
    private List<BreakdownResult.Row> named(List<BreakdownResult.Row> rows, Dimension by) {
        if (!AreaNames.isNamed(by)) {
            return rows;
        }
        Map<String, String> names = areaNames.names(by);
        return rows.stream().map(r -> names.containsKey(r.group()) ? r.withGroupName(names.get(r.group())) : r)
                .toList();
    }

    /** Code → name of a coded area dimension (local authority, LSOA, PCN, GP practice); empty for the others. */
    public Map<String, String> names(Dimension dimension) {
        return areaNames.names(dimension);
    }

    /** Dimensions whose groups are checked one by one: the ones data quality is managed by. */
    private static final java.util.Set<Dimension> PER_GROUP_GATES = java.util.EnumSet.of(Dimension.TEAM,
            Dimension.BOOKING_SITE, Dimension.PROVIDER);

    /** The quality gates of the measure for the selection and, for team/site/provider rows, for each group. */
    private BreakdownResult.DataQuality dataQuality(BreakdownRequest request, List<GroupCount> counts, YearMonth from,
            YearMonth to) {
        Map<Dimension, String> filters = new java.util.EnumMap<>(Dimension.class);
        request.filters().forEach((d, values) -> {
            if (values.size() == 1) {
                filters.put(d, values.get(0));
            }
        });
        List<Dimension> dimensions = request.by2() == null ? List.of(request.by()) : List.of(request.by(), request.by2());
        Period period = Period.of(from, to);
        List<BreakdownResult.GateFailure> failures = new ArrayList<>();
        failures(null, quality.evaluate(request.measureId(), dimensions, filters, period), failures);
        if (PER_GROUP_GATES.contains(request.by())) {
            counts.stream().map(GroupCount::group).distinct().forEach(group -> {
                Map<Dimension, String> groupFilters = new java.util.EnumMap<>(filters);
                groupFilters.put(request.by(), group);
                failures(group, quality.evaluate(request.measureId(), dimensions, groupFilters, period), failures);
            });
        }
        return new BreakdownResult.DataQuality(failures.isEmpty(), List.copyOf(failures));
    }

    private static void failures(String group, GateResult result, List<BreakdownResult.GateFailure> out) {
        result.checks().stream().filter(c -> !c.passed()).forEach(c -> out.add(new BreakdownResult.GateFailure(group,
                c.item().id(), c.validPercent(), c.minValidPercent())));
    }

    /** Hides one more row when exactly one is hidden, so it cannot be recovered from the total. */
    private static List<RowStatistics.Published> secondarySuppression(List<GroupCount> counts,
            List<RowStatistics.Published> published) {
        List<DisclosureControl.Cell> cells = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            cells.add(new DisclosureControl.Cell(String.valueOf(i), counts.get(i).numerator(), published.get(i).hidden()));
        }
        long total = counts.stream().mapToLong(GroupCount::numerator).sum();
        DisclosureControl.Suppressed result = DisclosureControl.suppress(cells,
                new DisclosureControl.Cell("total", total, DisclosureControl.isPrimarySuppressed(total)));
        List<RowStatistics.Published> out = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            RowStatistics.Published p = published.get(i);
            out.add(new RowStatistics.Published(p.numerator(), p.denominator(), result.rows().get(i).suppressed()));
        }
        return out;
    }

    private static List<BreakdownResult.Row> withRatios(List<BreakdownResult.Row> rows, List<GroupCount> counts,
            BreakdownRequest request, boolean suppress) {
        if (request.reference() == null) {
            return rows;
        }
        List<GroupCount> references = counts.stream().filter(c -> c.group().equals(request.reference())).toList();
        if (references.isEmpty()) {
            throw new BadRequestException("Parameter 'reference': no group '" + request.reference() + "' in "
                    + request.by().id() + " for this measure and period");
        }
        List<BreakdownResult.Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BreakdownResult.Row row = rows.get(i);
            GroupCount c = counts.get(i);
            GroupCount ref = references.stream().filter(r -> Objects.equals(r.group2(), c.group2())).findFirst()
                    .orElse(null);
            if (c == ref) {
                out.add(RowStatistics.asReference(row));
                continue;
            }
            if (row.value() == null || ref == null) {
                out.add(row);
                continue;
            }
            // Ratios use the same counts as the values: rounded when suppressed.
            double x = suppress ? DisclosureControl.roundCount(c.numerator()) : c.numerator();
            double n = suppress ? DisclosureControl.roundCount(c.denominator()) : c.denominator();
            double rx = suppress ? DisclosureControl.roundCount(ref.numerator()) : ref.numerator();
            double rn = suppress ? DisclosureControl.roundCount(ref.denominator()) : ref.denominator();
            try {
                out.add(RowStatistics.withRatio(row, Ratios.proportionRatio(x, n, rx, rn, 0.95)));
            } catch (InvalidInputException e) {
                out.add(row); // a zero count: the ratio is undefined
            }
        }
        return out;
    }

    /**
     * Rows from the true counts, for the SII of a rare outcome under suppression: its quantiles are often hidden
     * (1–7 events), yet the SII over all of them discloses no single count. Only the SII is published; the rows
     * stay hidden.
     */
    private static List<BreakdownResult.Row> trueRows(List<GroupCount> counts, Measure measure) {
        return counts.stream().map(c -> RowStatistics.row(c.group(), c.group2(), c.numerator(), c.denominator(),
                RowStatistics.publish(c.numerator(), c.denominator(), false), measure, false)).toList();
    }

    /** PHE SII over the deprivation quantiles (1 = most deprived); null unless every quantile has a value. */
    private static BreakdownResult.Inequality inequality(List<BreakdownResult.Row> rows, Measure measure) {
        List<SiiInput.Quantile> quantiles = new ArrayList<>();
        for (BreakdownResult.Row row : rows) {
            if (row.group().equals("Unknown")) {
                continue;
            }
            if (row.value() == null || row.denominator() == null || row.denominator() == 0) {
                return null;
            }
            double m = measure.multiplier();
            quantiles.add(new SiiInput.Quantile(Integer.parseInt(row.group()), row.denominator(), row.value() / m,
                    row.lower95() / m, row.upper95() / m, null));
        }
        if (quantiles.size() < 5) {
            return null;
        }
        try {
            SiiResult r = SlopeIndex.calculate(new SiiInput(SiiInput.ValueType.PROPORTION, false, measure.multiplier(),
                    0.95, SII_REPETITIONS, quantiles), new SplittableRandom(SII_SEED));
            return new BreakdownResult.Inequality(r.sii(), r.siiLower(), r.siiUpper(), r.rii(), r.riiLower(),
                    r.riiUpper());
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** Groups in the dimension's display order (fixed lists first, then the rest by name; deciles by number). */
    private static List<GroupCount> sorted(List<GroupCount> counts, Dimension by, Dimension by2) {
        Comparator<String> first = order(by);
        Comparator<String> second = by2 == null ? Comparator.nullsFirst(Comparator.naturalOrder()) : order(by2);
        return counts.stream().sorted(Comparator.comparing(GroupCount::group, first)
                .thenComparing(GroupCount::group2, Comparator.nullsFirst(second))).toList();
    }

    private static Comparator<String> order(Dimension dimension) {
        Map<String, Integer> fixed = new LinkedHashMap<>();
        for (String v : dimension.fixedValues()) {
            fixed.put(v, fixed.size());
        }
        return Comparator.comparing((String v) -> fixed.getOrDefault(v, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }
}
