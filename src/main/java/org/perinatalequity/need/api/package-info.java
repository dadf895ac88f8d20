/**
 * The need ranking and the community assets register over HTTP: {@code GET /api/neighbourhoods/need} and
 * {@code GET /api/assets}, as JSON or CSV.
 */
@NullMarked
package org.perinatalequity.need.api;

import org.jspecify.annotations.NullMarked;
