/**
 * Small UI helpers shared by views: chart descriptions in words, combo boxes, uploads.
 */
@NullMarked
package org.perinatalequity.system.ui;

import org.jspecify.annotations.NullMarked;
