package org.perinatalequity.reference.ui;

import java.nio.file.Path;
import java.util.List;

import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import org.perinatalequity.reference.ReferenceReport;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.system.Intake;
import org.perinatalequity.system.ui.DisplayFormats;
import org.perinatalequity.system.ui.UploadPanel;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Uploading reference files on the linkage page: all the files of one selection are loaded in one
 * {@link ReferenceService#load} call, because the per-area CSVs of an ONSPD release only make a whole directory
 * together (each load replaces its kind). The files loaded are listed under the shared {@link UploadPanel}.
 */
final class ReferenceUpload implements UploadPanel.Loading<ReferenceReport> {

    static final String LABEL = "A postcode directory (ONSPD or NSPL), an IoD File 7, a GP practice to PCN mapping or"
            + " the community assets register, as .csv or .zip. Choose all the per-area CSVs of a postcode directory release together.";
    static final String WORKING_TEXT = "Loading reference files…";

    private final ReferenceService referenceService;
    private final Runnable onLoaded;
    private final UnorderedList loadedFiles = new UnorderedList();

    private ReferenceUpload(ReferenceService referenceService, Runnable onLoaded) {
        this.referenceService = referenceService;
        this.onLoaded = onLoaded;
        loadedFiles.setId("reference-upload-files");
    }

    static UploadPanel<ReferenceReport> panel(ReferenceService referenceService, Runnable onLoaded) {
        ReferenceUpload loading = new ReferenceUpload(referenceService, onLoaded);
        UploadPanel<ReferenceReport> panel = new UploadPanel<>(new UploadPanel.Ids("reference-upload",
                "reference-upload"), LABEL, WORKING_TEXT, Intake.Mode.REFERENCE, loading);
        panel.add(loading.loadedFiles);
        return panel;
    }

    @Override
    public ReferenceReport load(List<Path> sources) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return referenceService.load(sources, authentication == null ? "anonymous" : authentication.getName());
    }

    @Override
    public String describe(ReferenceReport report) {
        return "Loaded " + DisplayFormats.count(report.files().size(), "reference file") + "."
                + (report.rejects().isEmpty() ? "" : " " + DisplayFormats.count(report.rejects().size(), "row")
                        + " rejected (listed below).");
    }

    @Override
    public boolean loaded(ReferenceReport report) {
        return true;
    }

    @Override
    public String refused(String reason) {
        return refusal(reason);
    }

    @Override
    public void started() {
        loadedFiles.removeAll();
    }

    @Override
    public void finished(ReferenceReport report) {
        report.files().forEach(f -> loadedFiles.add(new ListItem(describe(f))));
        // A rejected row names its file, line, column, value and reason, so whoever keeps the file can fix it.
        report.rejects().forEach(r -> loadedFiles.add(new ListItem("Rejected: " + r)));
        onLoaded.run();
    }

    /** "File_7.csv: English Indices of Deprivation 2019 File 7 (LSOA 2011), vintage 2019, 631 rows" */
    static String describe(ReferenceReport.LoadedFile file) {
        return file.file() + ": " + file.layout() + (file.vintage() == null ? "" : ", vintage " + file.vintage())
                + ", " + DisplayFormats.count(file.rows(), "row");
    }

    static String refusal(String reason) {
        String text = reason == null || reason.isBlank() ? "the files could not be loaded" : reason.strip();
        return "Refused: " + text + (text.endsWith(".") ? "" : ".") + " Nothing was changed.";
    }
}
