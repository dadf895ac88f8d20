package org.perinatalequity.need.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.perinatalequity.export.Exports;
import org.perinatalequity.need.AssetRow;
import org.perinatalequity.need.NeedLevel;
import org.perinatalequity.need.NeedResult;
import org.perinatalequity.need.NeedService;
import org.perinatalequity.system.api.ApiParameters;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Areas of highest need and the community assets register (DESIGN.md section 8, "Neighbourhoods"), as JSON (default)
 * or CSV ({@code ?format=csv} or {@code Accept: text/csv}), each CSV with its file name and audited. Every role that
 * reads breakdowns reads both; suppression is on unless an ANALYST asks for {@code suppress=false}.
 */
@RestController
class NeedController {

    private static final Set<String> NEED_OPTIONS = Set.of("by", "from", "to", "suppress", "format");
    private static final Set<String> ASSET_OPTIONS = Set.of("format");

    private final NeedService need;
    private final ObjectMapper objectMapper;

    NeedController(NeedService need, ObjectMapper objectMapper) {
        this.need = need;
        this.objectMapper = objectMapper;
    }

    @Operation(summary = "Areas of highest need: neighbourhoods or LSOAs ranked by a weighted composite of births,"
            + " deprivation, the share of Black, Asian and Mixed mothers and the excess events of five outcomes"
            + " (observed - expected at the LMNS's maternal-age-band rates), with each neighbourhood's nearest hub")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NeedResult.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    @GetMapping("/api/neighbourhoods/need")
    void need(@Parameter(description = "The areas ranked", schema = @Schema(type = "string",
                    allowableValues = { "neighbourhood", "lsoa" }, defaultValue = "neighbourhood"))
            @RequestParam(required = false) String by,
            @Parameter(description = "First month, YYYY-MM (default: the first month of the outcome data)",
                    schema = @Schema(type = "string", pattern = ApiParameters.MONTH_PATTERN))
            @RequestParam(required = false) String from,
            @Parameter(description = "Last month, YYYY-MM (default: the last month of the outcome data)",
                    schema = @Schema(type = "string", pattern = ApiParameters.MONTH_PATTERN))
            @RequestParam(required = false) String to,
            @Parameter(description = "Small-number suppression (default true; only ANALYST may switch it off)",
                    schema = @Schema(type = "boolean", defaultValue = "true"))
            @RequestParam(required = false) String suppress,
            @Parameter(description = "json (default) or csv", schema = @Schema(type = "string",
                    allowableValues = { "json", "csv" }))
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiParameters.check(params, NEED_OPTIONS);
        NeedLevel level = ApiParameters.choice("by", by, NeedLevel::fromId,
                Arrays.stream(NeedLevel.values()).map(NeedLevel::id).toList()).orElse(NeedLevel.NEIGHBOURHOOD);
        var first = ApiParameters.month("from", from);
        var last = ApiParameters.month("to", to);
        ApiParameters.checkOrder("from", first, "to", last);
        boolean csv = csv(format, request);
        NeedResult result = need.need(level, first.orElse(null), last.orElse(null),
                ApiParameters.bool("suppress", suppress, true));
        if (csv) {
            Writer out = csvResponse(response, "need-by-" + level.id() + ".csv");
            need.writeCsv(result, out);
            out.flush();
        } else {
            json(response, result);
        }
    }

    @Operation(summary = "The community assets register (family hubs, community hubs, children's centres, VCSE groups)"
            + " with each asset's LSOA from the postcode directory")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AssetRow.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    @GetMapping("/api/assets")
    void assets(@Parameter(description = "json (default) or csv", schema = @Schema(type = "string",
                    allowableValues = { "json", "csv" }))
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiParameters.check(params, ASSET_OPTIONS);
        boolean csv = csv(format, request);
        List<AssetRow> assets = need.assets();
        if (csv) {
            Writer out = csvResponse(response, "community-assets.csv");
            need.writeAssetsCsv(assets, out);
            out.flush();
        } else {
            json(response, assets);
        }
    }

    /** {@code ?format=} first, then {@code Accept: text/csv}; JSON otherwise. */
    private static boolean csv(@Nullable String format, HttpServletRequest request) {
        if (format == null) {
            String accept = request.getHeader("Accept");
            return accept != null && accept.contains("text/csv");
        }
        return switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw ApiParameters.refused("format", "json or csv", format);
        };
    }

    private static Writer csvResponse(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(Exports.Format.CSV.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    }

    private void json(HttpServletResponse response, Object body) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), body);
    }
}
