package org.perinatalequity.quality;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.perinatalequity.measures.Dimension;

/**
 * Reads the classified items of {@code v_quality_item} (materialised as {@code quality_item}). The feature owns
 * this contract beside the records it returns; quality.query implements it with SQL, so the two packages form
 * no cycle.
 */
public interface QualityQuery {

    /**
     * Counts per group of {@code by} (or one group, {@link #ALL}, when absent) and item, over records whose cohort
     * date falls in the period and whose dimension columns equal the filters.
     */
    List<QualityCount> countBy(Optional<Dimension> by, Optional<QualityItem> item, Period period,
            Map<Dimension, String> filters);

    /**
     * One row per woman and item of the team's cohort in the period (open pregnancies only when {@code openOnly}),
     * from her latest booking there that shows a problem, with its status.
     */
    List<WorklistRow> findWorklist(String team, Optional<QualityItem> item, Period period, boolean openOnly);

    /** Stores what a team says about a record's item, replacing what it said before. */
    void saveStatus(String team, String localPatientId, QualityItem item, WorklistStatus status, String note,
            String user);

    /**
     * Valid and total records per level (team, booking site), group, item and month in the period, every level read
     * from one version of the data (one snapshot), so an escalation answer never mixes versions.
     */
    List<MonthlyCount> countMonthly(Period period);

    /** The months that hold records, earliest first. */
    List<YearMonth> findMonths();

    /** The teams the loaded data names, sorted. */
    /** The values of a dimension among the classified items, sorted. */
    List<String> findValues(Dimension dimension);

    List<String> findTeams();

    /** Changes whenever the classified items are rebuilt, so results that read them know when to forget. */
    long version();

    /** The group label when counts are not broken down. */
    String ALL = "All";
}
