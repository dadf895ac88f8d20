package org.perinatalequity.breakdown;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perinatalequity.measures.Measure;

import org.springframework.core.env.Environment;

/** The months each measure's charts are rebased at, from {@code equity.spc.rebase.<measureId>=YYYY-MM[,…]}. */
final class RebaseSettings {

    private RebaseSettings() {
    }

    /** Every rebase setting is read at start-up, so a mistyped month stops the application with its name. */
    static Map<String, List<YearMonth>> read(List<Measure> measures, Environment environment) {
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
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException("Setting " + key + ": months as YYYY-MM[,YYYY-MM], not '"
                            + value + "'");
                }
            }
            out.put(m.id(), List.copyOf(months));
        }
        return Map.copyOf(out);
    }
}
