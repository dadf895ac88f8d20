package org.perinatalequity.quality;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.perinatalequity.export.Exports;
import org.perinatalequity.measures.CompletePeriods;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.stats.DisclosureControl;
import org.perinatalequity.system.ReadSnapshot;

import org.springframework.stereotype.Service;

/**
 * Data quality of the MSDS items equity analysis depends on (docs/data-quality.md): valid, default, invalid and
 * missing counts by any dimension; the gates that flag an outcome as "data quality below threshold"; a community
 * team's worklist of records to fix; and escalations of teams and sites below threshold month after month.
 *
 * <p>Callers decide who is asking: {@code suppress} applies the NHS disclosure rule to counts (the board must always
 * get {@code true}), and {@link TeamAccess} says whose worklists the caller may see.
 */
@Service
public class QualityService {

    private final QualityQuery query;
    private final Exports exports;
    private final QualityGates gates;
    private final Map<QualityItem, Double> thresholds;
    private final int escalationMonths;
    private final CompletePeriods completePeriods;
    private final QualityAccess audit;
    private final ReadSnapshot snapshot;

    /** Notes are for a word to the team, not case notes. */
    static final int MAX_NOTE = 500;

    QualityService(QualityQuery query, QualityGates gates, QualitySettings settings, CompletePeriods completePeriods,
            QualityAccess audit, Exports exports, ReadSnapshot snapshot) {
        this.query = query;
        this.snapshot = snapshot;
        this.exports = exports;
        this.gates = gates;
        this.completePeriods = completePeriods;
        this.audit = audit;
        this.thresholds = settings.thresholdsByItem();
        this.escalationMonths = settings.escalationMonths();
    }

    /**
     * Counts per group of {@code by} and item (all items when {@code item} is empty), in item order within each group.
     *
     * @param filters dimension = value conditions every counted record meets
     * @param suppress round counts as the NHS publishes them (0 stays 0, 1–7 become 5, others to the nearest 5)
     */
    /** Changes whenever the data-quality items are rebuilt (after each load, just after the measure facts). */
    public long version() {
        return query.version();
    }

    public List<QualityCount> counts(Dimension by, Optional<QualityItem> item, Period period,
            Map<Dimension, String> filters, boolean suppress) {
        return finish(query.countBy(Optional.of(by), item, period, filters), suppress);
    }

    /** Counts per item over every record that meets the filters (the LMNS when there are none); group "All". */
    public List<QualityCount> totals(Optional<QualityItem> item, Period period, Map<Dimension, String> filters,
            boolean suppress) {
        return finish(query.countBy(Optional.empty(), item, period, filters), suppress);
    }

    /**
     * The records a community team must fix: women of its cohort (the team's women booked in the period) with an
     * item missing, default, invalid or, for postcodes, not in the directory. Only items of the mother and her
     * booking: the baby's items are recorded by the birth unit. Ethnic category Z (asked, declined) is a valid answer
     * and is never listed; 99 and blanks are. Newest booking first, then woman and item.
     *
     * @throws WorklistAccessDeniedException when {@code access} does not allow the team
     * @throws IllegalArgumentException when {@code item} is an item of the baby
     */
    public List<WorklistRow> worklist(String team, Optional<QualityItem> item, Period period, TeamAccess access) {
        return worklist(team, new WorklistFilter(false, item, Optional.empty(), period, Optional.empty()), access);
    }

    /**
     * {@link #worklist(String, Optional, Period, TeamAccess)} with the page's filters: open pregnancies only (the
     * page's default), a problem, a status.
     */
    public List<WorklistRow> worklist(String team, WorklistFilter filter, TeamAccess access) {
        if (!access.allows(team)) {
            throw new WorklistAccessDeniedException(team);
        }
        if (filter.item().isPresent() && !isOnWorklists(filter.item().get())) {
            throw new IllegalArgumentException(filter.item().get().id() + " is recorded at birth and is not on"
                    + " community team worklists");
        }
        return query.findWorklist(team, filter.item(), filter.period(), filter.openOnly()).stream()
                .filter(r -> filter.problem().map(p -> p == r.problem()).orElse(true))
                .filter(r -> filter.status().map(st -> st == r.status()).orElse(true))
                .sorted(Comparator.comparing(WorklistRow::bookingDate).reversed()
                        .thenComparing(WorklistRow::localPatientId).thenComparing(WorklistRow::item))
                .toList();
    }

