/**
 * HTTP API of the board pack download.
 */
@NullMarked
package org.perinatalequity.board.api;

import org.jspecify.annotations.NullMarked;
