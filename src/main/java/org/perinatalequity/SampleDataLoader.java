package org.perinatalequity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.security.SystemCaller;
import org.perinatalequity.system.EquityProperties;
import org.perinatalequity.workforce.WorkforceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled synthetic extract ({@code data-samples/llr-sample-msds.zip}, with the MHSDS submission of the same
 * women, {@code llr-sample-mhsds.zip}, when it is there) and its reference files
 * ({@code data-samples/reference/}) when the server starts on an empty database, so a newcomer's first
 * {@code ./mvnw spring-boot:run} shows data. Only in the demo profile.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "equity.sample-data.load-on-first-start", havingValue = "true")
class SampleDataLoader implements ApplicationRunner {

    static final String SAMPLE_EXTRACT = "llr-sample-msds.zip";
    /** The mental health (MHSDS) submission of the same synthetic women, loaded with the maternity extract. */
    static final String SAMPLE_MENTAL_HEALTH = "llr-sample-mhsds.zip";
    static final String SAMPLE_REFERENCE = "reference";
    static final String CLASSPATH = "data-samples/";
    /** The workforce sample: one zip of the workforce dataset per WRES year. */
    static final String SAMPLE_WORKFORCE = "workforce";

    private static final Logger LOG = LoggerFactory.getLogger(SampleDataLoader.class);

    private final IngestService ingestService;
    private final ReferenceService referenceService;
    private final WorkforceService workforceService;
    private final Path location;

    SampleDataLoader(IngestService ingestService, ReferenceService referenceService, WorkforceService workforceService,
            EquityProperties properties) {
        this.ingestService = ingestService;
        this.referenceService = referenceService;
        this.workforceService = workforceService;
        this.location = properties.sampleData().location();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (referenceService.hasReferenceData() && !ingestService.isDatabaseEmpty() && hasWorkforce()) {
            return; // nothing to load: the packaged copy is not written out
        }
        Path folder = Files.isDirectory(location) ? location : fromClasspath(location);
        if (folder != null) {
            load(folder);
        } else {
            LOG.warn("No sample data at {} nor in the application: nothing loaded", location);
        }
    }

    /**
     * The copy packaged in the jar (the build copies data-samples/ onto the classpath), written out to
     * {@code target} (the configured location, {@code ./data-samples} in the demo profile) because the loaders read
     * files, and because the demo's action plan file ({@code equity.action-plan.file}) is read from there too:
     * {@code java -jar} started in any folder finds the demo's data and plan. The files are synthetic.
     */
    static Path fromClasspath(Path target) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + CLASSPATH + "**/*");
            Path folder = null;
            for (Resource resource : found) {
                String url = resource.getURL().toString();
                int at = url.lastIndexOf("/" + CLASSPATH);
                if (at < 0 || url.endsWith("/") || !resource.isReadable()) {
                    continue;
                }
                if (folder == null) {
                    folder = Files.createDirectories(target).toAbsolutePath();
                    LOG.info("No sample data folder at {}: writing out the copy packaged in the application", target);
                }
                Path file = folder.resolve(url.substring(at + CLASSPATH.length() + 1)).normalize();
                if (!file.startsWith(folder)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return folder != null && Files.isRegularFile(folder.resolve(SAMPLE_EXTRACT)) ? folder : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the packaged sample data", e);
        }
    }

    private void load(Path location) {
        Path reference = location.resolve(SAMPLE_REFERENCE);
        if (!referenceService.hasReferenceData() && Files.isDirectory(reference)) {
            LOG.info("No reference data: loading the sample reference files {}", reference);
            SystemCaller.run(() -> referenceService.load(List.of(reference), "system"));
        }
        if (!ingestService.isDatabaseEmpty()) {
            loadWorkforce(location);
            return;
        }
        Path extract = location.resolve(SAMPLE_EXTRACT);
        if (!Files.isRegularFile(extract)) {
            LOG.warn("The database is empty and the sample extract {} is missing: nothing loaded", extract);
            return;
        }
        Path mentalHealth = location.resolve(SAMPLE_MENTAL_HEALTH);
        List<Path> extracts = Files.isRegularFile(mentalHealth) ? List.of(extract, mentalHealth) : List.of(extract);
        LOG.info("Empty database: loading the sample extract {}", extracts);
        // Nobody is signed in at start-up: the first-start load runs as the application itself.
        IngestReport report = SystemCaller.call(
                () -> ingestService.ingest(extracts, new IngestService.Requester("system", "sample")));
        LOG.info("Sample extract: {}", report.allLoaded() ? "loaded" : report.submissions().get(0).message());
        loadWorkforce(location);
    }

    private boolean hasWorkforce() {
        return !SystemCaller.call(workforceService::years).isEmpty();
    }

    /** The workforce sample (one submission per WRES year), when no workforce data is loaded yet. */
    private void loadWorkforce(Path location) {
        Path folder = location.resolve(SAMPLE_WORKFORCE);
        if (hasWorkforce() || !Files.isDirectory(folder)) {
            return;
        }
        List<Path> years;
        try (var files = Files.list(folder)) {
            years = files.filter(f -> f.getFileName().toString().endsWith(".zip")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the workforce sample " + folder, e);
        }
        if (years.isEmpty()) {
            return;
        }
        LOG.info("No workforce data: loading the workforce sample {}", folder);
        IngestReport report = SystemCaller.call(
                () -> ingestService.ingest(years, new IngestService.Requester("system", "sample")));
        LOG.info("Workforce sample: {}", report.allLoaded() ? "loaded" : "not loaded: " + report.submissions().stream()
                .map(IngestReport.Submission::message).filter(java.util.Objects::nonNull).toList());
    }
}
