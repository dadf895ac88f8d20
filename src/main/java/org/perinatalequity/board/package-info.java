/**
 * The board overview, the action plan kept by the LMNS, and the PDF board pack built from them.
 */
@NullMarked
package org.perinatalequity.board;

import org.jspecify.annotations.NullMarked;
