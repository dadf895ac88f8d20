/**
 * The composition root: the Spring Boot application and the first-start sample loader, the one place that may
 * name every feature.
 */
@NullMarked
package org.perinatalequity;

import org.jspecify.annotations.NullMarked;
