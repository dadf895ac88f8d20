package org.perinatalequity.breakdown.api;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.perinatalequity.breakdown.Adjustment;
import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownMaps;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.BreakdownTables;
import org.perinatalequity.breakdown.InvalidRequestException;
import org.perinatalequity.breakdown.MeasureNotFoundException;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.breakdown.TrendSpec;
import org.perinatalequity.export.ArrowExport;
import org.perinatalequity.export.Exports;
import org.perinatalequity.export.Table;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.reference.AreaNames;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.system.api.ApiError;
import org.perinatalequity.system.api.ApiParameters;
import org.perinatalequity.system.api.BadRequestException;
import org.perinatalequity.stats.SpcInput.Chart;
import org.perinatalequity.system.api.DimensionFilters;
import org.perinatalequity.system.DataVersion;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analyst API of DESIGN.md section 4: the measure catalogue, the dimensions, breakdowns and trends, as JSON
 * (default), CSV ({@code ?format=csv} or {@code Accept: text/csv}) or an Arrow IPC stream ({@code ?format=arrow}).
 * Suppression is on unless an ANALYST asks for {@code suppress=false}.
 */
@RestController
@RequestMapping("/api")
class MeasuresController {

    private static final String MONTH = ApiParameters.MONTH_PATTERN;

    private static final Set<String> OPTIONS = Set.of("by", "by2", "from", "to", "suppress", "reference", "format",
            "adjust");
    /** The breakdown's options and how the trend is charted. */
    private static final Set<String> TREND_OPTIONS = Set.of("by", "by2", "from", "to", "suppress", "reference",
            "format", "chart", "rolling", "rebase");

    /** The map's options (DESIGN.md section 8); with {@code adjust=maternal_age} it colours by the standardised ratio. */
    private static final Set<String> MAP_OPTIONS = Set.of("by", "from", "to", "suppress", "format", "adjust");

    private final BreakdownService service;
    private final Exports exports;
    private final ObjectMapper objectMapper;
    private final AccessPolicy policy;

    private final BreakdownMaps maps;
    private final DataVersion dataVersion;
    private final PerVersion<List<Measure>> catalogue = new PerVersion<>();
    private final PerVersion<List<DimensionInfo>> dimensionList = new PerVersion<>();

