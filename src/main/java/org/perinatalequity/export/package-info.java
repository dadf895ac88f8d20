/**
 * Writers of downloads: CSV with formula neutralising and Arrow IPC files.
 */
@NullMarked
package org.perinatalequity.export;

import org.jspecify.annotations.NullMarked;
