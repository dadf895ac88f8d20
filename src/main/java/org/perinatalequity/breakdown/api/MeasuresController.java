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
import org.perinatalequity.export.ArrowExport;
import org.perinatalequity.export.CsvExport;
import org.perinatalequity.export.Table;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.Measure;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.system.api.ApiError;
import org.perinatalequity.system.api.BadRequestException;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
                .map(d -> new DimensionInfo(d.id(), d.label(), service.dimensionValues(d))).toList();
    }

    /** One dimension and its values. */
    record DimensionInfo(String id, String name, List<String> values) {
    }

    @GetMapping("/measures/{id}/breakdown")
    void breakdown(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Map<String, String[]> params = request.getParameterMap();
        checkParameters(params);
        Format format = format(request);
        Dimension by = dimension("by", required(params, "by"));
        Dimension by2 = params.containsKey("by2") ? dimension("by2", single(params, "by2")) : null;
        if (by == by2) {
            throw new BadRequestException("Parameter 'by2': must differ from 'by'");
        }
        BreakdownResult result = service.breakdown(new BreakdownRequest(id, by, by2, month(params, "from"),
                month(params, "to"), filters(params), suppress(params, request), single(params, "reference")));
        respond(format, response, result, BreakdownTables.of(result), BreakdownTables.fileName(result,
                format.extension));
        // Audited once the export has been written: a refused or failed request took nothing away.
        if (format != Format.JSON) {
            service.audited(result, format.auditName);
        }
    }

    @GetMapping("/measures/{id}/trend")
    void trend(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String[]> params = request.getParameterMap();
        checkParameters(params);
        Format format = format(request);
        Dimension by = params.containsKey("by") ? dimension("by", single(params, "by")) : Dimension.MONTH;
        TrendResult result = service.trend(id, by, filters(params), suppress(params, request));
        respond(format, response, result, BreakdownTables.of(result), BreakdownTables.fileName(result,
                format.extension));
    }

    @ExceptionHandler(MeasureNotFoundException.class)
    ResponseEntity<ApiError> notFound(MeasureNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("not_found", e.getMessage()));
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

    private static Format format(HttpServletRequest request) {
        String[] values = request.getParameterValues("format");
        if (values != null && values.length > 1) {
            throw new BadRequestException("Parameter 'format' given more than once");
        }
        String format = values == null ? null : values[0];
        if (format == null) {
            String accept = request.getHeader("Accept");
            return accept != null && accept.contains("text/csv") ? Format.CSV : Format.JSON;
        }
        return Arrays.stream(Format.values()).filter(f -> f.extension.equals(format)).findFirst()
                .orElseThrow(() -> new BadRequestException("Parameter 'format': json, csv or arrow, not '" + format
                        + "'"));
    }

    private void respond(Format format, HttpServletResponse response, Object json, Table table, String fileName)
            throws IOException {
        switch (format) {
            case JSON -> {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                objectMapper.writeValue(response.getOutputStream(), json);
            }
            case CSV -> {
                response.setContentType("text/csv;charset=UTF-8");
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName));
                OutputStreamWriter writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
                CsvExport.write(table, writer);
                writer.flush();
            }
            case ARROW -> {
                response.setContentType(ArrowExport.MEDIA_TYPE);
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName));
                arrow.write(table, response.getOutputStream());
            }
        }
    }

    /** Measure ids and dimension ids are [a-z0-9_], so the name needs no escaping. */
    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }

    private static void checkParameters(Map<String, String[]> params) {
        for (String name : params.keySet()) {
            if (!OPTIONS.contains(name) && Dimension.fromId(name).isEmpty()) {
                throw new BadRequestException("Parameter '" + name + "' is neither an option (" + String.join(", ",
                        OPTIONS) + ") nor a dimension id (GET /api/dimensions)");
            }
        }
    }

    /** Filter values, each checked against the dimension's values: a misspelt one is a 400, not an empty answer. */
    private Map<Dimension, List<String>> filters(Map<String, String[]> params) {
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
