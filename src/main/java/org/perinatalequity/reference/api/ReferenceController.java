package org.perinatalequity.reference.api;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.perinatalequity.reference.ReferenceRefusedException;
import org.perinatalequity.reference.ReferenceReport;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.system.Intake;
import org.perinatalequity.system.IntakeRefusedException;
import org.perinatalequity.system.api.ApiError;
import org.perinatalequity.system.api.BadRequestException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/reference} (ADMIN): postcode directory and deprivation files, CSV or zipped, the layout found
 * from each header, as the {@code reference PATH...} command loads them; answers what was loaded, 422 when the
 * load was refused whole (nothing changed).
 */
@RestController
@RequestMapping("/api")
class ReferenceController {

    private final ReferenceService referenceService;

    ReferenceController(ReferenceService referenceService) {
        this.referenceService = referenceService;
    }

    @PostMapping(path = "/reference", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Load reference files (postcode directory, IMD)")
    @ApiResponse(responseCode = "200", description = "The files loaded", content = @Content(mediaType =
            MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReferenceReport.class)))
    @ApiResponse(responseCode = "422", description = "Refused whole; nothing changed", content = @Content(mediaType =
            MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ApiError.class)))
    ResponseEntity<ReferenceReport> load(@Parameter(description = "One or more .csv or .zip files")
            @RequestPart("file") List<MultipartFile> files, Principal principal) throws IOException {
        try (Intake intake = Intake.open(Intake.Mode.REFERENCE)) {
            for (MultipartFile file : files) {
                intake.add(file.getOriginalFilename(), file::transferTo);
            }
            return ResponseEntity.ok(intake.load(sources -> referenceService.load(sources,
                    principal == null ? "anonymous" : principal.getName())));
        } catch (IntakeRefusedException e) {
            throw new BadRequestException("Parameter 'file': " + e.getMessage());
        }
    }

    @ExceptionHandler(ReferenceRefusedException.class)
    ResponseEntity<ApiError> refused(ReferenceRefusedException e) {
        return ResponseEntity.unprocessableEntity().body(new ApiError("reference_refused", e.getMessage()));
    }
}
