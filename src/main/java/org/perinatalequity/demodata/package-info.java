/**
 * The synthetic LLR-like extract generator behind {@code demo-data} and the committed sample.
 */
@NullMarked
package org.perinatalequity.demodata;

import org.jspecify.annotations.NullMarked;
