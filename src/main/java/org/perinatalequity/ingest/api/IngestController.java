package org.perinatalequity.ingest.api;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import org.perinatalequity.ingest.IngestRefusedException;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.system.Intake;
import org.perinatalequity.system.IntakeRefusedException;
import org.perinatalequity.system.api.ApiError;
import org.perinatalequity.system.api.BadRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/ingest}: one zip, or several CSV files, of one submission; answers the ingest report
 * (200 when the submission loaded, 422 when it was refused).
 */
@RestController
@RequestMapping("/api")
class IngestController {

    private final IngestService ingestService;

    IngestController(IngestService ingestService) {
        this.ingestService = ingestService;
    }

    @PostMapping(path = "/ingest", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IngestReport> ingest(@RequestPart("file") List<MultipartFile> files, Principal principal)
            throws IOException {
        try (Intake intake = Intake.open(Intake.Mode.SUBMISSION)) {
            for (MultipartFile file : files) {
                intake.add(file.getOriginalFilename(), file::transferTo);
            }
            IngestReport report = intake.load(sources -> ingestService.ingest(sources, new IngestService.Requester(
                    principal == null ? "anonymous" : principal.getName(), "api")));
            return ResponseEntity.status(report.allLoaded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(report);
        } catch (IntakeRefusedException e) {
            throw new BadRequestException("Parameter 'file': " + e.getMessage());
        }
    }

    /** The request itself cannot be served (e.g. no pseudonymisation key configured). */
    @ExceptionHandler(IngestRefusedException.class)
    ResponseEntity<ApiError> refused(IngestRefusedException e) {
        return ResponseEntity.unprocessableEntity().body(new ApiError("ingest_refused", e.getMessage()));
    }
}
