/**
 * The statistics calculator feature: requests to the pure {@code stats} methods and their results.
 */
@NullMarked
package org.perinatalequity.calculator;

import org.jspecify.annotations.NullMarked;
