/**
 * SQL reads of the measure facts grouped for a breakdown.
 */
@NullMarked
package org.perinatalequity.breakdown.query;

import org.jspecify.annotations.NullMarked;
