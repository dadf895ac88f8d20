/**
 * Breakdowns and trends of a measure by dimensions, with intervals, comparisons, ratios and suppression.
 */
@NullMarked
package org.perinatalequity.breakdown;

import org.jspecify.annotations.NullMarked;
