package org.perinatalequity.security.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.perinatalequity.export.Exports;
import org.perinatalequity.security.AuditEntry;
import org.perinatalequity.security.AuditFilter;
import org.perinatalequity.security.AuditService;
import org.perinatalequity.system.api.BadRequestException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit} (ADMIN): the audit log, newest first, as the Audit log page shows it; {@code format=csv}
 * gives the whole filtered log as CSV (that export is itself audited by the service).
 */
@RestController
@RequestMapping("/api")
class AuditController {

    private static final int MAX_LIMIT = 10_000;

    private final AuditService audit;
    private final Exports exports;

    AuditController(AuditService audit, Exports exports) {
        this.audit = audit;
        this.exports = exports;
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit log, newest first")
    @ApiResponse(responseCode = "200", description = "Audit entries", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = AuditEntry.class))),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    ResponseEntity<?> entries(
            @Parameter(description = "Only this user (exact, case-insensitive)") @RequestParam(required = false)
            String user,
            @Parameter(description = "Only this action", schema = @Schema(type = "string", allowableValues = {
                    AuditService.LOGIN, AuditService.LOGIN_FAILED, AuditService.ACCOUNT_LOCKED, AuditService.LOGOUT,
                    AuditService.INGEST, AuditService.REFERENCE_LOAD, AuditService.EXPORT, AuditService.RECORD_VIEW,
                    AuditService.ACCESS_DENIED, AuditService.CONFIG_CHANGE, AuditService.APP_START }))
            @RequestParam(required = false) String action,
            @Parameter(description = "At most this many entries (JSON; default 500, at most 10000)",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "10000", defaultValue = "500"))
            @RequestParam(required = false) String limit,
            @Parameter(description = "json (default) or csv (every matching entry)",
                    schema = @Schema(type = "string", allowableValues = { "json", "csv" }))
            @RequestParam(required = false) String format) {
        if (action != null && !AuditService.ACTIONS.contains(action)) {
            throw BadRequestException.unknownValue("action", action, AuditService.ACTIONS);
        }
        AuditFilter filter = AuditFilter.empty().withUser(user).withAction(action);
        if ("csv".equals(format)) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("audit-log.csv").build().toString())
                    .body(exports.auditLogCsv(filter));
        }
        if (format != null && !format.equals("json")) {
            throw new BadRequestException("Parameter 'format': json or csv, not '" + format + "'");
        }
        List<AuditEntry> entries = audit.find(filter, limit(limit));
        return ResponseEntity.ok(entries);
    }

    private static int limit(String value) {
        if (value == null) {
            return 500;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new BadRequestException("Parameter 'limit': a whole number from 1 to " + MAX_LIMIT + ", not '" + value
                + "'");
    }
}
