package org.perinatalequity.breakdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.GateResult;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gates of every row of a breakdown by team, site or provider come from one grouped query; on the sample they
 * are exactly what asking once per row (the filters plus that row's group) gives.
 */
@SampleDataTest
class BreakdownGatesTest {

    @Autowired
    QualityService quality;

    @Autowired
    BreakdownService breakdowns;

    @Autowired
    void load(IngestService ingest, ReferenceService reference) {
        SampleData.ensureLoaded(ingest, reference);
    }

    private void sameAsOneQueryPerGroup(String measure, Dimension by, Map<Dimension, String> filters, Period period) {
        List<String> groups = breakdowns.dimensionValues(by);
        List<Dimension> dimensions = List.of(by);
        Map<String, GateResult> grouped = quality.evaluateByGroup(measure, dimensions, filters, period, by, groups);

        assertThat(grouped.keySet()).containsExactlyElementsOf(groups);
        for (String group : groups) {
            Map<Dimension, String> one = new EnumMap<>(Dimension.class);
            one.putAll(filters);
            one.put(by, group);
            assertThat(grouped.get(group)).as(by.id() + " " + group)
                    .isEqualTo(quality.evaluate(measure, dimensions, one, period));
        }
        // Not a vacuous comparison: the groups have records to judge.
        assertThat(grouped.values()).anyMatch(r -> r.checks().stream().anyMatch(c -> c.validPercent() != null));
    }

    @Test
    void everyRowsGatesAtOnceAreThoseOfOneQueryPerRow() {
        Period all = new Period(Optional.empty(), Optional.empty());
        for (Dimension by : List.of(Dimension.TEAM, Dimension.BOOKING_SITE, Dimension.PROVIDER)) {
            sameAsOneQueryPerGroup("continuity_of_carer", by, Map.of(), all);
        }
        sameAsOneQueryPerGroup("early_booking", Dimension.TEAM, Map.of(Dimension.ETHNIC_GROUP, "White"),
                Period.of(YearMonth.of(2024, 4), YearMonth.of(2024, 9)));
    }

    @Test
    void aFilterOnTheBreakdownDimensionIsReplacedByEachGroup() {
        Period all = new Period(Optional.empty(), Optional.empty());
        String first = breakdowns.dimensionValues(Dimension.TEAM).get(0);
        sameAsOneQueryPerGroup("continuity_of_carer", Dimension.TEAM, Map.of(Dimension.TEAM, first), all);
    }

    @Test
    void aMeasureWithoutGatesPassesEveryGroupWithoutAQuery() {
        Map<String, GateResult> grouped = quality.evaluateByGroup("no_such_gates", List.of(Dimension.PROVIDER),
                Map.of(), new Period(Optional.empty(), Optional.empty()), Dimension.PROVIDER,
                List.of("A", "B"));
        assertThat(grouped.values()).allMatch(r -> r.passed() && r.checks().isEmpty());
    }
}
