/**
 * Views of sign-in, the account page, access denied and the audit log.
 */
@NullMarked
package org.perinatalequity.security.ui;

import org.jspecify.annotations.NullMarked;
