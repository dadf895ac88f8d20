/**
 * The Neighbourhoods page's "Areas of highest need" section and community assets register table.
 */
@NullMarked
package org.perinatalequity.need.ui;

import org.jspecify.annotations.NullMarked;
