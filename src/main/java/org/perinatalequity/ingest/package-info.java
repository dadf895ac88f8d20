/**
 * Ingestion of MSDS v2 extracts: recognising, checking, staging and loading files, with the ingest log.
 */
@NullMarked
package org.perinatalequity.ingest;

import org.jspecify.annotations.NullMarked;
