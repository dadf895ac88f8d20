package org.perinatalequity.workforce.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

import org.perinatalequity.system.api.BadRequestException;
import org.perinatalequity.workforce.RepresentationGroup;
import org.perinatalequity.workforce.RepresentationReport;
import org.perinatalequity.workforce.WorkforceEquality;
import org.perinatalequity.workforce.WorkforceService;
import org.perinatalequity.workforce.WresYear;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workforce API (docs/workforce.md): {@code GET /api/workforce/wres?year=YYYY-YY} as DESIGN.md section 8 gives it,
 * the years loaded, the trend over them, the page's fuller figures and the representation of the community served, all
 * aggregates with small counts suppressed;
 * and {@code GET /api/workforce/staff?year=}, the staff-level list, for the WORKFORCE role only (the filter chain and
 * the service both check it; every call is audited).
 */
@RestController
@RequestMapping("/api/workforce")
class WorkforceController {

    private final WorkforceService workforce;

    WorkforceController(WorkforceService workforce) {
        this.workforce = workforce;
    }

    @Operation(summary = "WRES indicators 1-9 of a year: White and BME figures, relative likelihood, Katz 95% limits,"
            + " assessment against the equitable band")
    @GetMapping("/wres")
    WresYear wres(@Parameter(description = "WRES year, April to March (2024-25)", required = true)
            @RequestParam(required = false) String year) {
        String checked = year(year);
        return workforce.wres(checked).orElseThrow(() -> noData(checked));
    }

    @Operation(summary = "The WRES years with workforce data loaded, oldest first")
    @GetMapping("/years")
    List<String> years() {
        return workforce.years();
    }

    @Operation(summary = "WRES indicators 1-9 of every loaded year (the year-on-year trend)")
    @GetMapping("/wres/trend")
    Map<String, WresYear> trend() {
        return workforce.trend();
    }

    @Operation(summary = "A year's indicators with indicator 1 by band, the community served, cultural-competency"
            + " training and leadership programmes")
    @GetMapping("/equality")
    WorkforceEquality equality(@Parameter(description = "WRES year (2024-25)", required = true)
            @RequestParam(required = false) String year) {
        String checked = year(year);
        return workforce.equality(checked).orElseThrow(() -> noData(checked));
    }

    @Operation(summary = "Staff in post, the board's voting members and the Maternity Voices Partnership's members"
            + " against births by ethnic group: shares with Goodman simultaneous 95% intervals, ratio, gap in points,"
            + " exact multinomial or chi-square test; small groups hidden for every role but WORKFORCE")
    @GetMapping("/representation")
    RepresentationReport representation(@Parameter(description = "WRES year (2024-25)", required = true)
            @RequestParam(required = false) String year,
            @Parameter(description = "The group (all three when left out)",
                    schema = @Schema(type = "string", allowableValues = { "staff", "board", "mvp" }))
            @RequestParam(required = false) String group) {
        String checked = year(year);
        List<RepresentationGroup> groups;
        try {
            groups = group == null || group.isBlank() ? List.of(RepresentationGroup.values())
                    : List.of(RepresentationGroup.of(group));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return workforce.representation(checked, groups);
    }

    @Operation(summary = "The staff-level list of a year (pseudonymised ids; WORKFORCE role only; audited)")
    @GetMapping("/staff")
    List<WorkforceService.StaffRow> staff(@Parameter(description = "WRES year (2024-25)", required = true)
            @RequestParam(required = false) String year) {
        return workforce.staff(year(year));
    }

    private static String year(String year) {
        if (year == null || year.isBlank()) {
            throw new BadRequestException("Parameter 'year' is required (a WRES year, YYYY-YY, e.g. 2024-25)");
        }
        try {
            return WorkforceService.checkYear(year);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private BadRequestException noData(String year) {
        List<String> years = workforce.years();
        return new BadRequestException("Parameter 'year': no workforce data for " + year + "; years loaded: "
                + (years.isEmpty() ? "none" : String.join(", ", years)));
    }
}
