/**
 * Who may do what (DESIGN.md section 6, docs/security.md): sign-in for the UI and the API, the user
 * store, the role checks services call ({@link org.perinatalequity.security.AccessPolicy}), the audit
 * log ({@link org.perinatalequity.security.AuditService}) and brute-force lockout.
 */
@NullMarked
package org.perinatalequity.security;

import org.jspecify.annotations.NullMarked;
