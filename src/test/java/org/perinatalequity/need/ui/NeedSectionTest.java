package org.perinatalequity.need.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleDataTest;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;
import org.perinatalequity.need.AssetRow;
import org.perinatalequity.need.NeedLevel;
import org.perinatalequity.need.NeedResult;
import org.perinatalequity.need.NeedService;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;

import org.springframework.beans.factory.annotation.Autowired;

/** The Neighbourhoods page's need ranking and assets register on the sample, as a board member sees them. */
@SampleDataTest
class NeedSectionTest extends SampleDataViewTest {

    @Autowired
    NeedService need;

    @BeforeEach
    void signIn() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
    }

    @Test
    void ranksTheSamplesNeighbourhoodsAndListsTheRegister() {
        UI.getCurrent().navigate("neighbourhoods");
        NeedSection section = _get(NeedSection.class);

        List<NeedResult.Row> rows = GridKt._fetch(section.ranking, 0, 100);
        NeedResult expected = need.need(NeedLevel.NEIGHBOURHOOD, null, null, true);
        // The sample's neighbourhood file: 45 neighbourhoods of about fifteen LSOAs
        assertThat(rows).hasSize(45).isEqualTo(expected.rows());
        assertThat(rows).extracting(NeedResult.Row::rank).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 45).boxed().toList());
        // Every neighbourhood's births are located and the sample has hubs in every authority
        assertThat(rows).allSatisfy(r -> assertThat(r.nearestHubKm()).isNotNull());
        // Suppressed for a board member: births are rounded to 5
        assertThat(rows).allSatisfy(r -> assertThat(r.births() % 5).isZero());
        assertThat(section.summary.getText()).startsWith("45 neighbourhoods, ").contains("of the top 10 have no hub"
                + " within 3 km");
        assertThat(_find(section.downloads, Anchor.class)).extracting(Anchor::getText).containsExactly("Download CSV",
                "Download map (SVG)", "Download map (PNG)");
        String svg = _get(section.map, Html.class).getInnerHtml();
        assertThat(java.util.regex.Pattern.compile("<path id=\"need-LLR-N\\d{2}\"").matcher(svg).results().count())
                .isEqualTo(45);
        NeedResult.Row top = rows.get(0);
        assertThat(svg).contains("<title>" + top.groupName() + " (" + top.group() + "): need score "
                + String.format(java.util.Locale.UK, "%.2f", top.score()) + ", rank 1 of 45");
        // Every located asset is a diamond with its own title; hubs are filled
        assertThat(svg).contains("aria-labelledby=\"need-map-title need-map-desc\"").doesNotContain("id=\"map-title\"");
        assertThat(svg).contains("class=\"point primary\"").contains("<title>Family hub: Leicester Family Hub 1</title>")
                .contains("<title>VCSE group: Leicester Bump Buddies</title>");

        List<AssetRow> assets = GridKt._fetch(section.assets, 0, 100);
        assertThat(assets).isEqualTo(need.assets());
        assertThat(assets).extracting(AssetRow::type).contains("family_hub", "childrens_centre", "community_hub",
                "vcse_group");
        assertThat(assets).allSatisfy(a -> assertThat(a.lsoa()).startsWith("E01"));

        section.level.setValue(NeedLevel.LSOA);
        assertThat(GridKt._fetch(section.ranking, 0, 1000)).hasSizeGreaterThan(500)
                .allSatisfy(r -> assertThat(r.nearestHubKm()).isNull());
    }
}
