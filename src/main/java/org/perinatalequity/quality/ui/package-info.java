/**
 * Views of data quality: the LMNS overview and a team's page with its worklist.
 */
@NullMarked
package org.perinatalequity.quality.ui;

import org.jspecify.annotations.NullMarked;
