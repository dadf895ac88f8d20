package org.perinatalequity.breakdown.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.perinatalequity.breakdown.BreakdownRequest;
import org.perinatalequity.breakdown.BreakdownResult;
import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.breakdown.BreakdownTables;
import org.perinatalequity.breakdown.MeasureNotFoundException;
import org.perinatalequity.breakdown.TrendResult;
import org.perinatalequity.breakdown.TrendSpec;
import org.perinatalequity.export.ArrowExport;
import org.perinatalequity.export.CsvExport;
import org.perinatalequity.export.Table;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.reference.AreaNames;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.stats.SpcInput.Chart;
import org.perinatalequity.system.api.ApiError;
import org.perinatalequity.system.api.BadRequestException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analyst API of DESIGN.md section 4: the measure catalogue, the dimensions, breakdowns and trends, as JSON
 * (default), CSV ({@code ?format=csv} or {@code Accept: text/csv}) or an Arrow IPC stream ({@code ?format=arrow}).
 * Suppression is on unless an ANALYST asks for {@code suppress=false}.
 */
@RestController
@RequestMapping("/api")
class MeasuresController {

    private static final Set<String> OPTIONS = Set.of("by", "by2", "from", "to", "suppress", "reference", "format");

    /** The breakdown's options (as before) and how the trend is charted. */
    private static final Set<String> TREND_OPTIONS = Set.of("by", "by2", "from", "to", "suppress", "reference",
            "format", "chart", "rolling", "rebase");

    private final BreakdownService service;
    private final ArrowExport arrow;
    private final ObjectMapper objectMapper;
    private final AccessPolicy policy;

