package org.perinatalequity.workforce;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The groups asked for against the community served in one WRES year: births to mothers of known ethnicity over the
 * same April to March (null when no maternity data covers it, and then every group's categories are empty).
 */
public record RepresentationReport(String year, @Nullable Double births, List<RepresentationRow> groups) {
}
