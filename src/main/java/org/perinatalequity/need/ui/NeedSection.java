package org.perinatalequity.need.ui;

import java.io.ByteArrayInputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.perinatalequity.need.AssetRow;
import org.perinatalequity.need.NeedComponent;
import org.perinatalequity.need.NeedLevel;
import org.perinatalequity.need.NeedResult;
import org.perinatalequity.need.NeedService;

import org.perinatalequity.maps.MapImage;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.annotation.SpringComponent;

import org.springframework.context.annotation.Scope;

/**
 * The Neighbourhoods page's "Areas of highest need" (the ranking of neighbourhoods or LSOAs, its components and each
 * neighbourhood's nearest hub) and the community assets register, each a sortable table with a CSV download
 * (audited). Figures are suppressed for small numbers, as the API's are for every caller who is not an analyst.
 */
@SpringComponent
@Scope("prototype")
public class NeedSection extends VerticalLayout {

    private static final List<NeedComponent> OUTCOMES = java.util.Arrays.stream(NeedComponent.values())
            .filter(NeedComponent::isOutcome).toList();

    private final NeedService need;
    final Select<NeedLevel> level = new Select<>();
    final Grid<NeedResult.Row> ranking = new Grid<>();
    final Grid<AssetRow> assets = new Grid<>();
    final Paragraph summary = new Paragraph();
    final VerticalLayout map = new VerticalLayout();
    final HorizontalLayout downloads = new HorizontalLayout();
    private @Nullable NeedResult shown;

    NeedSection(NeedService need) {
        this.need = need;
        setPadding(false);
        setId("need-section");
        level.setId("need-level");
        level.setLabel("Rank");
        level.setItems(NeedLevel.values());
        level.setItemLabelGenerator(l -> l == NeedLevel.NEIGHBOURHOOD ? "Neighbourhoods" : "LSOAs");
        Paragraph lead = new Paragraph("Areas ranked by a weighted score of births, deprivation (IMD decile), the share"
                + " of mothers from Black, Asian and Mixed ethnic groups, and the excess of preterm births, stillbirths,"
                + " low birthweight at term, smoking at delivery and late booking over what the mothers' ages would"
                + " predict at the LMNS's own rates (observed − expected). Rank 1 is the highest need. A flagged"
                + " neighbourhood is among the highest-need and has no hub near its births. Small counts are hidden.");
        lead.addClassName("equity-lead");
        summary.setId("need-summary");
        downloads.setId("need-downloads");
        configureRanking();
        configureAssets();
        map.setId("need-map");
        map.setPadding(false);
        add(new H2("Areas of highest need"), lead, level, summary, map, ranking, downloads,
                new H2("Community assets register"), assets, assetDownload());
        level.addValueChangeListener(e -> refresh());
        level.setValue(NeedLevel.NEIGHBOURHOOD);
        assets.setItems(need.assets());
    }

