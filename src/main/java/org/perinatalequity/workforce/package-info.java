/**
 * Staff equality: the workforce dataset's WRES indicators 1-9 (Workforce Race Equality Standard) for maternity and
 * neonatal staff, cultural-competency training, leadership programmes, and the staff's representation of the
 * community served (docs/workforce.md).
 */
@NullMarked
package org.perinatalequity.workforce;

import org.jspecify.annotations.NullMarked;
