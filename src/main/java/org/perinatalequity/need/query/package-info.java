/**
 * SQL reads of the need ranking (measure facts by area and maternal age band, births' profile and centroid) and of
 * the community assets register.
 */
@NullMarked
package org.perinatalequity.need.query;

import org.jspecify.annotations.NullMarked;
