package org.perinatalequity.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleData;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.system.DerivedDataRefresher;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rebuild on the sample data (materialised derived views, every measure in one statement) gives exactly the
 * rows the measure views give one by one.
 */
@SampleDataTest
class MeasureFactsTest {

    @Autowired
    IngestService ingest;

    @Autowired
    ReferenceService reference;

    @Autowired
    MeasureCatalogue catalogue;

    @Autowired
    MeasureFacts facts;

    @Autowired
    DerivedDataRefresher refresher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void factsEqualTheMeasureViewsRowForRow() {
        SampleData.ensureLoaded(ingest, reference);
        long version = facts.version();
        refresher.refresh();
        assertThat(facts.version()).isGreaterThan(version);
        // Every measure with counted units has its facts (the sample holds no MHSDS yet: the pmh_ measures have none).
        List<String> withRows = catalogue.all().stream().map(Measure::id)
                .filter(id -> jdbc.sql("SELECT count(*) FROM measure_" + id).query(Long.class).single() > 0).sorted()
                .toList();
        assertThat(withRows).hasSizeGreaterThanOrEqualTo(19);
        assertThat(jdbc.sql("SELECT DISTINCT measure_id FROM fact_event ORDER BY 1").query(String.class).list())
                .isEqualTo(withRows);
        FactsReference.assertFactsEqualReference(jdbc, catalogue.all());
    }
}
