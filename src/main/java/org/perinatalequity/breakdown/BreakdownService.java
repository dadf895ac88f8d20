package org.perinatalequity.breakdown;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.perinatalequity.breakdown.query.AgeBandQuery;
import org.perinatalequity.breakdown.query.BreakdownQuery;
import org.perinatalequity.breakdown.query.GroupCount;
import org.perinatalequity.export.Exports;
import org.perinatalequity.measures.CompletePeriods;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.measures.MeasureCatalogue;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.reference.AreaNames;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefreshed;
import org.perinatalequity.security.Roles;

import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.perinatalequity.system.ReadSnapshot;

import org.springframework.stereotype.Service;

/**
 * The read façade of breakdowns and trends: who may see unsuppressed figures, the caches (per data version) and the
 * audit of every export. The statistics are {@link BreakdownCalculator}'s and {@link TrendCalculator}'s, the
 * data-quality reading {@link BreakdownGates}'s, the charts {@link BreakdownCharts}'.
 */
@Service
public class BreakdownService {

    private final MeasureCatalogue catalogue;
    private final DataVersion dataVersion;
    private final BreakdownQuery query;
    private final ResultCache<BreakdownRequest, BreakdownResult> cache = new ResultCache<>(500);
    private final ResultCache<TrendKey, TrendResult> trendCache = new ResultCache<>(500);
    private final TrendCalculator trends;
    private final BreakdownGates gates;
    private final Exports exports;
    private final AuditService audit;
    private final QualityService quality;
    private final AccessPolicy policy;
    /** The months each measure's charts are rebased at, from {@code equity.spc.rebase.<measureId>=YYYY-MM[,…]}. */
    private final Map<String, List<YearMonth>> rebaseSettings;
    private final AreaNames areaNames;
    private final AgeAdjustment ageAdjustment;
    private final ReadSnapshot snapshot;

    BreakdownService(MeasureCatalogue catalogue, DataVersion dataVersion, BreakdownQuery query, Exports exports,
            AuditService audit, QualityService quality, AccessPolicy policy, CompletePeriods completePeriods,
            AreaNames areaNames, Environment environment, AgeBandQuery ageBands, ReadSnapshot snapshot) {
        this.ageAdjustment = new AgeAdjustment(ageBands);
        this.snapshot = snapshot;
        this.rebaseSettings = RebaseSettings.read(catalogue.all(), environment);
        this.areaNames = areaNames;
        this.audit = audit;
        this.policy = policy;
        this.quality = quality;
        this.catalogue = catalogue;
        this.dataVersion = dataVersion;
        this.query = query;
        this.exports = exports;
        this.trends = new TrendCalculator(query, completePeriods);
        this.gates = new BreakdownGates(quality);
    }

    public List<Measure> measures() {
        return catalogue.all();
    }

    public Measure measure(String id) {
        return catalogue.find(id).orElseThrow(() -> new MeasureNotFoundException(id));
    }

    /** The data-quality gates a measure broken down by {@code breakdown} is checked against (its definition). */
    public List<QualityService.GateRule> gates(String measureId, Collection<Dimension> breakdown) {
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
        BreakdownRequest request = asked.suppress() || maySeeUnsuppressed() ? asked : asked.suppressed();
        // The range, the counts, the gates and the area names from one snapshot, cached under its version.
        return snapshot.read(() -> cache.get(dataVersion(), request, () -> compute(request)));
    }

    /**
     * Runs several readings of breakdowns and trends in one data version ({@link ReadSnapshot}): a board card's
     * trends and breakdowns, or a page's, never come from two refreshes.
     */
    public <T> T inOneVersion(Supplier<T> reading) {
        return snapshot.read(reading);
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
        List<GroupCount> counts = query.count(measure.id(), dimensions.get(0),
                dimensions.size() > 1 ? dimensions.get(1) : null, from.atDay(1), to.atEndOfMonth(), Map.of());
        return BreakdownCalculator.cohortRow(measure, counts, cohort.any().get(dimensions.get(0).id()),
                dimensions.size() > 1 ? cohort.any().get(dimensions.get(1).id()) : List.of(), suppress);
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
        TrendSpec.Options options = spec.resolve(measure, period, rebaseSettings.getOrDefault(measureId, List.of()));
        return snapshot.read(() -> trendCache.get(dataVersion(), new TrendKey(measureId, period, Map.copyOf(filters),
                suppress, options), () -> trends.trend(measure, period, filters, suppress, options.chart(),
                        options.rollingMonths(), options.rebase(), dataVersion())));
    }

