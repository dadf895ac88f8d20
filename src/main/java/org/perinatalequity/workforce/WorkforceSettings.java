package org.perinatalequity.workforce;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.perinatalequity.system.AuditedSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Workforce equality settings from {@code equity.workforce.*} (docs/workforce.md).
 *
 * @param equitableLower the lower end of the band a relative likelihood is called equitable in (default 0.80)
 * @param equitableUpper its upper end (default 1.25): together the four-fifths rule of the US EEOC, not a WRES rule
 * @param suppressBelow a count of staff (or applicants, respondents, board members) from 1 to this minus 1 is never
 *        shown in an aggregate answer (default 10, as NHS Wales publishes WRES counts under ten as "&lt;10")
 * @param maternityAreas an assignment is maternity or neonatal when its area of work contains one of these words
 *        (case ignored) ...
 * @param maternityOccupationCodes ... or its occupation code starts with one of these
 * @param culturalCompetencyTarget the completion percentage cultural-competency training should reach
 * @param leadershipBands the bands whose staff are the eligible pool for leadership programmes
 */
@ConfigurationProperties("equity.workforce")
public record WorkforceSettings(@DefaultValue("0.80") double equitableLower, @DefaultValue("1.25") double equitableUpper,
        @DefaultValue("10") int suppressBelow,
        @DefaultValue({ "maternity", "midwif", "neonat", "obstetric", "antenatal", "postnatal", "labour ward" })
        List<String> maternityAreas,
        @DefaultValue({}) List<String> maternityOccupationCodes,
        @DefaultValue("90") double culturalCompetencyTarget,
        @DefaultValue({ "6", "7" }) List<String> leadershipBands) implements AuditedSettings {

    public WorkforceSettings {
        if (!(equitableLower > 0 && equitableLower < 1 && equitableUpper > 1)) {
            throw new IllegalArgumentException("equity.workforce.equitable-lower must be between 0 and 1 and"
                    + " equity.workforce.equitable-upper above 1, not " + equitableLower + " and " + equitableUpper);
        }
        if (suppressBelow < 0) {
            throw new IllegalArgumentException("equity.workforce.suppress-below must be 0 or more, not " + suppressBelow);
        }
        if (culturalCompetencyTarget < 0 || culturalCompetencyTarget > 100) {
            throw new IllegalArgumentException("equity.workforce.cultural-competency-target must be 0-100, not "
                    + culturalCompetencyTarget);
        }
        maternityAreas = maternityAreas == null ? List.of() : maternityAreas.stream().map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        maternityOccupationCodes = maternityOccupationCodes == null ? List.of()
                : maternityOccupationCodes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        leadershipBands = leadershipBands == null ? List.of() : List.copyOf(leadershipBands);
        if (maternityAreas.isEmpty() && maternityOccupationCodes.isEmpty()) {
            throw new IllegalArgumentException("equity.workforce.maternity-areas and"
                    + " equity.workforce.maternity-occupation-codes are both empty: no staff would be selected");
        }
    }

    /** The defaults (for tests and tools). */
    public static WorkforceSettings defaults() {
        return new WorkforceSettings(0.80, 1.25, 10, List.of("maternity", "midwif", "neonat", "obstetric", "antenatal",
                "postnatal", "labour ward"), List.of(), 90, List.of("6", "7"));
    }

    /** The same settings with another suppression threshold. */
    public WorkforceSettings withSuppressBelow(int below) {
        return new WorkforceSettings(equitableLower, equitableUpper, below, maternityAreas, maternityOccupationCodes,
                culturalCompetencyTarget, leadershipBands);
    }

    /** An RE2 pattern matching a lower-cased area of work that selects it (bound as a parameter, never spliced). */
    public String areaPattern() {
        return maternityAreas.isEmpty() ? "[^\\s\\S]" : maternityAreas.stream().map(WorkforceSettings::quote)
                .collect(Collectors.joining("|"));
    }

    /** An RE2 pattern matching a whole occupation code that selects it. */
    public String occupationPattern() {
        return maternityOccupationCodes.isEmpty() ? "[^\\s\\S]" : "(" + maternityOccupationCodes.stream()
                .map(WorkforceSettings::quote).collect(Collectors.joining("|")) + ").*";
    }

    private static String quote(String text) {
        return text.replaceAll("([\\\\.\\[\\]{}()*+?^$|])", "\\\\$1");
    }

    @Override
    public Map<String, String> auditedSettings() {
        Map<String, String> s = new TreeMap<>();
        s.put("equity.workforce.equitable-lower", String.valueOf(equitableLower));
        s.put("equity.workforce.equitable-upper", String.valueOf(equitableUpper));
        s.put("equity.workforce.suppress-below", String.valueOf(suppressBelow));
        s.put("equity.workforce.maternity-areas", String.join(",", maternityAreas));
        s.put("equity.workforce.maternity-occupation-codes", String.join(",", maternityOccupationCodes));
        s.put("equity.workforce.cultural-competency-target", String.valueOf(culturalCompetencyTarget));
        s.put("equity.workforce.leadership-bands", String.join(",", leadershipBands));
        return s;
    }
}
