package org.perinatalequity.ingest.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.system.Intake;
import org.perinatalequity.system.ui.DisplayFormats;
import org.perinatalequity.system.ui.UploadPanel;

/**
 * Uploading one submission (a .zip, or its CSV files) on the Data loaded page: the shared {@link UploadPanel}
 * gathers the files of one upload into one intake, which is ingested as one submission.
 */
final class ExtractUpload implements UploadPanel.Loading<IngestReport> {

    static final String LABEL = "Load an MSDS extract (one .zip, or the CSV files of one submission)";
    static final String WORKING_TEXT = "Loading and validating…";

    private final IngestService ingestService;
    private final Consumer<IngestReport> onIngested;
    /** The signed-in user, recorded in the ingest log as the one who loaded the upload. */
    private final IngestService.Requester requester;

    private ExtractUpload(IngestService ingestService, AccessPolicy policy, Consumer<IngestReport> onIngested) {
        this.ingestService = ingestService;
        this.onIngested = onIngested;
        this.requester = new IngestService.Requester(policy.userName().orElseThrow(), "upload");
    }

    static UploadPanel<IngestReport> panel(IngestService ingestService, AccessPolicy policy,
            Consumer<IngestReport> onIngested) {
        return new UploadPanel<>(new UploadPanel.Ids("upload", "extract-upload"), LABEL, WORKING_TEXT,
                Intake.Mode.SUBMISSION, new ExtractUpload(ingestService, policy, onIngested));
    }

    @Override
    public IngestReport load(List<Path> sources) {
        return ingestService.ingest(sources, requester);
    }

    @Override
    public String describe(IngestReport report) {
        return summary(report);
    }

    @Override
    public boolean loaded(IngestReport report) {
        return report.allLoaded();
    }

    @Override
    public String refused(String reason) {
        return "Refused: " + reason + ". Nothing was loaded.";
    }

    @Override
    public void finished(IngestReport report) {
        onIngested.accept(report);
    }

    static String summary(IngestReport report) {
        IngestReport.Submission s = report.submissions().get(0);
        if (s.status() == IngestReport.Status.refused) {
            return "Refused (run " + report.runId() + "): " + s.message() + " Nothing was changed.";
        }
        long rows = s.tables().stream().mapToLong(IngestReport.TableCount::loaded).sum();
        return "Loaded " + s.provider() + ", " + DisplayFormats.period(s.periodStart(), s.periodEnd()) + " (run "
                + report.runId() + "): " + DisplayFormats.count(s.tables().size(), "table") + ", "
                + DisplayFormats.count(rows, "row") + ", " + DisplayFormats.count(report.rejects().size(), "reject")
                + ", " + DisplayFormats.count(report.warnings().size(), "warning") + ".";
    }
}
