package org.perinatalequity.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** The map of a row of squares: classes, legend ranges and counts, ids, titles, outlines and hatching. */
class ChoroplethTest {

    private static final GeometryFactory F = new GeometryFactory();
    private static final Choropleth.MapText TEXT = new Choropleth.MapText("Preterm births by LSOA",
            "Preterm births (%)", "Significantly worse than LMNS", "Significantly better than LMNS",
            "Suppressed (fewer than 8 events)");

    private static Polygon square(int i) {
        double x = 458_000 + i * 1000;
        return F.createPolygon(new Coordinate[] { new Coordinate(x, 304_000), new Coordinate(x + 1000, 304_000),
                new Coordinate(x + 1000, 305_000), new Coordinate(x, 305_000), new Coordinate(x, 304_000) });
    }

    private static List<MapArea> areas() {
        double[] values = { 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 };
        List<MapArea> areas = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            MapArea.Significance s = i == 0 ? MapArea.Significance.BETTER_OR_LOWER
                    : i == 9 ? MapArea.Significance.WORSE_OR_HIGHER : MapArea.Significance.SIMILAR;
            areas.add(new MapArea("E0190000" + i, "Leicester 00" + i + "A", square(i), values[i], values[i] + "%",
                    false, s));
        }
        areas.add(new MapArea("E01900010", "Leicester 010A", square(10), null, "", true, MapArea.Significance.SIMILAR));
        return areas;
    }

    @Test
    void makesAtMostFiveQuantileClassesWithTheirRangesAndCounts() {
        List<Choropleth.MapClass> classes = Choropleth.classes(areas());

        assertThat(classes).extracting(Choropleth.MapClass::lower, Choropleth.MapClass::upper,
                Choropleth.MapClass::areas).containsExactly(org.assertj.core.groups.Tuple.tuple(5.0, 6.0, 2),
                        org.assertj.core.groups.Tuple.tuple(7.0, 8.0, 2), org.assertj.core.groups.Tuple.tuple(9.0, 10.0, 2),
                        org.assertj.core.groups.Tuple.tuple(11.0, 12.0, 2),
                        org.assertj.core.groups.Tuple.tuple(13.0, 14.0, 2));
        assertThat(classes).extracting(Choropleth.MapClass::colour).containsExactlyElementsOf(Choropleth.RAMP);
        // Two distinct values make two classes, at the ramp's ends
        List<MapArea> two = areas().subList(0, 2);
        assertThat(Choropleth.classes(two)).extracting(Choropleth.MapClass::colour)
                .containsExactly(Choropleth.RAMP.get(0), Choropleth.RAMP.get(4));
    }

    @Test
    void drawsOnePathPerAreaWithItsTitleAndTheSecondCues() {
        String svg = Choropleth.render(areas(), TEXT, 900, 500).svg();

        Matcher ids = Pattern.compile("<path id=\"(E01\\d{6})\"").matcher(svg);
        List<String> found = new ArrayList<>();
        while (ids.find()) {
            found.add(ids.group(1));
        }
        assertThat(found).hasSize(11).doesNotHaveDuplicates().contains("E01900000", "E01900010");
        assertThat(svg).contains("<title>Leicester 003A (E01900003): 8.0%</title>")
                .contains("<title>Leicester 009A (E01900009): 14.0%, significantly worse or higher than the LMNS</title>")
                .contains("<title>Leicester 010A (E01900010): suppressed</title>")
                .contains("id=\"E01900010\" class=\"area suppressed\"")
                .contains("fill=\"url(#hatch-suppressed)\"")
                .contains(">5.0 to 6.0 (2 areas)</text>").contains(">13.0 to 14.0 (2 areas)</text>")
                .contains(">Significantly worse than LMNS</text>").contains(">Significantly better than LMNS</text>")
                .contains(">Suppressed (fewer than 8 events) (1 area)</text>")
                .contains("<title id=\"map-title\">Preterm births by LSOA</title>");
        assertThat(Pattern.compile("<path class=\"worse\"").matcher(svg).results().count()).isEqualTo(1);
        assertThat(Pattern.compile("<path class=\"better\"[^>]*stroke-dasharray").matcher(svg).results().count())
                .isEqualTo(1);
    }

    @Test
    void drawsTheSameMapAsPng() {
        byte[] png = Choropleth.render(areas(), TEXT, 900, 500).png();

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(2000);
    }

    @Test
    void drawsPointsOverTheAreasAsDiamondsWithTitlesAndALegend() {
        List<Choropleth.MapPoint> points = List.of(
                new Choropleth.MapPoint("asset-1", "Family hub: Highfields", 458_500, 304_500, true),
                new Choropleth.MapPoint("asset-2", "VCSE group: Bump Buddies", 460_500, 304_500, false),
                // Far outside the areas: not drawn (the map is fitted to the areas)
                new Choropleth.MapPoint("asset-3", "Family hub: Elsewhere", 300_000, 100_000, true));
        MapImage image = Choropleth.render(areas(), points, new Choropleth.PointKey("Hub", "VCSE group"), TEXT, 900,
                500);
        String svg = image.svg();
        assertThat(svg).contains("<path id=\"asset-1\" class=\"point primary\"")
                .contains("<title>Family hub: Highfields</title>")
                .contains("<path id=\"asset-2\" class=\"point\"").contains("<title>VCSE group: Bump Buddies</title>")
                .doesNotContain("asset-3");
        assertThat(Pattern.compile("class=\"legend-point\"").matcher(svg).results().count()).isEqualTo(2);
        assertThat(svg).contains(">Hub</text>").contains(">VCSE group</text>");
        // The areas are drawn as without points
        assertThat(Pattern.compile("<path id=\"E019").matcher(svg).results().count()).isEqualTo(11);
        assertThat(image.png()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void aSecondMapOnAPageRepeatsNoIdWithAPrefix() {
        String svg = Choropleth.render(areas(), List.of(new Choropleth.MapPoint("asset-1", "Family hub: A", 458_500,
                304_500, true)), new Choropleth.PointKey("Hub", "VCSE group"), TEXT, 900, 500, "need-").svg();
        List<String> ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(svg).results().map(m -> m.group(1)).toList();
        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("need-")).doesNotHaveDuplicates();
        assertThat(svg).contains("aria-labelledby=\"need-map-title need-map-desc\"")
                .contains("fill=\"url(#need-hatch-suppressed)\"")
                .contains("<title>Leicester 001A (E01900001): 6.0%</title>");
    }
}
