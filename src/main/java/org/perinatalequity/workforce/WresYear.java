package org.perinatalequity.workforce;

import java.util.List;

/** The answer of {@code GET /api/workforce/wres?year=YYYY-YY} (DESIGN.md section 8). */
public record WresYear(String year, List<WresIndicator> indicators) {
}
