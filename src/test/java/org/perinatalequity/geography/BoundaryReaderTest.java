package org.perinatalequity.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.perinatalequity.geography.BoundaryFixtures.collection;
import static org.perinatalequity.geography.BoundaryFixtures.lsoa21;
import static org.perinatalequity.geography.BoundaryFixtures.square;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/** ONS-layout boundary files in each format and coordinate system, and the errors and warnings of bad ones. */
class BoundaryReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsBritishNationalGridGeoJsonByItsNamedCrs() throws Exception {
        Path file = write("LSOA_2021_EW_BGC_V3.geojson", collection("urn:ogc:def:crs:EPSG::27700",
                lsoa21(1, "E01000001", "City of London 001A", square(458_000, 304_000, 500)),
                lsoa21(2, "E01000002", "City of London 001B", square(458_500, 304_000, 250))));

        BoundaryFile read = BoundaryReader.read(file, "LSOA_2021_EW_BGC_V3.geojson");

        assertThat(read.format()).isEqualTo(BoundaryFile.Format.GEOJSON);
        assertThat(read.crs()).isEqualTo("EPSG:27700");
        assertThat(read.codeField()).isEqualTo(new CodeField(AreaLevel.LSOA, "LSOA21CD", "LSOA21NM", "2021"));
        assertThat(read.boundaries()).extracting(Boundary::code, Boundary::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("E01000001", "City of London 001A"),
                org.assertj.core.groups.Tuple.tuple("E01000002", "City of London 001B"));
        assertThat(read.boundaries().get(0).shape().getArea()).isEqualTo(250_000.0);
        assertThat(read.boundaries().get(1).shape().getArea()).isEqualTo(62_500.0);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void readsWgs84GeoJsonIntoTheNationalGrid() throws Exception {
        // A square of 0.001° round the Ordnance Survey's worked example point (651409.9 E, 313177.3 N), with no crs
        // member (RFC 7946: WGS84), as the ArcGIS f=geojson query returns it.
        double lon = 1 + 42 / 60.0 + 57.8663 / 3600 - 0.0005;
        double lat = 52 + 39 / 60.0 + 28.8282 / 3600 - 0.0005;
        Path file = write("lsoa.geojson", collection(null, lsoa21(1, "E01026000", "Norwich 001A", square(lon, lat, 0.001))));

        BoundaryFile read = BoundaryReader.read(file, "lsoa.geojson");

        assertThat(read.crs()).isEqualTo("EPSG:4326");
        Point centre = read.boundaries().get(0).shape().getCentroid();
        assertThat(centre.getX()).isCloseTo(651409.9, within(5.0));
        assertThat(centre.getY()).isCloseTo(313177.3, within(5.0));
        // 0.001° of latitude is 111 m; of longitude at 52.66° about 68 m
        assertThat(read.boundaries().get(0).shape().getArea()).isCloseTo(111.3 * 67.6, within(150.0));
    }

    @Test
    void readsAGeoPackageOfWards() throws Exception {
        Path file = dir.resolve("Wards_May_2025_Boundaries_UK_BGC.gpkg");
        BoundaryFixtures.geoPackage(file, "WD_MAY_2025_UK_BGC", "WD25CD", new Object[][] {
                { "E05010001", "Abbey", 458_000, 304_000, 1000 },
                { "E05010002", "Aylestone", 459_000, 304_000, 1000 } });

        BoundaryFile read = BoundaryReader.read(file, "Wards_May_2025_Boundaries_UK_BGC.gpkg");

        assertThat(read.format()).isEqualTo(BoundaryFile.Format.GEOPACKAGE);
        assertThat(read.crs()).isEqualTo("EPSG:27700");
        assertThat(read.codeField()).isEqualTo(new CodeField(AreaLevel.WARD, "WD25CD", "WD25NM", "2025"));
        assertThat(read.boundaries()).extracting(Boundary::code).containsExactly("E05010001", "E05010002");
        assertThat(read.boundaries().get(1).name()).isEqualTo("Aylestone");
        assertThat(read.boundaries().get(1).shape().getEnvelopeInternal().getMinX()).isEqualTo(459_000.0);
        assertThat(read.boundaries().get(1).shape().getArea()).isEqualTo(1_000_000.0);
    }