    MeasuresController(BreakdownService service, BreakdownMaps maps, Exports exports, ObjectMapper objectMapper,
            AccessPolicy policy, DataVersion dataVersion) {
        this.maps = maps;
        this.dataVersion = dataVersion;
        this.policy = policy;
        this.service = service;
        this.exports = exports;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/measures")
    List<Measure> measures() {
        return catalogue.get(dataVersion.current(), service::measures);
    }

    /**
     * Every dimension's values (one query per dimension over the facts) and the area names: the same for every caller
     * until the next refresh, so computed once per data version (issue 14: 1.7 s a call before).
     */
    @GetMapping("/dimensions")
    List<DimensionInfo> dimensions() {
        return dimensionList.get(dataVersion.current(), () -> Arrays.stream(Dimension.values())
                .map(d -> new DimensionInfo(d.id(), d.label(), service.dimensionValues(d),
                        AreaNames.isNamed(d) ? service.names(d) : null)).toList());
    }

    /**
     * One answer kept for one data version ({@link DataVersion} moves on before a refresh is announced): the version
     * is read before computing, so an answer computed across a refresh is kept under the older version and never
     * served after it.
     */
    static final class PerVersion<T> {

        private record Kept<T>(long version, T value) {
        }

        private volatile @Nullable Kept<T> kept;

        T get(long version, Supplier<T> compute) {
            Kept<T> current = kept;
            if (current != null && current.version() == version) {
                return current.value();
            }
            T value = compute.get();
            kept = new Kept<>(version, value);
            return value;
        }
    }

    /** One dimension and its values; {@code names} (code → name) for the coded areas only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DimensionInfo(String id, String name, List<String> values, Map<String, String> names) {
    }

    @GetMapping("/measures/{id}/breakdown")
    @DimensionFilters
    @Operation(summary = "A measure broken down by one or two dimensions",
            description = "Rows per group with Wilson limits, the Fingertips comparison with the LMNS total, ratios"
                    + " to a reference group and the SII/RII over deprivation. Filters: one query parameter per"
                    + " dimension id.")
    @ApiResponse(responseCode = "200", description = "The breakdown", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = BreakdownResult.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = ArrowExport.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")) })
    @ApiResponse(responseCode = "400", description = "A parameter or filter value it does not take", content =
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such measure", content = @Content(mediaType =
            MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
    void breakdown(@Parameter(description = "Measure id (GET /api/measures)") @PathVariable String id,
            @Parameter(description = "The dimension to break down by", required = true,
                    schema = @Schema(implementation = Dimension.class)) @RequestParam(required = false) String by,
            @Parameter(description = "A second dimension (a heat map of by × by2)",
                    schema = @Schema(implementation = Dimension.class)) @RequestParam(required = false) String by2,
            @Parameter(description = "First month, YYYY-MM (default: the first month with data)",
                    schema = @Schema(type = "string", pattern = MONTH)) @RequestParam(required = false) String from,
            @Parameter(description = "Last month, YYYY-MM (default: the last month with data)",
                    schema = @Schema(type = "string", pattern = MONTH)) @RequestParam(required = false) String to,
            @Parameter(description = "Small-number suppression; only ANALYST users may turn it off",
                    schema = @Schema(type = "boolean", defaultValue = "true"))
            @RequestParam(required = false) String suppress,
            @Parameter(description = "A group of `by`: each row gets its ratio to this group")
            @RequestParam(required = false) String reference,
            @Parameter(description = "json (default), csv or arrow (an Arrow IPC stream)",
                    schema = @Schema(type = "string", allowableValues = { "json", "csv", "arrow" }))
            @RequestParam(required = false) String format,
            @Parameter(description = ADJUST_DESCRIPTION, schema = @Schema(type = "string",
                    allowableValues = { "maternal_age" })) @RequestParam(required = false) String adjust,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        checkParameters(params);
        Format answer = format(format, request);
        Dimension first = dimension("by", required("by", by));
        Dimension second = by2 == null ? null : dimension("by2", by2);
        if (first == second) {
            throw ApiParameters.invalid("by2", "must differ from 'by'");
        }
        BreakdownResult result = service.breakdown(new BreakdownRequest(id, first, second, month("from", from),
                month("to", to), filters(params), suppress(suppress), reference, adjustment(adjust)));
        respond(answer, response, result, BreakdownTables.of(result), BreakdownTables.fileName(result,
                answer.extension), BreakdownService.exportOf(result, answer.auditName));
    }

    @GetMapping("/measures/{id}/map")
    @DimensionFilters
    @Operation(summary = "A choropleth map of a measure by area",
            description = "SVG (default) with one <path id=\"CODE\"> and a <title> per area, a legend of at most five"
                    + " classes with their ranges and counts, significance against the LMNS as outlines and suppressed"
                    + " areas hatched; format=png for a PNG. The same rows as the breakdown by the same area.")
    @ApiResponse(responseCode = "200", description = "The map", content = {
            @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")) })
    @ApiResponse(responseCode = "400", description = "A parameter it does not take, or a level it cannot map yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<byte[]> map(@Parameter(description = "Measure id (GET /api/measures)") @PathVariable String id,
            @Parameter(description = "The areas drawn", required = true, schema = @Schema(type = "string",
                    allowableValues = { "lsoa", "msoa", "ward", "neighbourhood", "pcn", "place" }))
            @RequestParam(required = false) String by,
            @Parameter(description = "First month, YYYY-MM", schema = @Schema(type = "string", pattern = MONTH))
            @RequestParam(required = false) String from,
            @Parameter(description = "Last month, YYYY-MM", schema = @Schema(type = "string", pattern = MONTH))
            @RequestParam(required = false) String to,
            @Parameter(description = "Small-number suppression; only ANALYST users may turn it off",
                    schema = @Schema(type = "boolean", defaultValue = "true"))
            @RequestParam(required = false) String suppress,
            @Parameter(description = "svg (default) or png",
                    schema = @Schema(type = "string", allowableValues = { "svg", "png" }))
            @RequestParam(required = false) String format,
            @Parameter(description = "maternal_age: colour each area by its ratio of observed to expected events at"
                    + " the LMNS's rates by maternal age band", schema = @Schema(type = "string",
                    allowableValues = { "maternal_age" })) @RequestParam(required = false) String adjust,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        checkParameters(params, MAP_OPTIONS);
        String level = required("by", by);
        org.perinatalequity.breakdown.BreakdownMaps.MapLevel mapLevel = org.perinatalequity.breakdown.BreakdownMaps
                .MapLevel.fromId(level).orElseThrow(() -> ApiParameters.invalid("by", "'" + level
                        + "' is not one of lsoa, msoa, ward, neighbourhood, pcn, place"));
        if (format != null && !format.equals("svg") && !format.equals("png")) {
            throw ApiParameters.invalid("format", "'" + format + "' is not svg or png");
        }
        var map = maps.map(id, mapLevel, new BreakdownRequest(id, Dimension.LSOA, null, month("from", from),
                month("to", to), filters(params), suppress(suppress), null, adjustment(adjust)));
        return "png".equals(format)
                ? ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(map.image().png())
                : ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
                        .body(map.image().svg().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/measures/{id}/trend")
    @DimensionFilters
    @Operation(summary = "A measure over time, with Making Data Count SPC flags")
    @ApiResponse(responseCode = "200", description = "The trend", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = TrendResult.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = ArrowExport.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary")) })
    @ApiResponse(responseCode = "400", description = "A parameter or filter value it does not take", content =
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
    void trend(@Parameter(description = "Measure id (GET /api/measures)") @PathVariable String id,
            @Parameter(description = "The period of each point (default month)", schema = @Schema(type = "string",
                    allowableValues = { "month", "quarter", "financial_year" }, defaultValue = "month"))
            @RequestParam(required = false) String by,
            @Parameter(description = "Small-number suppression; only ANALYST users may turn it off",
                    schema = @Schema(type = "boolean", defaultValue = "true"))
            @RequestParam(required = false) String suppress,
            @Parameter(description = "json (default), csv or arrow (an Arrow IPC stream)",
                    schema = @Schema(type = "string", allowableValues = { "json", "csv", "arrow" }))
            @RequestParam(required = false) String format,
            @Parameter(description = "SPC chart: xmr (default, on the rates), p, or p_prime (Laney's p′)",
                    schema = @Schema(type = "string", allowableValues = { "xmr", "p", "p_prime" }))
            @RequestParam(required = false) String chart,
            @Parameter(description = "Rolling rates over this many months (1 = none; by=month only; rare-event"
                    + " measures default to 12)", schema = @Schema(type = "integer", minimum = "1", maximum = "24"))
            @RequestParam(required = false) String rolling,
            @Parameter(description = "Months starting a new SPC period, YYYY-MM[,YYYY-MM], or none (default: the"
                    + " equity.spc.rebase.<measure> setting)", schema = @Schema(type = "string"))
            @RequestParam(required = false) String rebase,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        checkParameters(params, TREND_OPTIONS);
        Format answer = format(format, request);
        Dimension period = by == null ? Dimension.MONTH : dimension("by", by);
        TrendResult result = service.trend(id, period, filters(params), suppress(suppress),
                trendSpec(chart, rolling, rebase));
        respond(answer, response, result, BreakdownTables.of(result), BreakdownTables.fileName(result,
                answer.extension), new Exports.Audit("trend:" + result.measure(), answer.auditName + " by "
                        + result.by() + (result.suppressed() ? ", suppressed" : ", NOT suppressed"),
                        result.points().size()));
    }

    /** The breakdown's own refusals (a period backwards, an absent reference group...) are the caller's error. */
    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiError> invalid(InvalidRequestException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("bad_request", e.getMessage()));
    }

