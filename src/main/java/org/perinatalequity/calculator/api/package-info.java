/**
 * HTTP API of the statistics calculator.
 */
@NullMarked
package org.perinatalequity.calculator.api;

import org.jspecify.annotations.NullMarked;
