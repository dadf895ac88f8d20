/**
 * Areas of highest need (issue 17, item 4) and the community assets register as read (item 5): a ranking of
 * neighbourhoods and LSOAs that combines births, deprivation, the share of Black, Asian and Mixed-ethnicity mothers
 * and the excess events of the key outcomes, weighted by a data file; and each neighbourhood's distance to its
 * nearest hub. docs/neighbourhoods.md explains the method.
 */
@NullMarked
package org.perinatalequity.need;

import org.jspecify.annotations.NullMarked;
