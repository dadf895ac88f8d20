package org.perinatalequity.reference.ui;

import static org.perinatalequity.system.ui.Panels.note;
import static org.perinatalequity.system.ui.Panels.section;

import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.perinatalequity.security.Roles;

import org.perinatalequity.reference.Linkage;
import org.perinatalequity.reference.ReferenceService;
import org.perinatalequity.shell.MainLayout;

/**
 * How well women's postcodes link to an area and its deprivation decile, and with which reference files.
 * Every inequality figure by IMD quintile rests on this linkage, so analysts check here first how many
 * women fall into "Unknown" and which teams or postcode districts cause it.
 */
@Route(value = "linkage", layout = MainLayout.class)
@RolesAllowed({ Roles.ADMIN, Roles.ANALYST })
@PageTitle("Linkage report | Perinatal Equity Dashboard")
@Menu(title = "Linkage report", order = 15, icon = "vaadin:link")
class LinkageView extends VerticalLayout {

    static final int TOP_UNMATCHED_DISTRICTS = 20;

    private final ReferenceService referenceService;
    private final Paragraph vintage = new Paragraph();
    private final Grid<Linkage.FileRow> files = LinkageGrids.files();
    private final Grid<PostcodeStatus.Row> statuses = LinkageGrids.statuses();
    private final Grid<Linkage.MatchRateRow> matchRates = LinkageGrids.matchRates();
    private final Grid<Linkage.UnmatchedDistrict> unmatched = LinkageGrids.unmatchedDistricts();

    LinkageView(ReferenceService referenceService) {
        this.referenceService = referenceService;
        addClassName("equity-page");
        setSpacing(true);

        Paragraph lead = new Paragraph("Each woman's postcode is looked up in the postcode directory to find her"
                + " area (LSOA) and its Index of Multiple Deprivation decile. Women who cannot be linked count as"
                + " Unknown in every breakdown by deprivation, so a low match rate for a team weakens its figures."
                + " This page shows the reference files in use, how each woman's postcode was linked, the teams"
                + " with the lowest match rates, and the postcode districts most often missing from the directory.");
        lead.addClassName("equity-lead");
        vintage.setId("imd-vintage");

        var upload = ReferenceUpload.panel(referenceService, this::refresh);
        add(new H1("Linkage report"), lead,
                section("files", "Reference files loaded", vintage, files),
                section("statuses", "Women by postcode status", statuses,
                        note("Each woman is counted once, with the postcode of her latest record.")),
                section("match-rates", "Postcode match rate by provider and team", matchRates,
                        note("Linked means the woman has an IMD decile of the vintage in use; the team is that of"
                                + " her latest care plan. Lowest match rate first; select a column heading to sort"
                                + " by it.")),
                section("unmatched", "Top " + TOP_UNMATCHED_DISTRICTS + " unmatched postcode districts",
                        unmatched,
                        note("Well-formed postcodes not in the postcode directory, by district: new-build"
                                + " estates, typing errors, or a directory older than the extract.")),
                section("reference-upload", "Load reference files", upload,
                        note("One selection is loaded as one change: files of a kind replace that kind whole,"
                                + " an IoD file replaces only its own vintage, and a refused file changes nothing.")));
        refresh();
    }

    /** Re-reads everything from the service; called after each reference upload. */
    void refresh() {
        List<Linkage.FileRow> fileRows = referenceService.findLoadedFiles();
        vintage.setText(vintageLine(referenceService.imdVintage(), fileRows));
        files.setItems(fileRows);
        LinkageGrids.fitHeight(files, fileRows.size());
        statuses.setItems(PostcodeStatus.rows(referenceService.countPostcodeStatuses()));
        List<Linkage.MatchRateRow> rates = referenceService.findMatchRates().stream()
                .sorted(LinkageGrids.WORST_FIRST).toList();
        matchRates.setItems(rates);
        LinkageGrids.fitHeight(matchRates, rates.size());
        unmatched.setItems(referenceService.findUnmatchedDistricts(TOP_UNMATCHED_DISTRICTS));
    }

    /** Says which vintage is in use, and warns when its IoD file is missing: then no woman has a decile. */
    static String vintageLine(String imdVintage, List<Linkage.FileRow> loaded) {
        String line = "Deprivation in use: " + LinkageFormats.imdVintage(imdVintage)
                + " (setting equity.reference.imd-vintage).";
        boolean present = loaded.stream().anyMatch(f -> "imd".equals(f.kind()) && imdVintage.equals(f.vintage()));
        return present ? line
                : line + " No IoD " + imdVintage + " File 7 has been loaded, so no woman has an IMD decile yet.";
    }
}
