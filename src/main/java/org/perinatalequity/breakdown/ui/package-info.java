/**
 * Views of the explorer and the inequalities page.
 */
@NullMarked
package org.perinatalequity.breakdown.ui;

import org.jspecify.annotations.NullMarked;
