package org.perinatalequity.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.perinatalequity.geography.BoundaryFixtures.collection;
import static org.perinatalequity.geography.BoundaryFixtures.lsoa21;
import static org.perinatalequity.geography.BoundaryFixtures.square;
import static org.perinatalequity.reference.ReferenceServiceTest.ONSPD_2023;
import static org.perinatalequity.reference.ReferenceServiceTest.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.geography.BoundaryFixtures;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Boundary, lookup and neighbourhood files through {@code ReferenceService.load}, as {@code reference PATH...} and
 * the upload give them: clipped to the LMNS's LSOAs, larger areas kept by the LSOAs they hold, LSOAs assigned.
 */
class BoundaryLoadTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private JdbcClient jdbc;
    private ReferenceService service;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        service = new ReferenceService(db.dataSource(), jdbc, new EquityProperties(
                new EquityProperties.Database(db.file()), new EquityProperties.Ingest("k", dir, false, 10, 1L << 30,
                        1L << 30, 50), new EquityProperties.SampleData(false, dir), new EquityProperties.Reference("2019")),
                new DerivedDataRefresher(db.dataSource(), List.of(), new DataVersion(), e -> { }));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Two Leicester LSOAs (2021 codes E01950001/2) and one in Northampton, outside the LMNS. */
    private Path onspd() throws Exception {
        return Files.writeString(dir.resolve("ONSPD.csv"), ONSPD_2023 + "\n" + String.join("\n",
                row(ONSPD_2023, Map.of("pcd", "LE1 1AA", "pcds", "LE1 1AA", "oslaua", "E06000016", "ctry", "E92000001",
                        "lsoa11", "E01900001", "lsoa21", "E01950001")),
                row(ONSPD_2023, Map.of("pcd", "LE1 1AB", "pcds", "LE1 1AB", "oslaua", "E06000016", "ctry", "E92000001",
                        "lsoa11", "E01900002", "lsoa21", "E01950002")),
                row(ONSPD_2023, Map.of("pcd", "NN1 1AA", "pcds", "NN1 1AA", "oslaua", "E07000154", "ctry", "E92000001",
                        "lsoa11", "E01027000", "lsoa21", "E01027000"))) + "\n");
    }

    private Path lsoas() throws Exception {
        return Files.writeString(dir.resolve("LSOA_2021_EW_BGC_V3.geojson"), collection("urn:ogc:def:crs:EPSG::27700",
                lsoa21(1, "E01950001", "Leicester 001A", square(458_000, 304_000, 500)),
                lsoa21(2, "E01950002", "Leicester 001B", square(458_500, 304_000, 500)),
                lsoa21(3, "E01027000", "Northampton 001A", square(475_000, 260_000, 500))));
    }

    @Test
    void keepsTheLmnsOwnLsoasAndTheLargerAreasHoldingThem() throws Exception {
        Path wards = dir.resolve("Wards_May_2025.gpkg");
        BoundaryFixtures.geoPackage(wards, "WD_MAY_2025_UK_BGC", "WD25CD", new Object[][] {
                { "E05010001", "Abbey", 458_000, 304_000, 500 },
                { "E05010002", "Aylestone", 458_500, 304_000, 500 },
                { "E05099999", "Far away", 400_000, 200_000, 500 } });

        ReferenceReport report = service.load(List.of(onspd(), lsoas(), wards), "tester");

        assertThat(report.files()).extracting(ReferenceReport.LoadedFile::kind, ReferenceReport.LoadedFile::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("postcode_directory", 3L),
                        org.assertj.core.groups.Tuple.tuple("boundary", 2L),
                        org.assertj.core.groups.Tuple.tuple("boundary", 2L));
        assertThat(report.files().get(1).layout()).isEqualTo("LSOA 2021 boundaries (GeoJSON, EPSG:27700, LSOA21CD)");
        assertThat(report.warnings()).containsExactly(
                "LSOA_2021_EW_BGC_V3.geojson: 1 of 3 areas are outside the LMNS and were left out",
                "Wards_May_2025.gpkg: 1 of 3 areas are outside the LMNS and were left out");
        assertThat(jdbc.sql("SELECT level || ':' || vintage || ':' || code || ':' || name FROM ref_boundary ORDER BY 1")
                .query(String.class).list()).containsExactly("lsoa:2021:E01950001:Leicester 001A",
                        "lsoa:2021:E01950002:Leicester 001B", "ward:2025:E05010001:Abbey", "ward:2025:E05010002:Aylestone");
        assertThat(jdbc.sql("SELECT lsoa || '→' || code FROM ref_lsoa_area WHERE level = 'ward' ORDER BY 1")
                .query(String.class).list()).containsExactly("E01950001→E05010001", "E01950002→E05010002");
        assertThat(jdbc.sql("SELECT count(*) FROM ref_file WHERE kind = 'boundary'").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void refusesBoundariesBeforeAnyLsoaIsKnownOrWhenNoneIsTheLmnss() throws Exception {
        Path boundaries = lsoas();
        assertThatThrownBy(() -> service.load(List.of(boundaries), "tester")).isInstanceOf(ReferenceRefusedException.class)
                .hasMessageStartingWith("Boundaries are kept for the LMNS's own areas only, and no LSOA is known yet");

        service.load(List.of(onspd()), "tester");
        Path elsewhere = Files.writeString(dir.resolve("other.geojson"), collection(null,
                lsoa21(1, "E01011111", "Leeds 001A", square(430_000, 433_000, 500))));
        assertThatThrownBy(() -> service.load(List.of(elsewhere), "tester"))
                .hasMessageStartingWith("other.geojson holds none of the LMNS's areas (");
        assertThat(jdbc.sql("SELECT count(*) FROM ref_boundary").query(Long.class).single()).isZero();
    }

    @Test
    void loadsTheLsoaLookupAndNeighbourhoodsWarningOfUnknownLsoas() throws Exception {
        Path lookup = Files.writeString(dir.resolve("LSOA11_LSOA21_LAD22_EW_LU.csv"),
                "LSOA11CD,LSOA11NM,CHGIND,LSOA21CD,LSOA21NM,LAD22CD,LAD22NM,LAD22NMW\n"
                        + "E01900001,Leicester 001A,U,E01950001,Leicester 001A,E06000016,Leicester,\n"
                        + "E01900002,Leicester 001B,S,E01950002,Leicester 001B,E06000016,Leicester,\n"
                        + "E01900002,Leicester 001B,S,E01950003,Leicester 001C,E06000016,Leicester,\n");
        Path neighbourhoods = Files.writeString(dir.resolve("llr_neighbourhoods.csv"),
                "LSOA21CD,neighbourhood_code,neighbourhood_name\n"
                        + "E01950001,N01,City Centre\nE01950002,N01,City Centre\nE01959999,N02,Typo\n");

        ReferenceReport report = service.load(List.of(neighbourhoods, onspd(), lookup), "tester");

        assertThat(report.files()).extracting(ReferenceReport.LoadedFile::kind).containsExactly("postcode_directory",
                "lsoa_lookup", "neighbourhood");
        assertThat(report.warnings()).containsExactly("llr_neighbourhoods.csv: LSOA E01959999 is not one of the LMNS's"
                + " LSOAs (postcode directory or IoD file): its neighbourhood is kept but nothing links to it");
        assertThat(jdbc.sql("SELECT lsoa11 || '→' || lsoa21 || ' ' || change FROM ref_lsoa_lookup ORDER BY 1")
                .query(String.class).list()).containsExactly("E01900001→E01950001 U", "E01900002→E01950002 S",
                        "E01900002→E01950003 S");
        // The split's new half is the LMNS's own through the lookup
        assertThat(jdbc.sql("SELECT lsoa FROM v_lmns_lsoa WHERE lsoa = 'E01950003'").query(String.class).list())
                .containsExactly("E01950003");
        assertThat(jdbc.sql("SELECT neighbourhood_name FROM ref_neighbourhood WHERE lsoa = 'E01950002'")
                .query(String.class).single()).isEqualTo("City Centre");
    }

    @Test
    void loadsTheSamplesSyntheticBoundariesWholeAndTilingEachAuthority() {
        ReferenceReport report = service.load(List.of(Path.of("data-samples/reference")), "tester");

        // 611 LLR LSOAs (Leicester 192, Leicestershire 396, Rutland 23); the border authorities' areas are left out
        assertThat(jdbc.sql("SELECT level || '=' || count(*) FROM ref_boundary GROUP BY level ORDER BY level")
                .query(String.class).list()).containsExactly("lad=9", "lsoa=611", "msoa=126", "ward=208");
        assertThat(report.warnings()).allMatch(w -> w.endsWith("are outside the LMNS and were left out"));
        assertThat(jdbc.sql("SELECT level || '=' || count(*) FROM ref_lsoa_area GROUP BY level ORDER BY level")
                .query(String.class).list()).containsExactly("lad=611", "msoa=611", "ward=611");
        // Each LSOA lies in its own local authority's boundary
        assertThat(jdbc.sql("""
                SELECT count(*) FROM ref_lsoa_area a JOIN ref_imd i ON i.lsoa = a.lsoa
                WHERE a.level = 'lad' AND a.code <> i.la_code""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ref_neighbourhood").query(Long.class).single()).isEqualTo(611);
    }
}
