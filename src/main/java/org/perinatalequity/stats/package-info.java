/**
 * Pure statistics (no Spring, no database): proportions, rates, intervals, comparisons, SII/RII, funnels,
 * SPC and disclosure control, unit-tested against hand-worked examples.
 */
@NullMarked
package org.perinatalequity.stats;

import org.jspecify.annotations.NullMarked;