    @Test
    void refusesAFileWithNoCodeField() throws Exception {
        Path file = write("areas.geojson", collection(null, "{\"type\":\"Feature\",\"properties\":{\"FID\":1,"
                + "\"name\":\"x\"},\"geometry\":" + square(458_000, 304_000, 10) + "}"));

        assertThatThrownBy(() -> BoundaryReader.read(file, "areas.geojson")).isInstanceOf(BoundaryFormatException.class)
                .hasMessage("areas.geojson: no area code field (LSOA21CD, LSOA11CD, MSOA21CD, WDnnCD or LADnnCD) in the"
                        + " properties of feature 1 (it has: FID, name)");
    }

    @Test
    void refusesMalformedGeometryNamingTheFeature() throws Exception {
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[458000,304000],[458100,304000],[458100,304100],"
                + "[458000,304100]]]}";
        Path file = write("lsoa.geojson", collection(null, lsoa21(1, "E01000001", "A", square(458_000, 304_000, 10)),
                lsoa21(2, "E01000002", "B", open)));

        assertThatThrownBy(() -> BoundaryReader.read(file, "lsoa.geojson")).isInstanceOf(BoundaryFormatException.class)
                .hasMessage("lsoa.geojson, feature 2: malformed geometry (a ring is not closed (its first and last"
                        + " positions differ))");

        Path points = write("points.geojson", collection(null,
                lsoa21(1, "E01000001", "A", "{\"type\":\"Point\",\"coordinates\":[458000,304000]}")));
        assertThatThrownBy(() -> BoundaryReader.read(points, "points.geojson"))
                .hasMessage("points.geojson, feature 1: a Point is not an area (Polygon or MultiPolygon expected)");
    }

    @Test
    void skipsUnknownCodesAndRepairsInvalidPolygonsWithWarnings() throws Exception {
        String bowtie = "{\"type\":\"Polygon\",\"coordinates\":[[[458000,304000],[458100,304100],[458100,304000],"
                + "[458000,304100],[458000,304000]]]}";
        Path file = write("lsoa.geojson", collection(null,
                lsoa21(1, "E01000001", "A", square(458_000, 304_000, 10)),
                lsoa21(2, "E02000001", "Not an LSOA", square(458_010, 304_000, 10)),
                lsoa21(3, "", "No code", square(458_020, 304_000, 10)),
                lsoa21(4, "E01000004", "Bow tie", bowtie),
                lsoa21(5, "E01000001", "Again", square(458_030, 304_000, 10))));

        BoundaryFile read = BoundaryReader.read(file, "lsoa.geojson");

        assertThat(read.boundaries()).extracting(Boundary::code).containsExactly("E01000001", "E01000004");
        assertThat(read.boundaries().get(1).shape().isValid()).isTrue();
        assertThat(read.boundaries().get(1).shape().getArea()).isEqualTo(5_000.0);
        assertThat(read.warnings()).containsExactly(
                "lsoa.geojson, feature 2 LSOA21CD 'E02000001' is not an LSOA code: skipped",
                "lsoa.geojson, feature 3 has no LSOA21CD: skipped",
                "lsoa.geojson, feature 4 (E01000004) had an invalid polygon (Self-intersection): repaired",
                "lsoa.geojson, feature 5 (E01000001) repeats a code already read: skipped");
    }

    @Test
    void knowsBoundaryFilesByContentNotName() throws Exception {
        assertThat(BoundaryReader.sniff(write("a.json", collection(null)))).contains(BoundaryFile.Format.GEOJSON);
        assertThat(BoundaryReader.sniff(write("b.csv", "pcd,oslaua\n"))).isEmpty();
        Path gpkg = dir.resolve("c.dat");
        BoundaryFixtures.geoPackage(gpkg, "t", "LAD25CD", new Object[][] { { "E06000016", "Leicester", 0, 0, 1 } });
        assertThat(BoundaryReader.sniff(gpkg)).contains(BoundaryFile.Format.GEOPACKAGE);
    }
}