    /**
     * One trend per group of {@code by} (its groups in their usual order), over the same periods: how a gap has moved.
     * The groups' own filters are added to {@code filters}.
     */
    public Map<String, TrendResult> trendsByGroup(String measureId, Dimension period, Dimension by,
            Map<Dimension, List<String>> filters, boolean suppress) {
        return snapshot.read(() -> {
            Map<String, TrendResult> trends = new LinkedHashMap<>();
            for (String group : dimensionValues(by)) {
                Map<Dimension, List<String>> narrowed = new LinkedHashMap<>(filters);
                narrowed.put(by, List.of(group));
                trends.put(group, trend(measureId, period, narrowed, suppress));
            }
            return trends;
        });
    }

    /** Results rest on the derived data (measure facts, quality items): one version for both. */
    private long dataVersion() {
        return dataVersion.current();
    }

    /**
     * A refresh makes every cached result stale: forget them now rather than at the next read, keeping what the
     * board warm-up (which follows the same event) may already have computed for the new version.
     */
    @EventListener
    void refreshed(DerivedDataRefreshed event) {
        cache.moveTo(event.version());
        trendCache.moveTo(event.version());
    }

    private boolean maySeeUnsuppressed() {
        return policy.mayDisableSuppression() || policy.hasRole(Roles.SYSTEM);
    }

    /** The board and the action plan ask for the same trends on every visit; like breakdowns, they keep per version. */
    private record TrendKey(String measureId, Dimension period, Map<Dimension, List<String>> filters,
            boolean suppress, TrendSpec.Options options) {
    }

    private BreakdownResult compute(BreakdownRequest request) {
        Measure measure = measure(request.measureId());
        if (request.adjust() != null && request.reference() != null) {
            throw new InvalidRequestException("Parameters 'adjust' and 'reference' cannot be combined: with adjust="
                    + request.adjust().id() + " each row's ratio is its standardised ratio (observed ÷ expected)");
        }
        if (request.adjust() != null && measure.counts() == Measure.Counting.WOMEN) {
            // Its rows are contacts and births of one woman on different dates, with no maternal age on the
            // contacts: a woman has no single band to be expected in, so an adjusted value would be invented.
            throw new InvalidRequestException("Parameter 'adjust': " + measure.id() + " counts women, not events;"
                    + " adjust=" + request.adjust().id() + " is available for measures that count events");
        }
        YearMonth[] range = query.range(measure.id()).orElse(null);
        YearMonth from = request.from() != null ? request.from() : range == null ? null : range[0];
        YearMonth to = request.to() != null ? request.to() : range == null ? null : range[1];
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("Parameters 'from' and 'to': " + from + " is after " + to);
        }
        List<GroupCount> counts = from == null ? List.of()
                : query.count(measure.id(), request.by(), request.by2(), from.atDay(1), to.atEndOfMonth(),
                        request.filters());
        GroupCount womenTotal = from == null ? null
                : query.womenTotal(measure.id(), from.atDay(1), to.atEndOfMonth(), request.filters()).orElse(null);
        BreakdownCalculator.Rows calculated = BreakdownCalculator.calculate(measure, request.by(), request.by2(),
                counts, womenTotal, request.suppress(), request.reference());
        List<BreakdownResult.Row> rows = named(calculated.rows(), request.by());
        BreakdownResult.Row total = calculated.total();
        if (request.adjust() != null) {
            AgeAdjustment.Adjusted adjusted = ageAdjustment.adjust(measure, request, from, to, total, rows);
            total = adjusted.total();
            rows = adjusted.rows();
        }
        BreakdownResult.DataQuality quality = from == null ? null
                : gates.dataQuality(request, rows.stream().map(BreakdownResult.Row::group).distinct().toList(),
                        Period.of(from, to));
        return new BreakdownResult(measure.id(), request.by().id(),
                request.by2() == null ? null : request.by2().id(), from == null ? null : from.toString(),
                to == null ? null : to.toString(), request.suppress(), measure.unit(), query.imdVintage(),
                total, rows, calculated.inequality(), quality);
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
}
