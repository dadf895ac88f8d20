/**
 * The workforce API: {@code GET /api/workforce/wres} (DESIGN.md section 8) and the staff-level list.
 */
@NullMarked
package org.perinatalequity.workforce.api;

import org.jspecify.annotations.NullMarked;
