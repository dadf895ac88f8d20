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
import org.perinatalequity.export.ArrowExport;
import org.perinatalequity.export.CsvExport;
import org.perinatalequity.quality.GateResult;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityService;
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
    private final ArrowExport arrow;
    private final AuditService audit;
    private final QualityService quality;
    private final AccessPolicy policy;

    BreakdownService(MeasureCatalogue catalogue, MeasureFacts facts, BreakdownQuery query, ArrowExport arrow,
            AuditService audit, QualityService quality, AccessPolicy policy, CompletePeriods completePeriods) {
        this.audit = audit;
        this.policy = policy;
        this.quality = quality;
        this.catalogue = catalogue;
        this.facts = facts;
        this.query = query;
        this.arrow = arrow;
        this.cache = new ResultCache<>(500);
        this.trends = new TrendCalculator(query, completePeriods);
    }

    public List<Measure> measures() {
        return catalogue.all();
    }

    public Measure measure(String id) {
        return catalogue.find(id).orElseThrow(() -> new MeasureNotFoundException(id));
    }

    /** The values of a dimension: its fixed list, or the values present in the data. */
    public List<String> dimensionValues(Dimension dimension) {
        return dimension.fixedValues().isEmpty() ? query.values(dimension) : dimension.fixedValues();
    }

    /** Writes a result as CSV (formula injection neutralised), the LMNS total first. */
    public void writeCsv(BreakdownResult result, Writer out) {
        audited(result, "CSV");
        CsvExport.write(BreakdownTables.of(result), out);
    }

    /** Writes a result as an Arrow IPC stream made by DuckDB's Arrow export. */
    public void writeArrow(BreakdownResult result, OutputStream out) throws IOException {
        audited(result, "Arrow");
        arrow.write(BreakdownTables.of(result), out);
    }

    /**
     * The chart of a breakdown: a heat map for two dimensions, otherwise dots with 95% whiskers against the LMNS
     * line (and the target).
     */
    public ChartImage chart(BreakdownResult result) {
        return chart(result, result.by2() != null ? ChartKind.HEAT_MAP : ChartKind.DOTS);
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

    /** Every export is audited: who took which aggregate, suppressed or not. */
    public void audited(BreakdownResult result, String format) {
        audit.recordExport("breakdown:" + result.measure(), format + " by " + result.by()
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

    public TrendResult trend(String measureId, Dimension period, Map<Dimension, List<String>> filters,
            boolean asked) {
        boolean suppress = asked || !maySeeUnsuppressed();
        Measure measure = measure(measureId);
        if (period != Dimension.MONTH && period != Dimension.QUARTER && period != Dimension.FINANCIAL_YEAR) {
            throw new BadRequestException("Parameter 'by': a trend is by month, quarter or financial_year, not '"
                    + period.id() + "'");
        }
        return trendCache.get(dataVersion(), new TrendKey(measureId, period, Map.copyOf(filters), suppress),
                () -> trends.trend(measure, period, filters, suppress));
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
            boolean suppress) {
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
        BreakdownResult.Inequality inequality = request.by().isDeprivation() && request.by2() == null
                ? inequality(rows, measure) : null;
        BreakdownResult.DataQuality quality = from == null ? null : dataQuality(request, counts, from, to);
        return new BreakdownResult(measure.id(), request.by().id(),
                request.by2() == null ? null : request.by2().id(), from == null ? null : from.toString(),
                to == null ? null : to.toString(), suppress, measure.unit(), query.imdVintage(), total, rows,
                inequality, quality);
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
