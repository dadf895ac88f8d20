/**
 * HTTP API of the audit log.
 */
@NullMarked
package org.perinatalequity.security.api;

import org.jspecify.annotations.NullMarked;
