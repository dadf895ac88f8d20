package org.perinatalequity.ingest.ui;

import static org.perinatalequity.system.ui.Uploads.showNotification;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;

import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.system.Intake;
import org.perinatalequity.system.IntakeRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Uploads one submission (a .zip, or its CSV files) and loads it. The files of one upload are gathered
 * in one temporary folder, which is then ingested as one submission on a background thread, so the
 * page stays responsive during a load of many minutes; {@code @Push} brings the outcome back.
 */
class UploadPanel extends VerticalLayout {

    static final String LABEL = "Load an MSDS extract (one .zip, or the CSV files of one submission)";
    static final String WORKING_TEXT = "Loading and validating…";

    /**
     * The browser refuses larger files before sending them; it matches spring.servlet.multipart.max-file-size,
     * which the server enforces anyway.
     */
    private static final int MAX_FILE_BYTES = 500 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(UploadPanel.class);

    private final IngestService ingestService;
    private final Consumer<IngestReport> onIngested;
    /** The signed-in user, recorded in the ingest log as the one who loaded the upload. */
    private final IngestService.Requester requester;
    private final Upload upload;
    private final VerticalLayout working = new VerticalLayout();
    private final Div status = new Div();
    /** The files received since the last ingest; null when none. */
    private Intake batch;

    UploadPanel(IngestService ingestService, AccessPolicy policy, Consumer<IngestReport> onIngested) {
        this.ingestService = ingestService;
        this.onIngested = onIngested;
        this.requester = new IngestService.Requester(policy.userName().orElseThrow(), "upload");
        setPadding(false);

        NativeLabel label = new NativeLabel(LABEL);
        label.setId("upload-label");
        Button choose = new Button("Choose files…");
        // The button is the control a screen reader lands on; the label says what it is for.
        choose.getElement().setAttribute("aria-describedby", "upload-label");
        upload = new Upload(UploadHandler.toTempFile(this::receive));
        upload.setId("extract-upload");
        upload.setUploadButton(choose);
        upload.setAcceptedFileTypes(".zip", ".csv");
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setWidthFull();
        // Files arrive through UI.access (see receive); queuing behind them makes sure the batch is complete.
        upload.addAllFinishedListener(e -> e.getSource().getUI().ifPresent(ui -> ui.access(this::ingestBatch)));
        upload.addFileRejectedListener(e -> showNotification(e.getFileName() + ": " + e.getErrorMessage(), false));

        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", WORKING_TEXT);
        Span text = new Span(WORKING_TEXT);
        working.add(text, bar);
        working.setPadding(false);
        working.setSpacing(false);
        working.setId("upload-working");
        working.setVisible(false);

        status.setId("upload-status");
        // Announced by screen readers when the outcome arrives, without moving the focus.
        status.getElement().setAttribute("role", "status");
        add(label, upload, working, status);
        // Files of an upload that never completed (page closed mid-way) must not stay on disk.
        addDetachListener(e -> {
            if (batch != null) {
                batch.close();
                batch = null;
            }
        });
    }

    /** Runs under the session lock (UploadHandler calls back through UI.access), once per file. */
    private void receive(UploadMetadata metadata, File file) throws IOException {
        if (batch == null) {
            batch = Intake.open(Intake.Mode.SUBMISSION);
        }
        batch.add(metadata.fileName(), target -> Files.move(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING));
    }

    private void ingestBatch() {
        if (batch == null) {
            return;
        }
        Intake intake = batch;
        batch = null;
        try {
            Intake.check(Intake.Mode.SUBMISSION, intake.clientNames());
        } catch (IntakeRefusedException e) {
            intake.close();
            upload.clearFileList();
            showOutcome("Refused: " + e.getMessage() + ". Nothing was loaded.", false);
            return;
        }
        upload.setEnabled(false);
        working.setVisible(true);
        status.setText("");
        UI ui = UI.getCurrent();
        // The worker thread carries the uploader's sign-in: IngestService checks the role on that thread.
        Thread worker = new Thread(new DelegatingSecurityContextRunnable(() -> ingestInBackground(ui, intake),
                SecurityContextHolder.getContext()), "ingest-upload");
        worker.setDaemon(true);
        worker.start();
    }

    private void ingestInBackground(UI ui, Intake intake) {
        IngestReport report = null;
        String failure = null;
        try {
            // The intake deletes its folder once the load is over, whatever its outcome.
            report = intake.load(sources -> ingestService.ingest(sources, requester));
        } catch (RuntimeException e) {
            LOG.warn("Upload ingest failed", e);
            failure = e.getMessage();
        }
        IngestReport done = report;
        String error = failure;
        try {
            ui.access(() -> finished(done, error));
        } catch (UIDetachedException e) {
            LOG.info("The page closed before its upload finished loading; the ingest log has the outcome");
        }
    }

    private void finished(IngestReport report, String failure) {
        working.setVisible(false);
        upload.setEnabled(true);
        upload.clearFileList();
        if (report == null) {
            showOutcome("Refused: " + failure + ". Nothing was loaded.", false);
            return;
        }
        showOutcome(summary(report), report.allLoaded());
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
                + DisplayFormats.count(rows, "row") + ", " + DisplayFormats.count(report.rejects().size(), "reject") + ", "
                + DisplayFormats.count(report.warnings().size(), "warning") + ".";
    }

    private void showOutcome(String text, boolean loaded) {
        status.setText(text);
        status.setClassName(loaded ? "equity-status-loaded" : "equity-status-refused");
        showNotification(text, loaded);
    }
}
