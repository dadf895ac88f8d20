package org.perinatalequity.reference.ui;

import static org.perinatalequity.system.ui.Uploads.showNotification;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;

import org.perinatalequity.reference.ReferenceReport;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.system.Intake;
import org.perinatalequity.system.IntakeRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Uploads reference files and loads all the files of one selection in one {@link ReferenceService#load}
 * call, because the per-area CSVs of an ONSPD release only make a whole directory together (each load
 * replaces its kind). The load runs on a background thread and {@code @Push} brings the outcome back.
 */
class ReferenceUploadPanel extends VerticalLayout {

    static final String LABEL = "A postcode directory (ONSPD or NSPL), an IoD File 7 or a GP practice to PCN mapping,"
            + " as .csv or .zip. Choose all the per-area CSVs of a postcode directory release together.";
    static final String WORKING_TEXT = "Loading reference files…";

    /** Matches spring.servlet.multipart.max-file-size, so the browser refuses what the server would. */
    private static final int MAX_FILE_BYTES = 500 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceUploadPanel.class);

    private final ReferenceService referenceService;
    private final Runnable onLoaded;
    private final Upload upload;
    private final VerticalLayout working = new VerticalLayout();
    private final Div status = new Div();
    private final UnorderedList loadedFiles = new UnorderedList();
    /** The files received since the last load; null when none. */
    private Intake batch;

    ReferenceUploadPanel(ReferenceService referenceService, Runnable onLoaded) {
        this.referenceService = referenceService;
        this.onLoaded = onLoaded;
        setPadding(false);

        NativeLabel label = new NativeLabel(LABEL);
        label.setId("reference-upload-label");
        Button choose = new Button("Choose files…");
        // The button is the control a screen reader lands on; the label says what it is for.
        choose.getElement().setAttribute("aria-describedby", "reference-upload-label");
        upload = new Upload(UploadHandler.toTempFile(this::receive));
        upload.setId("reference-upload");
        upload.setUploadButton(choose);
        upload.setAcceptedFileTypes(".csv", ".zip");
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setWidthFull();
        // Files arrive through UI.access (see receive); queuing behind them makes sure the selection is complete.
        upload.addAllFinishedListener(e -> e.getSource().getUI().ifPresent(ui -> ui.access(this::loadBatch)));
        upload.addFileRejectedListener(e -> showNotification(e.getFileName() + ": " + e.getErrorMessage(), false));

        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", WORKING_TEXT);
        working.add(new Span(WORKING_TEXT), bar);
        working.setPadding(false);
        working.setSpacing(false);
        working.setId("reference-upload-working");
        working.setVisible(false);

        status.setId("reference-upload-status");
        // Announced by screen readers when the outcome arrives, without moving the focus.
        status.getElement().setAttribute("role", "status");
        loadedFiles.setId("reference-upload-files");
        add(label, upload, working, status, loadedFiles);
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
            batch = Intake.open(Intake.Mode.REFERENCE);
        }
        batch.add(metadata.fileName(), target -> Files.move(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING));
    }

    private void loadBatch() {
        if (batch == null) {
            return;
        }
        Intake intake = batch;
        batch = null;
        loadedFiles.removeAll();
        try {
            Intake.check(Intake.Mode.REFERENCE, intake.clientNames());
        } catch (IntakeRefusedException e) {
            intake.close();
            upload.clearFileList();
            showOutcome(refusal(e.getMessage()), false);
            return;
        }
        upload.setEnabled(false);
        working.setVisible(true);
        status.setText("");
        UI ui = UI.getCurrent();
        // The load runs as the signed-in user (the service requires ADMIN), so the sign-in goes with the thread.
        Thread worker = new Thread(new DelegatingSecurityContextRunnable(() -> loadInBackground(ui, intake),
                SecurityContextHolder.getContext()), "reference-upload");
        worker.setDaemon(true);
        worker.start();
    }

    private void loadInBackground(UI ui, Intake intake) {
        ReferenceReport report = null;
        String failure = null;
        try {
            // The intake deletes its folder once the load is over, whatever its outcome.
            report = intake.load(sources -> referenceService.load(sources, currentUser()));
        } catch (RuntimeException e) {
            LOG.warn("Reference upload refused", e);
            failure = e.getMessage();
        }
        ReferenceReport done = report;
        String error = failure;
        try {
            ui.access(() -> finished(done, error));
        } catch (UIDetachedException e) {
            LOG.info("The page closed before its reference upload finished; ref_file logs what was loaded");
        }
    }

    private void finished(ReferenceReport report, String failure) {
        working.setVisible(false);
        upload.setEnabled(true);
        upload.clearFileList();
        if (report == null) {
            showOutcome(refusal(failure), false);
            return;
        }
        showOutcome("Loaded " + LinkageFormats.count(report.files().size(), "reference file") + ".", true);
        report.files().forEach(f -> loadedFiles.add(new ListItem(describe(f))));
        onLoaded.run();
    }

    /** "File_7.csv: English Indices of Deprivation 2019 File 7 (LSOA 2011), vintage 2019, 631 rows" */
    static String describe(ReferenceReport.LoadedFile file) {
        return file.file() + ": " + file.layout() + (file.vintage() == null ? "" : ", vintage " + file.vintage())
                + ", " + LinkageFormats.count(file.rows(), "row");
    }

    static String refusal(String reason) {
        String text = reason == null || reason.isBlank() ? "the files could not be loaded" : reason.strip();
        return "Refused: " + text + (text.endsWith(".") ? "" : ".") + " Nothing was changed.";
    }

    private void showOutcome(String text, boolean loaded) {
        status.setText(text);
        status.setClassName(loaded ? "equity-status-loaded" : "equity-status-refused");
        showNotification(text, loaded);
    }

    private static String currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
