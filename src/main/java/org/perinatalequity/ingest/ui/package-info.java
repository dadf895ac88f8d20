/**
 * Views of the upload panel and the data-loaded page.
 */
@NullMarked
package org.perinatalequity.ingest.ui;

import org.jspecify.annotations.NullMarked;