    /**
     * Records what a team says about one record's item (to fix, fixed, cannot fix, with a note) and audits it. The
     * status is the team's, kept apart from the loaded data, so it survives reloading the same extract; the row stays
     * on the worklist until a load shows the item valid.
     *
     * @return the row with its new status
     * @throws WorklistAccessDeniedException when {@code access} does not allow the team
     * @throws UnknownWorklistRowException when the record and item are not on the team's worklist
     */
    public WorklistRow setStatus(String team, String localPatientId, QualityItem item, WorklistStatus status,
            String note, TeamAccess access) {
        if (!access.allows(team)) {
            throw new WorklistAccessDeniedException(team);
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note: at most " + MAX_NOTE + " characters, not " + note.length());
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        Optional<WorklistRow> row = isOnWorklists(item) ? find(team, localPatientId, item) : Optional.empty();
        if (row.isEmpty()) {
            throw new UnknownWorklistRowException(team, localPatientId, item.id());
        }
        query.saveStatus(team, localPatientId, item, status, cleanNote, audit.userName());
        audit.worklistStatusChanged(team, localPatientId, item, status, cleanNote != null);
        return find(team, localPatientId, item).orElseThrow();
    }

    private Optional<WorklistRow> find(String team, String localPatientId, QualityItem item) {
        return query.findWorklist(team, Optional.of(item), Period.all(), false).stream()
                .filter(r -> r.localPatientId().equals(localPatientId)).findFirst();
    }

    /**
     * Whether an item can appear on a community team's worklist (items of the mother and of the booking; not the
     * mental-health linkage, which the mental health provider fixes).
     */
    public static boolean isOnWorklists(QualityItem item) {
        return item.cohort() != QualityItem.Cohort.BABIES_BORN && item.cohort() != QualityItem.Cohort.MENTAL_HEALTH_WOMEN;
    }

    /** The teams of the loaded data ("Unknown" for women without a care-plan team), sorted. */
    /** The values a filter on {@code dimension} may take: its fixed list, or those in the classified items. */
    public List<String> dimensionValues(Dimension dimension) {
        return dimension.fixedValues().isEmpty() ? query.findValues(dimension) : dimension.fixedValues();
    }

    public List<String> teams() {
        return query.findTeams();
    }

    /** The months that hold records, earliest first. */
    public List<YearMonth> months() {
        return query.findMonths();
    }

    /** The configured escalation threshold of each item that has one. */
    public Map<QualityItem, Double> thresholds() {
        return thresholds;
    }

    /** How many consecutive months below threshold escalate. */
    public int escalationMonths() {
        return escalationMonths;
    }

    /**
     * Every team and booking site below its item's threshold in its latest complete month, with since when: the run
     * of consecutive complete months below threshold that ends there. The run escalates ({@link
     * Escalation#escalated()}) when it is N months or longer (N = {@code equity.quality.escalation-months}). Only
     * complete months count: months inside every provider's reporting period ({@link CompletePeriods}) and not
     * {@link #sparseMonthForEscalation sparse}; a month that is incomplete, or in which the team or site has no
     * records of the item, is skipped: it neither extends nor ends the run, so a quiet or partial month neither
     * clears an escalation nor starts one. Runs end at the latest complete month up to {@code asOf}. Records without a
     * team or site ("Unknown") are not escalated, as there is no one to escalate to; they show on the overview
     * instead, and neither are teams or sites without records in the 12 months before the item's latest month (they
     * no longer book).
     */
    /** A team's worklist as the page's CSV, through the export route (audited as the API's worklist CSV is). */
    public byte[] worklistCsv(String team, WorklistFilter filter, TeamAccess access) {
        List<WorklistRow> rows = worklist(team, filter, access);
        return exports.csv(QualityCsv.worklistTable(rows), new Exports.Audit("worklist:" + team,
                "data-quality worklist CSV", rows.size()));
    }

    /** The escalation summary as CSV, through the export route (audited as the API's escalations CSV is). */
    public byte[] escalationsCsv(Optional<YearMonth> asOf, boolean suppress) {
        List<Escalation> rows = escalations(asOf, suppress);
        String month = asOf.map(YearMonth::toString).orElse(YearMonth.now().toString());
        return exports.csv(QualityCsv.escalationsTable(rows), new Exports.Audit("quality-escalations",
                "data-quality escalations CSV to " + month + (suppress ? ", suppressed" : ", NOT suppressed"),
                rows.size()));
    }

    public List<Escalation> escalations(Optional<YearMonth> asOf, boolean suppress) {
        // The counts and the months they cover (the submissions' periods) from one snapshot.
        return snapshot.read(() -> escalationsInOneVersion(asOf, suppress));
    }

    /**
     * Runs a page's several readings of this service in one data version ({@link ReadSnapshot}): the heat map, the
     * escalations and the months offered beside them never come from two refreshes.
     */
    public void inOneVersion(Runnable reading) {
        snapshot.run(reading);
    }

    private List<Escalation> escalationsInOneVersion(Optional<YearMonth> asOf, boolean suppress) {
        Period period = new Period(Optional.empty(), asOf);
        CompletePeriods.Coverage coverage = completePeriods.coverage();
        List<Escalation> out = new ArrayList<>();
        // One read for every level: teams and sites from the same data version.
        Map<Escalation.Level, List<MonthlyCount>> counts = new EnumMap<>(Escalation.Level.class);
        for (MonthlyCount m : query.countMonthly(period)) {
            counts.computeIfAbsent(m.level(), l -> new ArrayList<>()).add(m);
        }
        for (Escalation.Level level : Escalation.Level.values()) {
            Map<QualityItem, YearMonth> latest = new EnumMap<>(QualityItem.class);
            Map<List<Object>, TreeMap<YearMonth, MonthlyCount>> series = new LinkedHashMap<>();
            for (MonthlyCount m : counts.getOrDefault(level, List.of())) {
                if (!coverage.covers(m.month())) {
                    continue;
                }
                latest.merge(m.item(), m.month(), (x, y) -> x.isAfter(y) ? x : y);
                series.computeIfAbsent(List.of(m.group(), m.item()), k -> new TreeMap<>()).put(m.month(), m);
            }
            series.forEach((key, months) -> {
                QualityItem item = (QualityItem) key.get(1);
                Double threshold = thresholds.get(item);
                String group = (String) key.get(0);
                if (threshold == null || group.equals("Unknown")) {
                    return;
                }
                double median = median(months.values().stream().mapToLong(MonthlyCount::denominator).toArray());
                months.values().removeIf(m -> sparseMonthForEscalation(m.denominator(), median));
                if (months.isEmpty() || months.lastKey().isBefore(latest.get(item).minusMonths(12))) {
                    return; // nothing for a year: a team or site that no longer books, not one to escalate
                }
                int run = 0;
                YearMonth since = null;
                for (YearMonth m : months.descendingKeySet()) {
                    if (!below(months.get(m), threshold)) {
                        break;
                    }
                    run++;
                    since = m;
                }
                if (run > 0) {
                    YearMonth end = months.lastKey();
                    MonthlyCount last = months.get(end);
                    long valid = suppress ? DisclosureControl.roundCount(last.valid()) : last.valid();
                    long denominator = suppress ? DisclosureControl.roundCount(last.denominator()) : last.denominator();
                    out.add(new Escalation(level, group, item, threshold, run, since, end, valid, denominator,
                            run >= escalationMonths));
                }
            });
        }
        out.sort(Comparator.comparing(Escalation::escalated).reversed().thenComparing(Escalation::level)
                .thenComparing(Escalation::item).thenComparing(Comparator.comparingInt(Escalation::months).reversed())
                .thenComparing(Escalation::group));
        return List.copyOf(out);
    }

    /**
     * Whether a covered month of one team's or site's series is too sparse to judge: its denominator is under half the
     * series median, when that median is at least 20 (below 20 a month's count varies too much for the test to mean
     * anything). Such a month is usually truncated (records still to come) rather than a real fall in bookings. Kept
     * here, named for escalations, until CompletePeriods has the general rule for every series; then swap it for that.
     */
    static boolean sparseMonthForEscalation(long denominator, double seriesMedian) {
        return seriesMedian >= 20 && denominator < seriesMedian / 2;
    }

    static double median(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /**
     * The data-quality gate of an outcome measure for one group and period, for the breakdown API, the explorer and
     * the board: call it once per breakdown with the request's dimensions and filters; to flag single rows of a
     * breakdown by team, site or provider, use {@link #evaluateByGroup} (one query for every row). A measure
     * without gates (and breakdown dimensions without gates) passes with no checks.
     *
     * @param breakdown the dimensions the measure is broken down by (an ethnicity breakdown needs ethnic category, a
     *        deprivation one the postcode)
     * @param filters the group: dimension = value conditions
     */
    public GateResult evaluate(String measureId, Collection<Dimension> breakdown, Map<Dimension, String> filters,
            Period period) {
        List<QualityGates.Gate> needed = gates.gatesFor(measureId, breakdown);
        if (needed.isEmpty()) {
            return new GateResult(measureId, true, List.of());
        }
        return gateResult(measureId, needed, query.countBy(Optional.empty(), Optional.empty(), period, filters));
    }

    /**
     * {@link #evaluate(String, Collection, Map, Period)} for each group of {@code by} at once, in one grouped query:
     * the result for group g is the one {@code evaluate} gives with {@code by = g} added to the filters (any filter
     * on {@code by} itself is replaced by the group). Groups without records pass with no percentages.
     */
    public Map<String, GateResult> evaluateByGroup(String measureId, Collection<Dimension> breakdown,
            Map<Dimension, String> filters, Period period, Dimension by, Collection<String> groups) {
        List<QualityGates.Gate> needed = gates.gatesFor(measureId, breakdown);
        Map<String, List<QualityCount>> byGroup = new LinkedHashMap<>();
        if (!needed.isEmpty()) {
            Map<Dimension, String> others = new EnumMap<>(Dimension.class);
            others.putAll(filters);
            others.remove(by);
            for (QualityCount c : query.countBy(Optional.of(by), Optional.empty(), period, others)) {
                byGroup.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
            }
        }
        Map<String, GateResult> out = new LinkedHashMap<>();
        for (String group : groups) {
            out.put(group, needed.isEmpty() ? new GateResult(measureId, true, List.of())
                    : gateResult(measureId, needed, byGroup.getOrDefault(group, List.of())));
        }
        return out;
    }

    private static GateResult gateResult(String measureId, List<QualityGates.Gate> needed, List<QualityCount> found) {
        Map<QualityItem, QualityCount> counts = new EnumMap<>(QualityItem.class);
        Set<QualityItem> items = needed.stream().map(QualityGates.Gate::item).collect(
                Collectors.toCollection(() -> EnumSet.noneOf(QualityItem.class)));
        for (QualityCount c : found) {
            if (items.contains(c.item())) {
                counts.put(c.item(), c);
            }
        }
        List<GateResult.Check> checks = new ArrayList<>();
        for (QualityGates.Gate gate : needed) {
            QualityCount c = counts.get(gate.item());
            Double percent = c == null ? null : c.validPercent();
            boolean passed = percent == null || percent >= gate.minValidPercent();
            checks.add(new GateResult.Check(gate.item(), gate.minValidPercent(), percent, c == null ? 0 : c.valid(),
                    c == null ? 0 : c.denominator(), passed));
        }
        return new GateResult(measureId, checks.stream().allMatch(GateResult.Check::passed), checks);
    }

    /** One data-quality gate as configured: the item and the valid percentage it must reach. */
    public record GateRule(QualityItem item, double minValidPercent) {
    }

    /**
     * The gates of a measure as configured in {@code quality/gates.json}, with those a breakdown by the given
     * dimensions adds (each item once, its highest threshold), for the measure's definition.
     */
    public List<GateRule> gateRules(String measureId, Collection<Dimension> breakdown) {
        return gates.gatesFor(measureId, breakdown).stream().map(g -> new GateRule(g.item(), g.minValidPercent()))
                .toList();
    }

    /** {@link #evaluate(String, Collection, Map, Period)} for a measure that is not broken down. */
    public GateResult evaluate(String measureId, Map<Dimension, String> filters, Period period) {
        return evaluate(measureId, List.of(), filters, period);
    }

    private static boolean below(MonthlyCount month, double threshold) {
        return month.denominator() > 0 && 100.0 * month.valid() / month.denominator() < threshold;
    }

    private static List<QualityCount> finish(List<QualityCount> counts, boolean suppress) {
        return counts.stream().map(c -> suppress ? c.rounded() : c)
                .sorted(Comparator.comparing(QualityCount::group).thenComparing(QualityCount::item)).toList();
    }
}
