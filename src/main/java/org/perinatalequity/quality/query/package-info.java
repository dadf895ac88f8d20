/**
 * SQL reads of the quality items (the quality service's only access to them).
 */
@NullMarked
package org.perinatalequity.quality.query;

import org.jspecify.annotations.NullMarked;
