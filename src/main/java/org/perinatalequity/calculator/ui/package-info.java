/**
 * View of the statistics calculator.
 */
@NullMarked
package org.perinatalequity.calculator.ui;

import org.jspecify.annotations.NullMarked;
