/**
 * Views of the board overview and the action plan.
 */
@NullMarked
package org.perinatalequity.board.ui;

import org.jspecify.annotations.NullMarked;
