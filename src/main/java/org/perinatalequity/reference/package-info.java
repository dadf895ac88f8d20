/**
 * Reference data: postcode directory, IoD deprivation files and GP-PCN links, with area names and linkage.
 */
@NullMarked
package org.perinatalequity.reference;

import org.jspecify.annotations.NullMarked;
