/**
 * Pure chart drawing (JFreeChart, PNG and SVG): dot, funnel and heat-map charts with their text.
 */
@NullMarked
package org.perinatalequity.charts;

import org.jspecify.annotations.NullMarked;
