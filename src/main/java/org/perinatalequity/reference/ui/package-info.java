/**
 * Views of reference loads and linkage.
 */
@NullMarked
package org.perinatalequity.reference.ui;

import org.jspecify.annotations.NullMarked;
