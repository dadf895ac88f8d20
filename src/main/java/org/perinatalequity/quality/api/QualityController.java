package org.perinatalequity.quality.api;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.perinatalequity.export.Exports;
import org.perinatalequity.export.Table;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.quality.Escalation;
import org.perinatalequity.quality.Period;
import org.perinatalequity.quality.QualityCount;
import org.perinatalequity.quality.QualityCsv;
import org.perinatalequity.quality.QualityItem;
import org.perinatalequity.quality.QualityAccess;
import org.perinatalequity.quality.QualityService;
import org.perinatalequity.quality.TeamAccess;
import org.perinatalequity.quality.WorklistAccessDeniedException;
import org.perinatalequity.quality.Problem;
import org.perinatalequity.quality.UnknownWorklistRowException;
import org.perinatalequity.quality.WorklistFilter;
import org.perinatalequity.quality.WorklistRow;
import org.perinatalequity.quality.WorklistStatus;
import org.perinatalequity.system.api.ApiError;
import org.perinatalequity.system.api.ApiParameters;
import org.perinatalequity.system.api.BadRequestException;
import org.perinatalequity.system.api.DimensionFilters;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/quality}, {@code /api/quality/worklist} and {@code /api/quality/escalations} (DESIGN.md sections 4
 * and 8, docs/data-quality.md), and {@code PUT /api/quality/worklist/{team}/{localPatientId}/{item}} for a team's
 * status of one row. JSON by default; {@code ?format=csv} or {@code Accept: text/csv} gives CSV. Every parameter
 * is checked here and turned into enums, dates or a team id before the service sees it; a bad one answers 400
 * naming it.
 *
 * <p>Who is asking decides through {@link QualityAccess}: counts are unsuppressed unless {@code suppress=true}
 * is asked for, except for the board (always suppressed); worklists only for the caller's teams and for
 * analysts with RECORD_ACCESS.)
 */
@RestController
@RequestMapping("/api/quality")
class QualityController {

    private static final Set<String> QUALITY_PARAMETERS = Set.of("by", "item", "from", "to", "suppress", "format");
    private static final String MONTH_PATTERN = "^\\d{4}-\\d{2}$";
    private static final String FROM = "First month of the cohort, YYYY-MM (default: every loaded month)";
    private static final String TO = "Last month of the cohort, YYYY-MM (default: every loaded month)";
    private static final String FORMAT = "json (default) or csv";
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final QualityService service;

    private final QualityAccess access;
    private final Exports exports;

    QualityController(QualityService service, QualityAccess access, Exports exports) {
        this.service = service;
        this.access = access;
        this.exports = exports;
    }

    /** One row of {@code GET /api/quality}. */
    record CountRow(String group, QualityItem item, long valid, @JsonProperty("default") long defaultCount,
            long invalid, long missing, long denominator) {

        static CountRow of(QualityCount c) {
            return new CountRow(c.group(), c.item(), c.valid(), c.defaultCount(), c.invalid(), c.missing(),
                    c.denominator());
        }
    }

    record CountsResponse(String by, List<CountRow> rows) {
    }

    record WorklistResponse(String team, List<WorklistRow> rows) {
    }

    record EscalationRow(Escalation.Level level, String group, QualityItem item, double threshold, int months,
            String since, String latestMonth, long valid, long denominator, @Nullable Double validPercent,
            boolean escalated) {

        static EscalationRow of(Escalation e) {
            return new EscalationRow(e.level(), e.group(), e.item(), e.threshold(), e.months(), e.since().toString(),
                    e.latestMonth().toString(), e.valid(), e.denominator(), e.latestPercent(), e.escalated());
        }
    }

    record EscalationsResponse(int months, boolean suppressed, List<EscalationRow> rows) {
    }