    @ExceptionHandler(MeasureNotFoundException.class)
    ResponseEntity<ApiError> notFound(MeasureNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("not_found", e.getMessage()));
    }

    /** The answer's format: {@code ?format=} first, then {@code Accept: text/csv}, JSON otherwise. */
    enum Format {
        JSON("json", "JSON"), CSV("csv", "CSV"), ARROW("arrow", "Arrow");

        final String extension;
        final String auditName;

        Format(String extension, String auditName) {
            this.extension = extension;
            this.auditName = auditName;
        }
    }

    private static Format format(String format, HttpServletRequest request) {
        if (format == null) {
            String accept = request.getHeader("Accept");
            return accept != null && accept.contains("text/csv") ? Format.CSV : Format.JSON;
        }
        return Arrays.stream(Format.values()).filter(f -> f.extension.equals(format)).findFirst()
                .orElseThrow(() -> ApiParameters.refused("format", "json, csv or arrow", format));
    }

    /** JSON as it is; CSV and Arrow through the export route, which audits them once written. */
    private void respond(Format format, HttpServletResponse response, Object json, Table table, String fileName,
            Exports.Audit what) throws IOException {
        if (format == Format.JSON) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), json);
            return;
        }
        Exports.Format file = format == Format.CSV ? Exports.Format.CSV : Exports.Format.ARROW;
        response.setContentType(file.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName));
        exports.write(table, file, response.getOutputStream(), what);
    }

    /** chart=xmr|p|p_prime, rolling=N (months, 1 = none), rebase=YYYY-MM[,YYYY-MM] or none; absent = the default. */
    private static TrendSpec trendSpec(String chart, String rolling, String rebase) {
        TrendSpec spec = TrendSpec.defaults();
        if (chart != null) {
            spec = spec.withChart(switch (chart) {
                case "xmr" -> Chart.XMR;
                case "p" -> Chart.P;
                case "p_prime" -> Chart.P_PRIME;
                default -> throw ApiParameters.refused("chart", "xmr, p or p_prime", chart);
            });
        }
        if (rolling != null) {
            try {
                spec = spec.withRollingMonths(Integer.parseInt(rolling.strip()));
            } catch (NumberFormatException e) {
                throw ApiParameters.refused("rolling", "a number of months from 1 to " + TrendSpec.MAX_ROLLING_MONTHS,
                        rolling);
            }
        }
        if (rebase != null) {
            List<YearMonth> months = new ArrayList<>();
            if (!rebase.strip().equals("none")) {
                for (String part : rebase.split(",")) {
                    try {
                        months.add(YearMonth.parse(part.strip()));
                    } catch (DateTimeParseException e) {
                        throw ApiParameters.refused("rebase", "months as YYYY-MM[,YYYY-MM] or none", rebase);
                    }
                }
            }
            spec = spec.withRebaseAt(months);
        }
        return spec;
    }

    /** Measure ids and dimension ids are [a-z0-9_], so the name needs no escaping. */
    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }

    /** Every name is an option or a dimension id, and no option is given twice. */
    private static void checkParameters(MultiValueMap<String, String> params) {
        checkParameters(params, OPTIONS);
    }

    private static void checkParameters(MultiValueMap<String, String> params, Set<String> options) {
        ApiParameters.check(params, options, name -> Dimension.fromId(name).isPresent(), false);
    }

    /** Filter values, each checked against the dimension's values: a misspelt one is a 400, not an empty answer. */
    private Map<Dimension, List<String>> filters(MultiValueMap<String, String> params) {
        Map<Dimension, List<String>> filters = new LinkedHashMap<>();
        params.forEach((name, values) -> Dimension.fromId(name).ifPresent(d -> {
            List<String> accepted = new ArrayList<>();
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        accepted.add(part.strip());
                    }
                }
            }
            if (accepted.isEmpty()) {
                throw ApiParameters.invalid(name, "give at least one value");
            }
            List<String> valid = service.dimensionValues(d);
            for (String value : accepted) {
                if (!valid.contains(value)) {
                    throw BadRequestException.unknownValue(name, value, valid);
                }
            }
            filters.put(d, List.copyOf(accepted));
        }));
        return filters;
    }

    /** Suppression stays on unless an analyst asks for it off; BOARD and every other role always get it. */
    private boolean suppress(String value) {
        return ApiParameters.bool("suppress", value, true) || !policy.mayDisableSuppression();
    }

    private static final String ADJUST_DESCRIPTION = "maternal_age: each row also carries observed, expected (at the"
            + " whole LMNS's rates by maternal age band <20, 20-24, 25-29, 30-34, 35-39, 40+ in the same period),"
            + " ratio, ratioLower95, ratioUpper95 (the standardised ratio, exact limits under 10 observed, Byar from"
            + " 10) and adjustedValue (ratio × the LMNS value). Records without the mother's birth date are left"
            + " out of observed and expected. Not with reference.";

    /** {@code adjust=maternal_age} or nothing. */
    private static Adjustment adjustment(String value) {
        if (value == null) {
            return null;
        }
        return Adjustment.fromId(value.strip())
                .orElseThrow(() -> ApiParameters.refused("adjust", "maternal_age", value));
    }

    private static Dimension dimension(String parameter, String id) {
        return ApiParameters.dimension(parameter, id, Dimension::fromId);
    }

    private static YearMonth month(String name, String value) {
        return ApiParameters.month(name, value).orElse(null);
    }

    private static String required(String name, String value) {
        return ApiParameters.required(name, value);
    }
}
