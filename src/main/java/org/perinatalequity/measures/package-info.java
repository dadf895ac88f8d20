/**
 * The measure catalogue (measures as data), the dimensions they break down by, and the fact table built
 * from the latest record versions.
 */
@NullMarked
package org.perinatalequity.measures;

import org.jspecify.annotations.NullMarked;
