package org.perinatalequity.system.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API handler that takes {@code DIM=VALUE} filters (one query parameter per dimension id, read from a
 * map of every parameter): {@link OpenApiConfiguration} lists each of them in the OpenAPI document, with the
 * dimension's values as the enum where the list is fixed.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface DimensionFilters {

    /** Whether a filter takes several values (repeated, or separated by commas) or exactly one. */
    boolean severalValues() default true;
}
