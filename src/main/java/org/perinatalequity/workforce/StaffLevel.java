package org.perinatalequity.workforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.perinatalequity.workforce.WorkforceData.StaffEvent;
import org.perinatalequity.workforce.WorkforceData.StaffMember;

/**
 * Counts the staff-level files into the WRES cells the aggregate return carries (docs/workforce.md), so both layouts
 * give the same indicators through one {@link WresCalculator}:
 * <ul>
 * <li>1: staff in post at the snapshot (the period's end) by ethnic group and band;</li>
 * <li>2: appointed ÷ shortlisted applications dated in the year, by the applicant's ethnic category (the staff
 * record's when the event has none);</li>
 * <li>3: staff with at least one entry into a formal disciplinary investigation in the year ÷ headcount at the
 * snapshot;</li>
 * <li>4: staff in post with at least one non-mandatory training or CPD record in the year ÷ headcount;</li>
 * <li>5–8: the survey's percentage × respondents ÷ respondents;</li>
 * <li>9: voting board members.</li>
 * </ul>
 * A person's ethnic group is the staff record's for staff events; events of people with no staff record (applicants)
 * use their own.
 */
final class StaffLevel {

    private StaffLevel() {
    }

    static List<WresCell> cells(WorkforceData data) {
        Map<String, StaffMember> staff = new HashMap<>();
        data.staff().forEach(s -> staff.put(key(s.provider(), s.staffId()), s));
        List<WresCell> cells = new ArrayList<>();
        double[] headcount = new double[3];
        for (StaffMember s : data.staff()) {
            if (s.inPost()) {
                WresGroup g = WresGroup.ofCategory(s.ethnicCategory());
                cells.add(new WresCell(1, g, s.band() == null ? "OTHER" : s.band(), 1, null));
                headcount[g.ordinal()]++;
            }
        }
        double[] shortlisted = new double[3];
        double[] appointed = new double[3];
        Set<String> disciplinary = new HashSet<>();
        Set<String> training = new HashSet<>();
        double[] disciplined = new double[3];
        double[] trained = new double[3];
        for (StaffEvent e : data.events()) {
            String k = key(e.provider(), e.personId());
            StaffMember member = staff.get(k);
            WresGroup g = WresGroup.ofCategory(member != null && member.ethnicCategory() != null
                    ? member.ethnicCategory() : e.ethnicCategory());
            switch (e.type()) {
                case "shortlisted" -> shortlisted[g.ordinal()]++;
                case "appointed" -> appointed[g.ordinal()]++;
                case "disciplinary" -> {
                    if (member != null && disciplinary.add(k)) {
                        disciplined[g.ordinal()]++;
                    }
                }
                case "training" -> {
                    if (member != null && member.inPost() && training.add(k)) {
                        trained[g.ordinal()]++;
                    }
                }
                default -> {
                    // cultural competency, leadership and promotions: see culturalCompetency and leadership
                }
            }
        }
        for (WresGroup g : WresGroup.values()) {
            int i = g.ordinal();
            if (shortlisted[i] > 0 || appointed[i] > 0) {
                cells.add(new WresCell(2, g, null, appointed[i], shortlisted[i]));
            }
            if (headcount[i] > 0 || disciplined[i] > 0) {
                cells.add(new WresCell(3, g, null, disciplined[i], headcount[i]));
            }
            if (headcount[i] > 0) {
                cells.add(new WresCell(4, g, null, trained[i], headcount[i]));
            }
        }
        for (WorkforceData.SurveyResult r : data.survey()) {
            cells.add(new WresCell(r.indicator(), r.group(), null, r.percentage() / 100 * r.respondents(),
                    (double) r.respondents()));
        }
        for (WorkforceData.BoardMember m : data.board()) {
            if (m.voting()) {
                cells.add(new WresCell(9, WresGroup.ofCategory(m.ethnicCategory()), null, 1, null));
            }
        }
        return cells;
    }

