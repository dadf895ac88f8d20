/**
 * HTTP API of the data-quality counts, totals, escalations and worklists.
 */
@NullMarked
package org.perinatalequity.quality.api;

import org.jspecify.annotations.NullMarked;
