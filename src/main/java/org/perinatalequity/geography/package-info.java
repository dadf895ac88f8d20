/**
 * Geometry of areas, with no feature and no Spring: reading ONS boundary files (GeoJSON in WGS84 or British
 * National Grid, GeoPackage) into JTS polygons in British National Grid metres, and the WGS84 → OSGB36 transformation
 * they need. Reference data ({@code reference}) stores what it reads; maps ({@code maps}) draw it.
 */
@NullMarked
package org.perinatalequity.geography;

import org.jspecify.annotations.NullMarked;