    /** Cultural-competency training: staff in post with a completion in the year ÷ staff in post, by staff group and band. */
    static List<CompletionRow> culturalCompetency(WorkforceData data, WorkforceSettings settings) {
        Set<String> completed = new HashSet<>();
        for (StaffEvent e : data.events()) {
            if (e.type().equals("cultural_competency")) {
                completed.add(key(e.provider(), e.personId()));
            }
        }
        Map<String, double[]> counts = new TreeMap<>();
        double[] all = new double[2];
        for (StaffMember s : data.staff()) {
            if (!s.inPost()) {
                continue;
            }
            String group = s.staffGroup() == null ? "Not recorded" : s.staffGroup();
            String band = s.band() == null ? "OTHER" : s.band();
            double[] c = counts.computeIfAbsent(group + "\u0000" + bandOrder(band) + "\u0000" + band, k -> new double[2]);
            boolean done = completed.contains(key(s.provider(), s.staffId()));
            c[0] += done ? 1 : 0;
            c[1]++;
            all[0] += done ? 1 : 0;
            all[1]++;
        }
        List<CompletionRow> rows = new ArrayList<>();
        counts.forEach((k, c) -> {
            String[] parts = k.split("\u0000");
            rows.add(completion(parts[0], parts[2], c[0], c[1], settings));
        });
        if (all[1] > 0) {
            rows.add(completion("All maternity and neonatal staff", "All", all[0], all[1], settings));
        }
        return rows;
    }

    private static CompletionRow completion(String staffGroup, String band, double completed, double headcount,
            WorkforceSettings settings) {
        int below = settings.suppressBelow();
        boolean hidden = (completed > 0 && completed < below) || headcount < below
                || (headcount - completed > 0 && headcount - completed < below);
        double percent = 100 * completed / headcount;
        return hidden ? new CompletionRow(staffGroup, band, null, null, null, null, true)
                : new CompletionRow(staffGroup, band, completed, headcount, percent,
                        percent >= settings.culturalCompetencyTarget(), false);
    }

    /**
     * Leadership programmes: places taken in the year by ethnic group against the eligible pool (staff in post in the
     * leadership bands), and of those on a programme, how many were promoted within 6 and 12 months of its start.
     */
    static List<LeadershipRow> leadership(WorkforceData data, WorkforceSettings settings) {
        Map<String, StaffMember> staff = new HashMap<>();
        data.staff().forEach(s -> staff.put(key(s.provider(), s.staffId()), s));
        Map<String, StaffEvent> places = new HashMap<>();
        for (StaffEvent e : data.events()) {
            if (e.type().equals("leadership")) {
                places.merge(key(e.provider(), e.personId()), e, (a, b) -> a.date().isBefore(b.date()) ? a : b);
            }
        }
        double[] pool = new double[3];
        for (StaffMember s : data.staff()) {
            if (s.inPost() && s.band() != null && settings.leadershipBands().contains(s.band())) {
                pool[WresGroup.ofCategory(s.ethnicCategory()).ordinal()]++;
            }
        }
        double[] taken = new double[3];
        double[] within6 = new double[3];
        double[] within12 = new double[3];
        places.forEach((k, place) -> {
            StaffMember member = staff.get(k);
            int g = WresGroup.ofCategory(member != null && member.ethnicCategory() != null ? member.ethnicCategory()
                    : place.ethnicCategory()).ordinal();
            taken[g]++;
            boolean six = false;
            boolean twelve = false;
            for (StaffEvent p : data.promotions()) {
                if (key(p.provider(), p.personId()).equals(k) && p.date().isAfter(place.date())) {
                    six |= !p.date().isAfter(place.date().plusMonths(6));
                    twelve |= !p.date().isAfter(place.date().plusMonths(12));
                }
            }
            within6[g] += six ? 1 : 0;
            within12[g] += twelve ? 1 : 0;
        });
        double knownPool = pool[0] + pool[1];
        double knownTaken = taken[0] + taken[1];
        List<LeadershipRow> rows = new ArrayList<>();
        for (WresGroup g : List.of(WresGroup.WHITE, WresGroup.BME)) {
            int i = g.ordinal();
            int below = settings.suppressBelow();
            boolean hidden = small(taken[i], below) || small(pool[i], below) || small(within6[i], below)
                    || small(within12[i], below) || small(knownTaken - taken[i], below);
            rows.add(hidden ? new LeadershipRow(g.label(), null, null, null, null, null, null, true)
                    : new LeadershipRow(g.label(), taken[i], pool[i],
                            knownTaken == 0 ? null : 100 * taken[i] / knownTaken,
                            knownPool == 0 ? null : 100 * pool[i] / knownPool,
                            taken[i] == 0 ? null : 100 * within6[i] / taken[i],
                            taken[i] == 0 ? null : 100 * within12[i] / taken[i], false));
        }
        return rows;
    }

    private static boolean small(double count, int below) {
        return count > 0 && count < below;
    }

    private static int bandOrder(String band) {
        int i = WresCalculator.BANDS.indexOf(band);
        return i < 0 ? 99 : 10 + i;
    }

    private static String key(String provider, String id) {
        return provider + "\u0000" + id;
    }
}
