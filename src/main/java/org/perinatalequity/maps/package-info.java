/**
 * Choropleth maps of the figures they are given (areas with shapes in British National Grid metres, values,
 * suppression, significance against the LMNS), drawn as SVG (one {@code <path id="CODE">} with a {@code <title>} per
 * area) and PNG. Names no feature: callers turn their results into {@link org.perinatalequity.maps.MapArea}s.
 */
@NullMarked
package org.perinatalequity.maps;

import org.jspecify.annotations.NullMarked;
