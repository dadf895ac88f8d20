/**
 * Data quality: the quality items per record, their gates on measures, escalations and team worklists.
 */
@NullMarked
package org.perinatalequity.quality;

import org.jspecify.annotations.NullMarked;
