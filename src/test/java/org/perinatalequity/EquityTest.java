package org.perinatalequity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A Spring test of the whole application on a database of its own: the inbox folder is not watched (a test loads
 * what it means to) and NHS numbers are pseudonymised with a test key. The class still names its database file
 * ({@code @DynamicPropertySource}, see {@link TestDatabase}); extra properties go in {@code @TestPropertySource}
 * (e.g. {@link TestUsers#USERS_FILE}). Tests on the shared sample data use {@link SampleDataTest} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "equity.ingest.pseudonymisation-key=test-key", "equity.ingest.inbox-enabled=false" })
public @interface EquityTest {

    /** {@code RANDOM_PORT} for browser and HTTP tests; the default is a mock servlet environment. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