    @GetMapping
    @DimensionFilters(severalValues = false)
    @Operation(summary = "Data-quality counts per group and item (valid, default, invalid, missing)")
    @ApiResponse(responseCode = "200", description = "The counts", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CountsResponse.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    @ApiResponse(responseCode = "400", description = "A parameter or filter value it does not take", content =
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> counts(
            @Parameter(description = "The dimension to group by", required = true,
                    schema = @Schema(implementation = Dimension.class)) @RequestParam(required = false) String by,
            @Parameter(description = "One item (default: every item)",
                    schema = @Schema(implementation = QualityItem.class)) @RequestParam(required = false) String item,
            @Parameter(description = FROM, schema = @Schema(type = "string", pattern = MONTH_PATTERN))
            @RequestParam(required = false) String from,
            @Parameter(description = TO, schema = @Schema(type = "string", pattern = MONTH_PATTERN))
            @RequestParam(required = false) String to,
            @Parameter(description = "Round counts as the NHS publishes them (always on for the board)",
                    schema = @Schema(type = "boolean", defaultValue = "false"))
            @RequestParam(required = false) String suppress,
            @Parameter(description = FORMAT, schema = @Schema(type = "string", allowableValues = { "json", "csv" }))
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ApiParameters.check(params, QUALITY_PARAMETERS, name -> Dimension.fromId(name).isPresent(), true);
        Dimension dimension = ApiParameters.dimension("by", ApiParameters.required("by", by), Dimension::fromId);
        Optional<QualityItem> chosen = item(item);
        Period period = period(from, to);
        boolean suppressed = access.suppress(ApiParameters.bool("suppress", suppress, false));
        boolean csv = wantsCsv(format, accept);
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (QUALITY_PARAMETERS.contains(p.getKey())) {
                continue;
            }
            // A dimension id: ApiParameters.check refused every other name.
            Dimension filter = Dimension.fromId(p.getKey()).orElseThrow();
            String value = p.getValue().get(0);
            List<String> valid = service.dimensionValues(filter);
            if (!valid.contains(value)) {
                throw BadRequestException.unknownValue(p.getKey(), value, valid);
            }
            filters.put(filter, value);
        }
        List<QualityCount> counts = service.counts(dimension, chosen, period, filters, suppressed);
        if (csv) {
            return csv("quality-by-" + dimension.id() + ".csv", QualityCsv.countsTable(dimension.id(), counts),
                    new Exports.Audit("quality:" + dimension.id(), "data-quality counts CSV"
                            + (suppressed ? ", suppressed" : ", NOT suppressed"), counts.size()));
        }
        return ResponseEntity.ok(new CountsResponse(dimension.id(), counts.stream().map(CountRow::of).toList()));
    }

    @GetMapping("/worklist")
    @Operation(summary = "A community team's worklist: its women with an item to fix (record level)")
    @ApiResponse(responseCode = "200", description = "The worklist", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = WorklistResponse.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    @ApiResponse(responseCode = "403", description = "Not one of the caller's teams", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> worklist(
            @Parameter(description = "The team id", required = true) @RequestParam(required = false) String team,
            @Parameter(description = "One item of the mother or her booking (default: every such item)",
                    schema = @Schema(implementation = QualityItem.class)) @RequestParam(required = false) String item,
            @Parameter(description = FROM, schema = @Schema(type = "string", pattern = MONTH_PATTERN))
            @RequestParam(required = false) String from,
            @Parameter(description = TO, schema = @Schema(type = "string", pattern = MONTH_PATTERN))
            @RequestParam(required = false) String to,
            @Parameter(description = "One problem: missing, default, invalid or not_linked",
                    schema = @Schema(type = "string", allowableValues = { "missing", "default", "invalid",
                            "not_linked" })) @RequestParam(required = false) String problem,
            @Parameter(description = "Rows with this status only", schema = @Schema(type = "string",
                    allowableValues = { "to_fix", "fixed", "cannot_fix" })) @RequestParam(required = false)
            String status,
            @Parameter(description = "all (default: every loaded booking, DESIGN.md section 4) or open (open"
                    + " pregnancies, the page's default)", schema = @Schema(type = "string", allowableValues = {
                            "all", "open" }, defaultValue = "all")) @RequestParam(required = false) String cohort,
            @Parameter(description = FORMAT, schema = @Schema(type = "string", allowableValues = { "json", "csv" }))
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        // Access before existence (docs/api.md, "Worklists"): a caller who may see no worklist at all, or not this
        // team's, is refused (403) whether or not the team exists, so refusals reveal no team ids; only a caller
        // allowed the team hears that it is not in the loaded data (400).
        TeamAccess teamAccess = access.teamAccess();
        if (!teamAccess.anyTeam() && teamAccess.teams().isEmpty()) {
            throw new WorklistAccessDeniedException(team == null || team.isBlank() ? "any" : team);
        }
        ApiParameters.check(params, Set.of("team", "item", "from", "to", "format", "problem", "status", "cohort"));
        String id = ApiParameters.required("team", team);
        if (!teamAccess.allows(id)) {
            throw new WorklistAccessDeniedException(id);
        }
        if (!service.teams().contains(id)) {
            throw ApiParameters.invalid("team", "no team '" + id + "' in the loaded data");
        }
        Optional<QualityItem> chosen = item(item);
        if (chosen.isPresent() && !QualityService.isOnWorklists(chosen.get())) {
            throw ApiParameters.invalid("item", chosen.get().id() + " is recorded at birth and is not on"
                    + " community team worklists");
        }
        Optional<Problem> chosenProblem = ApiParameters.choice("problem", problem, Problem::fromIdIfAny,
                ids(Problem.values(), Problem::id));
        Optional<WorklistStatus> chosenStatus = ApiParameters.choice("status", status, WorklistStatus::fromId,
                ids(WorklistStatus.values(), WorklistStatus::id));
        // DESIGN.md section 4: the API's default cohort is every loaded booking; cohort=open gives the page's
        // default, open pregnancies.
        boolean openOnly = switch (cohort == null ? "all" : cohort) {
            case "all" -> false;
            case "open" -> true;
            default -> throw ApiParameters.refused("cohort", "open or all", cohort);
        };
        boolean csv = wantsCsv(format, accept);
        WorklistFilter filter = new WorklistFilter(openOnly, chosen, chosenProblem, period(from, to), chosenStatus);
        if (csv) {
            return csv("worklist-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv",
                    service.worklistCsv(id, filter, teamAccess));
        }
        List<WorklistRow> rows = service.worklist(id, filter, teamAccess);
        access.worklistShown(id, rows.size());
        return ResponseEntity.ok(new WorklistResponse(id, rows));
    }

    /** The body of {@code PUT /api/quality/worklist/{team}/{localPatientId}/{item}}. */
    record StatusRequest(@Schema(allowableValues = { "to_fix", "fixed", "cannot_fix" }) String status,
            @Schema(maxLength = 500) String note) {
    }

    @PutMapping("/worklist/{team}/{localPatientId}/{item}")
    @Operation(summary = "Set a worklist row's status (to fix, fixed, cannot fix) and note; it survives reloads")
    @ApiResponse(responseCode = "200", description = "The row with its new status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = WorklistRow.class)))
    @ApiResponse(responseCode = "400", description = "A bad status or note", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "Not one of the caller's teams", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such record and item on the team's worklist", content =
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<?> setStatus(@PathVariable String team, @PathVariable String localPatientId,
            @PathVariable String item, @RequestBody(required = false) StatusRequest body) {
        if (body == null || body.status() == null) {
            throw new BadRequestException("status: required, one of " + ids(WorklistStatus.values(),
                    WorklistStatus::id));
        }
        WorklistStatus status = WorklistStatus.fromId(body.status()).orElseThrow(() -> new BadRequestException(
                "status: must be one of " + ids(WorklistStatus.values(), WorklistStatus::id) + ", not '"
                        + body.status() + "'"));
        if (body.note() != null && body.note().length() > 500) {
            throw new BadRequestException("note: at most 500 characters, not " + body.note().length());
        }
        TeamAccess teamAccess = access.teamAccess();
        if (!teamAccess.allows(team)) {
            throw new WorklistAccessDeniedException(team);
        }
        Optional<QualityItem> known = QualityItem.fromId(item);
        if (known.isEmpty() || !service.teams().contains(team)) {
            return notFound(team, localPatientId, item);
        }
        try {
            return ResponseEntity.ok(service.setStatus(team, localPatientId, known.get(), status, body.note(),
                    teamAccess));
        } catch (UnknownWorklistRowException e) {
            return notFound(team, localPatientId, item);
        }
    }

    private static ResponseEntity<ApiError> notFound(String team, String localPatientId, String item) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("not_found", "No record '"
                + localPatientId + "' with item '" + item + "' on team " + team + "'s worklist"));
    }

    @GetMapping("/escalations")
    @Operation(summary = "Teams and sites below a data-quality threshold on consecutive complete months")
    @ApiResponse(responseCode = "200", description = "The escalations", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = EscalationsResponse.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    ResponseEntity<?> escalations(
            @Parameter(description = "The last month looked at, YYYY-MM (default: the latest loaded)",
                    schema = @Schema(type = "string", pattern = MONTH_PATTERN))
            @RequestParam(required = false) String to,
            @Parameter(description = "Round counts as the NHS publishes them (always on for the board)",
                    schema = @Schema(type = "boolean", defaultValue = "false"))
            @RequestParam(required = false) String suppress,
            @Parameter(description = FORMAT, schema = @Schema(type = "string", allowableValues = { "json", "csv" }))
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        ApiParameters.check(params, Set.of("to", "suppress", "format"));
        Optional<YearMonth> asOf = ApiParameters.month("to", to);
        boolean suppressed = access.suppress(ApiParameters.bool("suppress", suppress, false));
        boolean csv = wantsCsv(format, accept);
        if (csv) {
            String month = asOf.map(YearMonth::toString).orElse(YearMonth.now().toString());
            return csv("quality-escalations-" + month + ".csv", service.escalationsCsv(asOf, suppressed));
        }
        List<Escalation> rows = service.escalations(asOf, suppressed);
        return ResponseEntity.ok(new EscalationsResponse(service.escalationMonths(), suppressed,
                rows.stream().map(EscalationRow::of).toList()));
    }

    /** JSON whatever was asked for (a CSV download too), and audited: who was refused what, and why. */
    @ExceptionHandler(WorklistAccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(WorklistAccessDeniedException e, HttpServletRequest request) {
        access.worklistRefused(request.getMethod() + " " + request.getRequestURI(), e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("forbidden", e.getMessage()));
    }

    /** Through the export route, which audits the file once written. */
    private ResponseEntity<String> csv(String fileName, Table table, Exports.Audit what) {
        return csv(fileName, exports.csv(table, what));
    }

    private static ResponseEntity<String> csv(String fileName, byte[] written) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(new String(written, StandardCharsets.UTF_8));
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ApiParameters.refused("format", "json or csv", format);
        }
        return "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
    }

    private static <T> List<String> ids(T[] values, java.util.function.Function<T, String> id) {
        return java.util.Arrays.stream(values).map(id).toList();
    }

    private static Optional<QualityItem> item(String id) {
        return ApiParameters.choice("item", id, QualityItem::fromId, ids(QualityItem.values(), QualityItem::id));
    }

    private static Period period(String fromValue, String toValue) {
        Optional<YearMonth> from = ApiParameters.month("from", fromValue);
        Optional<YearMonth> to = ApiParameters.month("to", toValue);
        ApiParameters.checkOrder("from", from, "to", to);
        return new Period(from, to);
    }
}
