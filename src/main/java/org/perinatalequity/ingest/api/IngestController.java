package org.perinatalequity.ingest.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.perinatalequity.ingest.IngestRefusedException;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
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
        if (files.isEmpty()) {
            throw new BadRequestException("Parameter 'file': send one .zip or one or more .csv files");
        }
        boolean oneZip = files.size() == 1 && name(files.get(0)).endsWith(".zip");
        for (MultipartFile file : files) {
            String name = name(file);
            if (!oneZip && !name.endsWith(".csv")) {
                throw new BadRequestException("Parameter 'file': '" + file.getOriginalFilename()
                        + "' is not a .csv file (send one .zip, or .csv files only)");
            }
        }
        Path folder = Files.createTempDirectory("equity-upload-");
        try {
            Path submission = folder.resolve("upload");
            Files.createDirectories(submission);
            for (MultipartFile file : files) {
                // Only the last path element of the client's name is used (no path traversal).
                String safe = Path.of(file.getOriginalFilename().replace('\\', '/')).getFileName().toString();
                file.transferTo(submission.resolve(safe));
            }
            Path source = oneZip ? submission.resolve(Path.of(files.get(0).getOriginalFilename().replace('\\', '/'))
                    .getFileName().toString()) : submission;
            IngestReport report = ingestService.ingest(List.of(source), new IngestService.Requester(
                    principal == null ? "anonymous" : principal.getName(), "api"));
            return ResponseEntity.status(report.allLoaded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(report);
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The request itself cannot be served (e.g. no pseudonymisation key configured). */
    @ExceptionHandler(IngestRefusedException.class)
    ResponseEntity<ApiError> refused(IngestRefusedException e) {
        return ResponseEntity.unprocessableEntity().body(new ApiError("ingest_refused", e.getMessage()));
    }

    private static String name(MultipartFile file) {
        return file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
    }
}
