/**
 * HTTP API of extract uploads and the ingest log.
 */
@NullMarked
package org.perinatalequity.ingest.api;

import org.jspecify.annotations.NullMarked;
