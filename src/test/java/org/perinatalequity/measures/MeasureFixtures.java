package org.perinatalequity.measures;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.perinatalequity.TestDatabase;
import org.perinatalequity.system.DataVersion;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The measure catalogue and its facts on a test database, for tests of the features that read them. */
public final class MeasureFixtures {

    private MeasureFixtures() {
    }

    /** The bundled catalogue, its views created on the database. */
    public static MeasureCatalogue catalogue(JdbcClient jdbc) {
        return new MeasureCatalogue(jdbc, new ObjectMapper(), "");
    }

    /** Builds fact_event and checks it against the plain reference computation, row for row. */
    public static void rebuildFacts(TestDatabase db, JdbcClient jdbc, MeasureCatalogue catalogue) {
        db.rebuild(new MeasureFacts(db.dataSource(), jdbc, catalogue, new DataVersion()));
        FactsReference.assertFactsEqualReference(jdbc, catalogue.all());
    }
}
