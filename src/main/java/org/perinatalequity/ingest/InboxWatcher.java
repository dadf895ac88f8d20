package org.perinatalequity.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.perinatalequity.security.SystemCaller;
import org.perinatalequity.system.EquityProperties;
import org.perinatalequity.system.Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches the inbox folder of the running server: every .zip or folder dropped there is one submission.
 * An entry is loaded once it has not changed for one poll (so a half-copied file is never read), then
 * moved to {@code processed/} or {@code refused/} with its JSON report beside it.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "equity.ingest.inbox-enabled", havingValue = "true")
class InboxWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final IngestService ingestService;
    private final ObjectMapper objectMapper;
    private final Path inbox;
    private final Map<Path, FileTime> seen = new HashMap<>();

    InboxWatcher(IngestService ingestService, ObjectMapper objectMapper, EquityProperties properties) {
        this.ingestService = ingestService;
        this.objectMapper = objectMapper;
        this.inbox = properties.ingest().inbox().toAbsolutePath().normalize();
    }

    @Scheduled(fixedDelayString = "${equity.ingest.inbox-poll-seconds:10}", timeUnit = java.util.concurrent.TimeUnit.SECONDS)
    void poll() {
        try {
            Files.createDirectories(inbox);
            List<Path> entries;
            try (Stream<Path> list = Files.list(inbox)) {
                entries = list.filter(p -> isSubmission(p)).sorted().toList();
            }
            for (Path entry : entries) {
                FileTime modified = lastModified(entry);
                if (modified.equals(seen.get(entry))) {
                    seen.remove(entry);
                    load(entry);
                } else {
                    seen.put(entry, modified);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Inbox {} could not be processed: {}", inbox, e.getMessage());
        }
    }

    private void load(Path entry) throws IOException {
        LOG.info("Inbox: loading {}", entry.getFileName());
        // The load reads a private copy (the intake deletes it whatever happens), so the entry itself can be moved.
        // Dropping a file in the inbox needs access to the server's disk, so the inbox is a system caller.
        IngestReport report = Intake.dropped(Intake.Mode.SUBMISSION, entry).load(sources -> SystemCaller.call(
                () -> ingestService.ingest(sources, new IngestService.Requester("inbox", "inbox"))));
        Path target = inbox.resolve(report.allLoaded() ? "processed" : "refused");
        Files.createDirectories(target);
        String name = LocalDateTime.now().format(STAMP) + "-" + entry.getFileName();
        Files.move(entry, target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        objectMapper.writerWithDefaultPrettyPrinter().writeValue(target.resolve(name + ".report.json").toFile(), report);
    }

    private static boolean isSubmission(Path p) {
        String name = p.getFileName().toString();
        return !name.equals("processed") && !name.equals("refused") && Intake.isDroppedSubmission(p);
    }

    /** Latest change to the entry or anything inside it. */
    private static FileTime lastModified(Path entry) throws IOException {
        try (Stream<Path> files = Files.walk(entry)) {
            return files.map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.fromMillis(0);
                }
            }).max(FileTime::compareTo).orElseThrow();
        }
    }
}
