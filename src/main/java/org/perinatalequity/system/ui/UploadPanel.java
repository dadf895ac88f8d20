package org.perinatalequity.system.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

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

import org.perinatalequity.system.Intake;
import org.perinatalequity.system.IntakeRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one upload panel: the files of one selection go into one {@link Intake} (its rule, its private folder,
 * always deleted), which is loaded on a background thread carrying the uploader's sign-in, so the page stays
 * responsive during a load of many minutes; {@code @Push} brings the outcome back. What is loaded and how the
 * outcome reads is the feature's {@link Loading}.
 */
public class UploadPanel<R> extends VerticalLayout {

    /**
     * The browser refuses larger files before sending them; it matches spring.servlet.multipart.max-file-size,
     * which the server enforces anyway.
     */
    private static final int MAX_FILE_BYTES = 500 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(UploadPanel.class);

    /** What a feature loads from the uploaded files and how the outcome reads. */
    public interface Loading<R> {

        /** Runs on the worker thread, as the uploader; may throw, the message then becomes the refusal. */
        R load(List<Path> sources);

        /** The outcome of a load that returned. */
        String describe(R report);

        /** False when the report itself says the load was refused. */
        boolean loaded(R report);

        /** The outcome of a delivery the intake refused or a load that threw. */
        String refused(String reason);

        /** Before a selection is loaded (or refused). */
        default void started() {
        }

        /** After a load that returned, once its outcome is shown. */
        default void finished(R report) {
        }
    }

    /** The element ids of one panel ({@code idPrefix}-label, -working, -status) and its Upload's id. */
    public record Ids(String prefix, String upload) {
    }

    private final Intake.Mode mode;
    private final Loading<R> loading;
    private final Upload upload;
    private final VerticalLayout working = new VerticalLayout();
    private final Div status = new Div();
    /** The files received since the last load; null when none. */
    private Intake batch;

    public UploadPanel(Ids ids, String label, String workingText, Intake.Mode mode, Loading<R> loading) {
        this.mode = mode;
        this.loading = loading;
        setPadding(false);

        NativeLabel labelText = new NativeLabel(label);
        labelText.setId(ids.prefix() + "-label");
        Button choose = new Button("Choose files…");
        // The button is the control a screen reader lands on; the label says what it is for.
        choose.getElement().setAttribute("aria-describedby", ids.prefix() + "-label");
        // Into the private temporary root, not java.io.tmpdir (toTempFile's folder): an extract holds NHS numbers.
        upload = new Upload(UploadHandler.toFile(this::receive,
                metadata -> Files.createTempFile(Intake.root(), "upload-", ".part").toFile()));
        upload.setId(ids.upload());
        upload.setUploadButton(choose);
        upload.setAcceptedFileTypes(".zip", ".csv");
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setWidthFull();
        // Files arrive through UI.access (see receive); queuing behind them makes sure the selection is complete.
        upload.addAllFinishedListener(e -> e.getSource().getUI().ifPresent(ui -> ui.access(this::loadBatch)));
        upload.addFileRejectedListener(e -> Uploads.showNotification(e.getFileName() + ": " + e.getErrorMessage(),
                false));

        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.getElement().setAttribute("aria-label", workingText);
        working.add(new Span(workingText), bar);
        working.setPadding(false);
        working.setSpacing(false);
        working.setId(ids.prefix() + "-working");
        working.setVisible(false);

        status.setId(ids.prefix() + "-status");
        // Announced by screen readers when the outcome arrives, without moving the focus.
        status.getElement().setAttribute("role", "status");
        add(labelText, upload, working, status);
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
            batch = Intake.open(mode);
        }
        batch.add(metadata.fileName(), target -> Files.move(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING));
    }

    private void loadBatch() {
        if (batch == null) {
            return;
        }
        Intake intake = batch;
        batch = null;
        loading.started();
        try {
            Intake.check(mode, intake.clientNames());
        } catch (IntakeRefusedException e) {
            intake.close();
            upload.clearFileList();
            showOutcome(loading.refused(e.getMessage()), false);
            return;
        }
        upload.setEnabled(false);
        working.setVisible(true);
        status.setText("");
        UI ui = UI.getCurrent();
        // The load runs as the signed-in user (the services check the role on that thread).
        Thread worker = new Thread(new DelegatingSecurityContextRunnable(() -> loadInBackground(ui, intake),
                SecurityContextHolder.getContext()), "upload-" + mode.name().toLowerCase(java.util.Locale.ROOT));
        worker.setDaemon(true);
        worker.start();
    }

    private void loadInBackground(UI ui, Intake intake) {
        R report = null;
        String failure = null;
        try {
            // The intake deletes its folder once the load is over, whatever its outcome.
            report = intake.load(loading::load);
        } catch (RuntimeException e) {
            LOG.warn("Upload refused", e);
            failure = e.getMessage();
        }
        R done = report;
        String error = failure;
        try {
            ui.access(() -> finished(done, error));
        } catch (UIDetachedException e) {
            LOG.info("The page closed before its upload finished loading; the load log has the outcome");
        }
    }

    private void finished(R report, String failure) {
        working.setVisible(false);
        upload.setEnabled(true);
        upload.clearFileList();
        if (report == null) {
            showOutcome(loading.refused(failure), false);
            return;
        }
        showOutcome(loading.describe(report), loading.loaded(report));
        loading.finished(report);
    }

    private void showOutcome(String text, boolean loaded) {
        status.setText(text);
        status.setClassName(loaded ? "equity-status-loaded" : "equity-status-refused");
        Uploads.showNotification(text, loaded);
    }
}
