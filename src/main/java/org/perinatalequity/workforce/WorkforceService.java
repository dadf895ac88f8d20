package org.perinatalequity.workforce;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.security.Roles;
import org.perinatalequity.workforce.WorkforceData.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

/**
 * Workforce race equality (docs/workforce.md): the WRES indicators of a year from whichever layout each organisation
 * sent, with small counts suppressed for every caller; and, for the WORKFORCE role only, the staff-level list behind
 * them (pseudonymised ids), every view of it audited.
 */
@Service
public class WorkforceService {

    /** The births measure whose denominator is the community served (births by the mother's ethnic group). */
    static final String BIRTHS_MEASURE = "stillbirth";

    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Logger LOG = LoggerFactory.getLogger(WorkforceService.class);

    private final WorkforceQuery query;
    private final WorkforceSettings settings;
    private final BreakdownService breakdowns;
    private final AccessPolicy policy;
    private final AuditService audit;

    WorkforceService(WorkforceQuery query, WorkforceSettings settings, BreakdownService breakdowns,
            AccessPolicy policy, AuditService audit) {
        this.query = query;
        this.settings = settings;
        this.breakdowns = breakdowns;
        this.policy = policy;
        this.audit = audit;
    }

    /** The WRES years loaded, oldest first (SYSTEM: the first-start sample loader asks). */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM, Roles.WORKFORCE, Roles.SYSTEM })
    public List<String> years() {
        return query.years();
    }

    /**
     * The years the Representation page offers: those with workforce data and those with births (the partnership's
     * members are compared with births whether or not workforce data is loaded), oldest first.
     */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM, Roles.WORKFORCE })
    public List<String> representationYears() {
        java.util.TreeSet<String> years = new java.util.TreeSet<>(query.years());
        years.addAll(query.birthYears());
        return List.copyOf(years);
    }

    public WorkforceSettings settings() {
        return settings;
    }

    /**
     * Checks a year parameter: {@code YYYY-YY} with the second year following the first ({@code 2024-25}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static String checkYear(String year) {
        Matcher m = YEAR.matcher(year == null ? "" : year.strip());
        if (!m.matches() || (Integer.parseInt(m.group(1)) + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException("Parameter 'year': '" + year + "' is not a WRES year (YYYY-YY, April to"
                    + " March, e.g. 2024-25)");
        }
        return m.group();
    }

    /** The nine indicators of a year; empty when no organisation sent workforce data for it. */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM, Roles.WORKFORCE })
    public Optional<WresYear> wres(String year) {
        String checked = checkYear(year);
        if (!query.years().contains(checked)) {
            return Optional.empty();
        }
        return Optional.of(new WresYear(checked, WresCalculator.of(settings).indicators(cells(load(checked)))));
    }

    /** Each indicator's answer for every loaded year (the year-on-year trend), oldest first. */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM, Roles.WORKFORCE })
    public Map<String, WresYear> trend() {
        Map<String, WresYear> byYear = new LinkedHashMap<>();
        WresCalculator calculator = WresCalculator.of(settings);
        for (String year : query.years()) {
            byYear.put(year, new WresYear(year, calculator.indicators(cells(load(year)))));
        }
        return byYear;
    }

    /** The page's figures for a year; empty when nothing is loaded for it. */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM, Roles.WORKFORCE })
    public Optional<WorkforceEquality> equality(String year) {
        String checked = checkYear(year);
        if (!query.years().contains(checked)) {
            return Optional.empty();
        }
        WorkforceData data = load(checked);
        List<WresCell> cells = cells(data);
        WresCalculator calculator = WresCalculator.of(settings);
        List<WresIndicator> indicators = calculator.indicators(cells);
        Double workforceBme = indicators.get(0).bme().value();
        return Optional.of(new WorkforceEquality(new WresYear(checked, indicators), calculator.bands(cells),
                workforceBme, communityBmePercent(checked), StaffLevel.culturalCompetency(data, settings),
                data.staff().isEmpty() ? List.of() : StaffLevel.leadership(data, settings), settings.equitableLower(),
                settings.equitableUpper(), settings.culturalCompetencyTarget(), !data.staff().isEmpty()));
    }

    /**
     * The staff-level list of a year (pseudonymised ids, ethnic group, band, staff group, in post at the snapshot):
     * HR data, for the WORKFORCE role only; every view is audited.
     */
    @RolesAllowed(Roles.WORKFORCE)
    public List<StaffRow> staff(String year) {
        policy.requireRole(Roles.WORKFORCE);
        String checked = checkYear(year);
        List<StaffRow> rows = new ArrayList<>();
        for (StaffMember s : query.year(checked, settings).staff()) {
            rows.add(new StaffRow(s.provider(), s.staffId(), WresGroup.ofCategory(s.ethnicCategory()).label(),
                    s.band(), s.staffGroup(), s.inPost()));
        }
        audit.recordView("workforce staff " + checked, "staff-level workforce list, WRES year " + checked, rows.size());
        return rows;
    }

    /** One member of staff of the staff-level list. */
    public record StaffRow(String organisation, String staffPseudonym, String ethnicGroup, @Nullable String band,
            @Nullable String staffGroup, boolean inPost) {
    }

    private WorkforceData load(String year) {
        return query.year(year, settings);
    }

    private static List<WresCell> cells(WorkforceData data) {
        List<WresCell> cells = new ArrayList<>(StaffLevel.cells(data));
        cells.addAll(data.aggregate());
        return cells;
    }

    /** The five ethnic groups of known ethnicity, as the ethnic_group dimension names them. */
    static final List<String> GROUPS = List.of("White", "Mixed", "Asian or Asian British", "Black or Black British",
            "Any other ethnic group");

    /**
     * Staff in post and the board's voting members against births by ethnic group over the same April to March
     * (staff-level data only; empty without births or staff records): the Workforce equality page's section.
     */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM, Roles.WORKFORCE })
    public List<RepresentationRow> representation(String year) {
        String checked = checkYear(year);
        if (!query.years().contains(checked)) {
            return List.of();
        }
        RepresentationReport report = representation(checked,
                List.of(RepresentationGroup.STAFF, RepresentationGroup.BOARD));
        return report.births() == null ? List.of()
                : report.groups().stream().filter(r -> r.members() == null || r.members() > 0).toList();
    }

    /**
     * Each group asked for against births by ethnic group over the WRES year (docs/workforce.md, "Representation"):
     * staff in post and the board's voting members at the year's end (staff-level data), and the Maternity Voices
     * Partnership's members on that day. The same method for every group ({@code stats/Representation}); for every
     * role but WORKFORCE a group with a category of 1 to {@code suppress-below − 1} people is hidden whole.
     */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM, Roles.WORKFORCE })
    public RepresentationReport representation(String year, List<RepresentationGroup> groups) {
        String checked = checkYear(year);
        double[] births = births(checked);
        boolean hide = !policy.hasRole(Roles.WORKFORCE);
        WorkforceData data = query.years().contains(checked) ? load(checked) : null;
        List<RepresentationRow> rows = new ArrayList<>();
        for (RepresentationGroup g : groups) {
            List<String> categories = switch (g) {
                case STAFF -> data == null ? List.of() : data.staff().stream()
                        .filter(WorkforceData.StaffMember::inPost).map(WorkforceData.StaffMember::ethnicCategory)
                        .toList();
                case BOARD -> data == null ? List.of() : data.board().stream()
                        .filter(WorkforceData.BoardMember::voting).map(WorkforceData.BoardMember::ethnicCategory)
                        .toList();
                case MVP -> query.mvpMembers(yearEnd(checked));
            };
            rows.add(representation(g, categories, births, hide ? settings.suppressBelow() : 1));
        }
        Double total = null;
        if (births != null) {
            total = 0.0;
            for (double b : births) {
                total += b;
            }
        }
        return new RepresentationReport(checked, total, rows);
    }

    /** The last day of a WRES year (31 March): the snapshot of staff in post and of the partnership's members. */
    static java.time.LocalDate yearEnd(String year) {
        return java.time.LocalDate.of(Integer.parseInt(year.substring(0, 4)) + 1, 3, 31);
    }

    /**
     * One group's counts by ethnic group against the births' shares; {@code suppressBelow} 1 hides nothing. Pure
     * arithmetic over the counts (unit-tested with hand-worked numbers).
     */
    static RepresentationRow representation(RepresentationGroup g, List<@Nullable String> categories,
            double @Nullable [] births, int suppressBelow) {
        double[] counts = new double[GROUPS.size()];
        double notKnown = 0;
        for (String c : categories) {
            if (!add(counts, c)) {
                notKnown++;
            }
        }
        double n = 0;
        boolean hidden = false;
        for (double c : counts) {
            n += c;
            hidden |= c > 0 && c < suppressBelow;
        }
        Double unknown = notKnown > 0 && notKnown < suppressBelow ? null : notKnown;
        if (n == 0 || births == null) {
            return new RepresentationRow(g.id(), g.label(), hidden ? null : n, unknown, List.of(), null, null, hidden);
        }
        if (hidden) {
            return new RepresentationRow(g.id(), g.label(), null, unknown, List.of(), null, null, true);
        }
        double total = 0;
        for (double b : births) {
            total += b;
        }
        double[] shares = new double[births.length];
        for (int i = 0; i < births.length; i++) {
            shares[i] = births[i] / total;
        }
        org.perinatalequity.stats.Representation r = org.perinatalequity.stats.Representation.of(counts, shares, 0.95);
        List<RepresentationRow.Share> result = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            org.perinatalequity.stats.Representation.Category c = r.categories().get(i);
            result.add(new RepresentationRow.Share(GROUPS.get(i), 100 * c.share(), 100 * c.lower(), 100 * c.upper(),
                    100 * shares[i], c.ratio(), c.gap()));
        }
        return new RepresentationRow(g.id(), g.label(), n, unknown, result, r.test(), r.pValue(), false);
    }

    /** Adds one person of known ethnicity to her ethnic group's count; false when her ethnicity is not known. */
    static boolean add(double[] counts, @Nullable String category) {
        String c = category == null ? "" : category.strip();
        int i = switch (c) {
            case "A", "B", "C" -> 0;
            case "D", "E", "F", "G" -> 1;
            case "H", "J", "K", "L" -> 2;
            case "M", "N", "P" -> 3;
            case "R", "S" -> 4;
            default -> -1;
        };
        if (i >= 0) {
            counts[i]++;
        }
        return i >= 0;
    }

    /**
     * The BME percentage of births of known ethnicity over the WRES year (April to March) from MSDS, through the
     * breakdown service (suppressed, as any caller sees it); null when no maternity data covers it.
     */
    private @Nullable Double communityBmePercent(String year) {
        double[] births = births(year);
        if (births == null) {
            return null;
        }
        double known = 0;
        for (double b : births) {
            known += b;
        }
        return 100 * (known - births[0]) / known;
    }

    /** Births by the five ethnic groups of known ethnicity over the WRES year; null when none are loaded. */
    private double @Nullable [] births(String year) {
        int first = Integer.parseInt(year.substring(0, 4));
        try {
            BreakdownResult result = breakdowns.breakdown(new BreakdownRequest(BIRTHS_MEASURE, Dimension.ETHNIC_GROUP,
                    null, YearMonth.of(first, 4), YearMonth.of(first + 1, 3), Map.of(), true, null));
            double[] births = new double[GROUPS.size()];
            double known = 0;
            for (BreakdownResult.Row row : result.rows()) {
                int i = GROUPS.indexOf(row.group());
                // Not stated, not known and missing are not a known ethnicity; a hidden denominator is left out.
                if (i >= 0 && row.denominator() != null) {
                    births[i] += row.denominator();
                    known += row.denominator();
                }
            }
            for (double b : births) {
                if (b == 0) {
                    // Every group needs a share above 0 for the comparison (stats/Representation).
                    return null;
                }
            }
            return known == 0 ? null : births;
        } catch (RuntimeException e) {
            // No maternity data for the year (or none at all): the comparison is left out, the rest still answers.
            LOG.debug("No births by ethnic group for {}: {}", year, e.getMessage());
            return null;
        }
    }
}
