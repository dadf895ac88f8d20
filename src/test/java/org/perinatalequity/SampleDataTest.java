package org.perinatalequity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring test on the bundled sample data (about 25,000 births with its reference files), in one shared
 * context: every class with this annotation has the same configuration, so Spring starts the context and loads
 * the sample once per test run. Call {@link SampleData#ensureLoaded} before using the data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "equity.ingest.inbox-enabled=false", "equity.ingest.pseudonymisation-key=test-key",
        "equity.database.file=" + SampleData.DATABASE, TestUsers.USERS_FILE })
@ContextConfiguration(initializers = SampleData.FreshDatabase.class)
@AutoConfigureMockMvc
public @interface SampleDataTest {
}