    MeasuresController(BreakdownService service, ArrowExport arrow, ObjectMapper objectMapper, AccessPolicy policy) {
        this.policy = policy;
        this.service = service;
        this.arrow = arrow;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/measures")
    List<Measure> measures() {
        return service.measures();
    }

    @GetMapping("/dimensions")
    List<DimensionInfo> dimensions() {
        return Arrays.stream(Dimension.values())
                .map(d -> new DimensionInfo(d.id(), d.label(), service.dimensionValues(d),
                        AreaNames.isNamed(d) ? service.names(d) : null)).toList();
    }

    /** One dimension and its values; {@code names} (code → name) for the coded areas only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DimensionInfo(String id, String name, List<String> values, Map<String, String> names) {
    }

    @GetMapping("/measures/{id}/breakdown")
    void breakdown(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Map<String, String[]> params = request.getParameterMap();
        checkParameters(params);
        Dimension by = dimension("by", required(params, "by"));
        Dimension by2 = params.containsKey("by2") ? dimension("by2", single(params, "by2")) : null;
        if (by == by2) {
            throw new BadRequestException("Parameter 'by2': must differ from 'by'");
        }
        BreakdownResult result = service.breakdown(new BreakdownRequest(id, by, by2, month(params, "from"),
                month(params, "to"), filters(params), suppress(params, request), single(params, "reference")));
        if (exportFormat(request)) {
            service.audited(result, request.getParameter("format") == null ? "CSV" : request.getParameter("format"));
        }
        respond(request, response, result, BreakdownTables.of(result));
    }

    private static boolean exportFormat(HttpServletRequest request) {
        String format = request.getParameter("format");
        String accept = request.getHeader("Accept");
        return (format != null && !format.equals("json")) || (format == null && accept != null
                && accept.contains("text/csv"));
    }

    @GetMapping("/measures/{id}/trend")
    void trend(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String[]> params = request.getParameterMap();
        checkParameters(params, TREND_OPTIONS);
        Dimension by = params.containsKey("by") ? dimension("by", single(params, "by")) : Dimension.MONTH;
        TrendResult result = service.trend(id, by, filters(params), suppress(params, request), trendSpec(params));
        respond(request, response, result, BreakdownTables.of(result));
    }

    @ExceptionHandler(MeasureNotFoundException.class)
    ResponseEntity<ApiError> notFound(MeasureNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("not_found", e.getMessage()));
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, Object json, Table table)
            throws IOException {
        String format = request.getParameter("format");
        String accept = request.getHeader("Accept");
        if (format == null && accept != null && accept.contains("text/csv")) {
            format = "csv";
        }
        if (format == null || format.equals("json")) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), json);
        } else if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            OutputStreamWriter writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            CsvExport.write(table, writer);
            writer.flush();
        } else if (format.equals("arrow")) {
            response.setContentType(ArrowExport.MEDIA_TYPE);
            arrow.write(table, response.getOutputStream());
        } else {
            throw new BadRequestException("Parameter 'format': json, csv or arrow, not '" + format + "'");
        }
    }

    private static void checkParameters(Map<String, String[]> params) {
        checkParameters(params, OPTIONS);
    }

    private static void checkParameters(Map<String, String[]> params, Set<String> options) {
        for (String name : params.keySet()) {
            if (!options.contains(name) && Dimension.fromId(name).isEmpty()) {
                throw new BadRequestException("Parameter '" + name + "' is neither an option (" + String.join(", ",
                        new java.util.TreeSet<>(options)) + ") nor a dimension id (GET /api/dimensions)");
            }
        }
    }

    /** chart=xmr|p|p_prime, rolling=N (months, 1 = none), rebase=YYYY-MM[,YYYY-MM] or none; absent = the default. */
    private static TrendSpec trendSpec(Map<String, String[]> params) {
        TrendSpec spec = TrendSpec.defaults();
        String chart = single(params, "chart");
        if (chart != null) {
            spec = spec.withChart(switch (chart) {
                case "xmr" -> Chart.XMR;
                case "p" -> Chart.P;
                case "p_prime" -> Chart.P_PRIME;
                default -> throw new BadRequestException("Parameter 'chart': xmr, p or p_prime, not '" + chart + "'");
            });
        }
        String rolling = single(params, "rolling");
        if (rolling != null) {
            try {
                spec = spec.withRollingMonths(Integer.parseInt(rolling.strip()));
            } catch (NumberFormatException e) {
                throw new BadRequestException("Parameter 'rolling': a number of months from 1 to "
                        + TrendSpec.MAX_ROLLING_MONTHS + ", not '" + rolling + "'");
            }
        }
        String rebase = single(params, "rebase");
        if (rebase != null) {
            List<YearMonth> months = new ArrayList<>();
            if (!rebase.strip().equals("none")) {
                for (String part : rebase.split(",")) {
                    try {
                        months.add(YearMonth.parse(part.strip()));
                    } catch (DateTimeParseException e) {
                        throw new BadRequestException("Parameter 'rebase': months as YYYY-MM[,YYYY-MM] or none, not '"
                                + rebase + "'");
                    }
                }
            }
            spec = spec.withRebaseAt(months);
        }
        return spec;
    }

    private static Map<Dimension, List<String>> filters(Map<String, String[]> params) {
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
                throw new BadRequestException("Parameter '" + name + "': give at least one value");
            }
            filters.put(d, List.copyOf(accepted));
        }));
        return filters;
    }

    /** Suppression stays on unless an analyst asks for it off; BOARD and every other role always get it. */
    private boolean suppress(Map<String, String[]> params, HttpServletRequest request) {
        String value = single(params, "suppress");
        if (value == null || value.equals("true")) {
            return true;
        }
        if (!value.equals("false")) {
            throw new BadRequestException("Parameter 'suppress': true or false, not '" + value + "'");
        }
        return !policy.mayDisableSuppression();
    }

    private static Dimension dimension(String parameter, String id) {
        return Dimension.fromId(id).orElseThrow(() -> new BadRequestException("Parameter '" + parameter
                + "': unknown dimension '" + id + "' (GET /api/dimensions lists them)"));
    }

    private static YearMonth month(Map<String, String[]> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("Parameter '" + name + "': a month as YYYY-MM, not '" + value + "'");
        }
    }

    private static String required(Map<String, String[]> params, String name) {
        String value = single(params, name);
        if (value == null || value.isBlank()) {
            throw new BadRequestException("Parameter '" + name + "' is required");
        }
        return value;
    }

    private static String single(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw new BadRequestException("Parameter '" + name + "' given more than once");
        }
        return values[0];
    }
}
