/**
 * HTTP API of reference loads.
 */
@NullMarked
package org.perinatalequity.reference.api;

import org.jspecify.annotations.NullMarked;
