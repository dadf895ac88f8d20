/**
 * The Workforce equality page.
 */
@NullMarked
package org.perinatalequity.workforce.ui;

import org.jspecify.annotations.NullMarked;