    private void configureRanking() {
        ranking.setId("need-table");
        ranking.addColumn(NeedResult.Row::rank).setHeader("Rank").setSortable(true)
                .setComparator(Comparator.comparingInt(NeedResult.Row::rank));
        ranking.addColumn(r -> r.groupName() == null ? r.group() : r.groupName() + " (" + r.group() + ")")
                .setHeader("Area").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        ranking.addColumn(r -> number(r.score(), "0.00")).setHeader("Score").setSortable(true)
                .setComparator(Comparator.comparingDouble(NeedResult.Row::score));
        ranking.addColumn(r -> r.births() == null ? "suppressed" : number(r.births(), "#,##0")).setHeader("Births")
                .setSortable(true).setComparator(Comparator.comparing(NeedResult.Row::births,
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        ranking.addColumn(r -> r.imdDecile() == null ? "unknown" : number(r.imdDecile(), "0.0")).setHeader("IMD decile")
                .setSortable(true).setComparator(Comparator.comparing(NeedResult.Row::imdDecile,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        ranking.addColumn(r -> share(r.components().get(NeedComponent.BLACK_ASIAN_MIXED_SHARE.id())))
                .setHeader("Black, Asian, Mixed");
        // Five outcomes do not fit one line: the cell shows what fits and its tooltip (and the CSV) the whole.
        ranking.addColumn(NeedSection::excesses).setHeader("Excess events (O − E)").setFlexGrow(3)
                .setTooltipGenerator(NeedSection::excesses);
        ranking.addColumn(r -> r.nearestHubKm() == null ? "–" : number(r.nearestHubKm(), "0.0") + " km ("
                + r.nearestHub() + ")").setHeader("Nearest hub").setSortable(true).setFlexGrow(2)
                .setTooltipGenerator(r -> r.nearestHub() == null ? "" : r.nearestHub())
                .setComparator(Comparator.comparing(NeedResult.Row::nearestHubKm,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        ranking.addColumn(r -> Boolean.TRUE.equals(r.noHubNearby()) ? "No hub nearby" : "").setHeader("Flag")
                .setSortable(true);
        ranking.setAllRowsVisible(false);
    }

    private void configureAssets() {
        assets.setId("assets-table");
        assets.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        assets.addColumn(AssetRow::name).setHeader("Name").setSortable(true);
        assets.addColumn(a -> NeedService.typeLabel(a.type())).setHeader("Type")
                .setSortable(true);
        assets.addColumn(a -> a.postcode() == null ? "" : a.postcode()).setHeader("Postcode").setSortable(true);
        assets.addColumn(a -> a.lsoa() == null ? "not found" : a.lsoa()).setHeader("LSOA").setSortable(true);
        assets.addColumn(a -> text(a.services())).setHeader("Services").setFlexGrow(2);
        assets.addColumn(a -> text(a.languages())).setHeader("Languages");
        assets.addColumn(a -> text(a.opening())).setHeader("Opening");
        assets.addColumn(a -> text(a.contact())).setHeader("Contact");
        assets.setAllRowsVisible(false);
    }

    private void refresh() {
        NeedLevel l = level.getValue();
        downloads.removeAll();
        if (l == null) {
            return;
        }
        NeedResult result = need.need(l, null, null, true);
        shown = result;
        ranking.setItems(result.rows());
        long flagged = result.rows().stream().filter(r -> Boolean.TRUE.equals(r.noHubNearby())).count();
        summary.setText(result.rows().isEmpty() ? "No births loaded yet."
                : result.rows().size() + " " + (l == NeedLevel.NEIGHBOURHOOD ? "neighbourhoods" : "LSOAs") + ", "
                        + result.from() + " to " + result.to() + "."
                        + (l == NeedLevel.NEIGHBOURHOOD ? " " + flagged + " of the top " + result.top()
                                + " have no hub within " + number(result.hubDistanceKm(), "0.#") + " km." : ""));
        downloads.add(download("Download CSV", "need-by-" + l.id() + ".csv", "text/csv", () -> need.csv(result)));
        map.removeAll();
        MapImage image = need.map(result);
        map.add(new Html("<div class=\"chart map\">" + image.svg() + "</div>"));
        downloads.add(download("Download map (SVG)", "need-map-by-" + l.id() + ".svg", "image/svg+xml",
                () -> {
                    need.auditedMap(result, "SVG map");
                    return image.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }));
        downloads.add(download("Download map (PNG)", "need-map-by-" + l.id() + ".png", "image/png", () -> {
            need.auditedMap(result, "PNG map");
            return image.png();
        }));
    }

    private Anchor assetDownload() {
        Anchor anchor = download("Download the register (CSV)", "community-assets.csv", "text/csv",
                () -> need.assetsCsv(need.assets()));
        anchor.setId("assets-download");
        return anchor;
    }

    private static Anchor download(String text, String fileName, String type,
            java.util.function.Supplier<byte[]> bytes) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] content = bytes.get();
            return new DownloadResponse(new ByteArrayInputStream(content), fileName, type, content.length);
        }), text);
        anchor.getElement().setAttribute("download", fileName);
        return anchor;
    }

    /** "Preterm births +1.2 (ratio 1.30)" for each outcome with events above or below expected; hidden ones say so. */
    static String excesses(NeedResult.Row row) {
        return OUTCOMES.stream().map(c -> {
            NeedResult.Component o = row.components().get(c.id());
            if (o == null) {
                return null;
            }
            if (o.suppressed()) {
                return c.label() + ": suppressed";
            }
            if (o.excess() == null || Math.abs(o.excess()) < 0.05) {
                return null;
            }
            return c.label() + " " + (o.excess() > 0 ? "+" : "−") + number(Math.abs(o.excess()), "0.0")
                    + (o.ratio() == null ? "" : " (ratio " + number(o.ratio(), "0.00") + ")");
        }).filter(java.util.Objects::nonNull).collect(Collectors.joining("; "));
    }

    private static String share(NeedResult.@Nullable Component c) {
        return c == null || c.value() == null ? "unknown" : number(c.value(), "0") + "%";
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String number(double value, String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK)).format(value);
    }

    @Nullable NeedResult shown() {
        return shown;
    }
}
