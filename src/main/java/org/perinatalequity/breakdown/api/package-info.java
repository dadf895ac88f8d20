/**
 * HTTP API of measures, breakdowns and trends.
 */
@NullMarked
package org.perinatalequity.breakdown.api;

import org.jspecify.annotations.NullMarked;
