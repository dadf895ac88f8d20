/**
 * The app shell: main layout, menu, page language and the signed-in user's bar.
 */
@NullMarked
package org.perinatalequity.shell;

import org.jspecify.annotations.NullMarked;
