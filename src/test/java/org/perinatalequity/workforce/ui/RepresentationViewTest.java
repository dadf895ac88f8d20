package org.perinatalequity.workforce.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;
import org.perinatalequity.SampleDataViewTest;
import org.perinatalequity.TestUsers;

/**
 * The Representation page on the bundled sample (births and the MVP list; no workforce data in this database): a board
 * member sees the partnership hidden whole in words; the WORKFORCE role sees its shares against births, in a chart and
 * a table.
 */
class RepresentationViewTest extends SampleDataViewTest {

    @Test
    void aBoardMemberSeesTheSmallPartnershipHiddenInWords() {
        TestUsers.karibuLogin(TestUsers.BOARD, List.of("BOARD"), List.of());
        UI.getCurrent().navigate("representation");
        assertThat(_get(H1.class).getText()).isEqualTo("Representation");
        @SuppressWarnings("unchecked")
        Select<String> year = _get(Select.class, s -> s.withId("representation-year"));
        // years with births, though no workforce data is loaded
        assertThat(year.getValue()).isEqualTo("2024-25");
        assertThat(_get(Paragraph.class, s -> s.withId("representation-status")).getText())
                .startsWith("WRES year 2024-25: ").endsWith(" births to mothers of known ethnicity in the same months.");
        assertThat(_get(Paragraph.class, s -> s.withId("representation-mvp-words")).getText()).isEqualTo(
                "Hidden: an ethnic group has too few people to show without identifying them. Those of unknown"
                        + " ethnicity are too few to show.");
        assertThat(_get(Paragraph.class, s -> s.withId("representation-staff-words")).getText())
                .startsWith("No one of known ethnicity in this group for the year.");
        assertThat(_find(Grid.class, s -> s.withId("representation-mvp-grid"))).isEmpty();
    }

    @Test
    void theWorkforceRoleSeesThePartnershipAgainstBirths() {
        TestUsers.karibuLogin("test-workforce", List.of("WORKFORCE"), List.of());
        UI.getCurrent().navigate("representation");
        assertThat(_get(Paragraph.class, s -> s.withId("representation-mvp-words")).getText())
                .startsWith("25 of known ethnicity. 1 of unknown ethnicity is left out. The exact multinomial test"
                        + " gives p ");
        Grid<?> grid = _get(Grid.class, s -> s.withId("representation-mvp-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(5);
        assertThat(GridKt._getFormattedRow(grid, 0)).first().isEqualTo("White");
        assertThat(GridKt._getFormattedRow(grid, 0).get(1)).startsWith("64.0% (");
        Div chart = _get(Div.class, s -> s.withId("representation-mvp-chart"));
        String description = _get(chart, Paragraph.class).getText();
        assertThat(description).startsWith("Maternity Voices Partnership members by ethnic group, 2024-25: White 64.0%"
                + " (95% CI ").contains("Births to mothers of the group ");
    }
}
