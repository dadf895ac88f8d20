package org.perinatalequity.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perinatalequity.geography.BoundaryFixtures.collection;
import static org.perinatalequity.geography.BoundaryFixtures.lsoa21;
import static org.perinatalequity.geography.BoundaryFixtures.square;
import static org.perinatalequity.reference.ReferenceServiceTest.ONSPD_2023;
import static org.perinatalequity.reference.ReferenceServiceTest.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.ingest.IngestFixtures;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.measures.MeasureCatalogue;
import org.perinatalequity.measures.MeasureFixtures;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The breakdown dimensions msoa, ward and neighbourhood on a hand-made extract and hand-made boundaries, every count
 * worked by hand. The extract links 2011 LSOAs (IMD 2019, the default), the boundaries and the neighbourhood file are
 * 2021, so every area is reached through the 2011 → 2021 lookup:
 *
 * <pre>
 * LSOA 2021   square at         MSOA        ward        neighbourhood   2011 predecessor
 * E01950001   (458000, 304000)  E02950001   E05950001   N1 North        E01900001 (U)
 * E01950002   (458500, 304000)  E02950001   E05950002   N1 North        E01900002 (S, first successor)
 * E01950003   (459000, 304000)  E02950002   E05950002   N2 South        E01900002 (S), E01900003 (U)
 *
 * mother  postcode  LSOA 2011    caesarean    MSOA / ward / neighbourhood
 * M1      LE1 1AA   E01900001    yes (7)      E02950001 / E05950001 / N1
 * M2      LE1 1AA   E01900001    no (0)       E02950001 / E05950001 / N1
 * M3      LE1 1AB   E01900002    yes (8)      E02950001 / E05950002 / N1  (the split: its first successor E01950002)
 * M4      LE1 1AC   E01900002    no           E02950001 / E05950002 / N1
 * M5      LE1 1AE   E01900003    yes          E02950002 / E05950002 / N2
 * M6      LE1 1AD   E01900009    yes          Unknown (no lookup row, no boundary)
 * M7      (none)    Unknown      no           Unknown
 * </pre>
 *
 * caesarean (births by method 7 or 8 ÷ births with a method): LMNS 4/7. By LSOA: E01900001 1/2, E01900002 1/2,
 * E01900003 1/1, E01900009 1/1, Unknown 0/1. By MSOA: E02950001 2/4, E02950002 1/1, Unknown 1/2. By ward: E05950001
 * 1/2, E05950002 2/3, Unknown 1/2. By neighbourhood: N1 2/4, N2 1/1, Unknown 1/2. Each adds up to 4/7.
 */
class AreaDimensionsTest {

    @TempDir
    static Path dir;

    static TestDatabase db;
    static JdbcClient jdbc;

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        ReferenceService reference = new ReferenceService(db.dataSource(), jdbc, new EquityProperties(
                new EquityProperties.Database(db.file()), new EquityProperties.Ingest("k", dir, false, 10, 1L << 30,
                        1L << 30, 50), new EquityProperties.SampleData(false, dir), new EquityProperties.Reference("2019")),
                new DerivedDataRefresher(db.dataSource(), List.of(), new DataVersion(), e -> { }));
        Path files = Files.createDirectories(dir.resolve("reference"));
        Files.writeString(files.resolve("ONSPD.csv"), ONSPD_2023 + "\n" + String.join("\n",
                postcode("LE1 1AA", "E01900001", "E01950001"), postcode("LE1 1AB", "E01900002", "E01950002"),
                postcode("LE1 1AC", "E01900002", "E01950003"), postcode("LE1 1AE", "E01900003", "E01950003"),
                postcode("LE1 1AD", "E01900009", "E01950009")) + "\n");
        Files.writeString(files.resolve("LSOA11_LSOA21_LAD22_EW_LU.csv"),
                "LSOA11CD,LSOA11NM,CHGIND,LSOA21CD,LSOA21NM,LAD22CD,LAD22NM,LAD22NMW\n"
                        + "E01900001,Leicester 001A,U,E01950001,Leicester 001A,E06000016,Leicester,\n"
                        + "E01900002,Leicester 001B,S,E01950002,Leicester 001B,E06000016,Leicester,\n"
                        + "E01900002,Leicester 001B,S,E01950003,Leicester 001C,E06000016,Leicester,\n"
                        + "E01900003,Leicester 001D,U,E01950003,Leicester 001C,E06000016,Leicester,\n");
        Files.writeString(files.resolve("LSOA_2021.geojson"), collection("urn:ogc:def:crs:EPSG::27700",
                lsoa21(1, "E01950001", "Leicester 001A", square(458_000, 304_000, 500)),
                lsoa21(2, "E01950002", "Leicester 001B", square(458_500, 304_000, 500)),
                lsoa21(3, "E01950003", "Leicester 001C", square(459_000, 304_000, 500))));
        Files.writeString(files.resolve("MSOA_2021.geojson"), collection("urn:ogc:def:crs:EPSG::27700",
                area(1, "MSOA21", "E02950001", "Leicester 001", rectangle(458_000, 304_000, 1_000, 500)),
                area(2, "MSOA21", "E02950002", "Leicester 002", square(459_000, 304_000, 500))));
        Files.writeString(files.resolve("Wards_2025.geojson"), collection("urn:ogc:def:crs:EPSG::27700",
                area(1, "WD25", "E05950001", "Abbey", square(458_000, 304_000, 500)),
                area(2, "WD25", "E05950002", "Belgrave", rectangle(458_500, 304_000, 1_000, 500))));
        Files.writeString(files.resolve("llr_neighbourhoods.csv"), "LSOA21CD,neighbourhood_code,neighbourhood_name\n"
                + "E01950001,N1,North\nE01950002,N1,North\nE01950003,N2,South\n");
        reference.load(List.of(files), "tester");

        Path msds = Files.createDirectories(dir.resolve("msds"));
        write(msds, "MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", "RWE,2024-01-01,2024-06-30");
        write(msds, "MSD001.csv", "LPIDMother,PersonBirthDateMother,Postcode", "M1,1990-01-01,LE1 1AA",
                "M2,1990-01-01,LE1 1AA", "M3,1990-01-01,LE1 1AB", "M4,1990-01-01,LE1 1AC", "M5,1990-01-01,LE1 1AE",
                "M6,1990-01-01,LE1 1AD", "M7,1990-01-01,");
        StringBuilder bookings = new StringBuilder("PregnancyID,LPIDMother,AntenatalAppDate,EDDAgreed");
        StringBuilder labours = new StringBuilder("LabourDeliveryID,PregnancyID,LabourOnsetDate");
        StringBuilder babies = new StringBuilder("LPIDBaby,LabourDeliveryID,PersonBirthDateBaby,PregOutcome,"
                + "GestationLengthBirth,DeliveryMethodCode");
        String[] methods = { "7", "0", "8", "0", "7", "7", "0" };
        for (int i = 1; i <= methods.length; i++) {
            bookings.append("\nP").append(i).append(",M").append(i).append(",2024-01-10,2024-06-15");
            labours.append("\nL").append(i).append(",P").append(i).append(",2024-06-01");
            babies.append("\nB").append(i).append(",L").append(i).append(",2024-06-01,01,275,").append(methods[i - 1]);
        }
        write(msds, "MSD101.csv", bookings.toString());
        write(msds, "MSD301.csv", labours.toString());
        write(msds, "MSD401.csv", babies.toString());
        IngestFixtures.ingest(db.dataSource(), dir, msds);
        MeasureCatalogue catalogue = MeasureFixtures.catalogue(jdbc);
        // Also holds the facts' area columns to the reference computation (FactsReference), row for row
        MeasureFixtures.rebuildFacts(db, jdbc, catalogue);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String postcode(String postcode, String lsoa11, String lsoa21) {
        return row(ONSPD_2023, Map.of("pcd", postcode, "pcds", postcode, "oslaua", "E06000016", "ctry", "E92000001",
                "lsoa11", lsoa11, "lsoa21", lsoa21));
    }

    private static String rectangle(double x, double y, double width, double height) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],"
                + "[%s,%s]]]}", x, y, x + width, y, x + width, y + height, x, y + height, x, y);
    }

    /** An ONS-style feature of a larger area: {@code prefix}CD and {@code prefix}NM. */
    private static String area(int fid, String prefix, String code, String name, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"FID\":" + fid + ",\"" + prefix + "CD\":\"" + code + "\",\""
                + prefix + "NM\":\"" + name + "\"},\"geometry\":" + geometry + "}";
    }

    private static void write(Path folder, String name, String... lines) throws Exception {
        Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }

    /** "group numerator/denominator" of caesarean by a dimension, straight from the facts. */
    private static List<String> caesareans(Dimension by) {
        return jdbc.sql("SELECT " + by.column() + " || ' ' || sum(numerator) || '/' || count(*) FROM fact_event"
                + " WHERE measure_id = 'caesarean' GROUP BY " + by.column() + " ORDER BY 1").query(String.class).list();
    }

    @Test
    void eachLevelGroupsTheMothersLsoaThroughTheLookupAndAddsUpToTheSameTotal() {
        assertThat(caesareans(Dimension.LSOA)).containsExactly("E01900001 1/2", "E01900002 1/2", "E01900003 1/1",
                "E01900009 1/1", "Unknown 0/1");
        assertThat(caesareans(Dimension.MSOA)).containsExactly("E02950001 2/4", "E02950002 1/1", "Unknown 1/2");
        assertThat(caesareans(Dimension.WARD)).containsExactly("E05950001 1/2", "E05950002 2/3", "Unknown 1/2");
        assertThat(caesareans(Dimension.NEIGHBOURHOOD)).containsExactly("N1 2/4", "N2 1/1", "Unknown 1/2");
        for (Dimension d : List.of(Dimension.LSOA, Dimension.MSOA, Dimension.WARD, Dimension.NEIGHBOURHOOD)) {
            assertThat(jdbc.sql("SELECT sum(n) || '/' || sum(d) FROM (SELECT sum(numerator) AS n, count(*) AS d"
                    + " FROM fact_event WHERE measure_id = 'caesarean' GROUP BY " + d.column() + ")")
                    .query(String.class).single()).as(d.id()).isEqualTo("4/7");
        }
    }

    @Test
    void aCodeOfEitherVintageFindsItsAreas() {
        // Its own entry (2021), its first 2021 successor (the split 2011 code), a 2011 code with no successor: none
        assertThat(jdbc.sql("SELECT lsoa || ' ' || msoa || ' ' || ward || ' ' || neighbourhood FROM v_lsoa_area"
                + " WHERE lsoa IN ('E01950003', 'E01900002', 'E01900003') ORDER BY lsoa").query(String.class).list())
                .containsExactly("E01900002 E02950001 E05950002 N1", "E01900003 E02950002 E05950002 N2",
                        "E01950003 E02950002 E05950002 N2");
        assertThat(jdbc.sql("SELECT count(*) FROM v_lsoa_area WHERE lsoa = 'E01900009'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theDataQualityItemsCarryTheSameAreas() {
        assertThat(jdbc.sql("SELECT DISTINCT msoa || ' ' || ward || ' ' || neighbourhood FROM v_quality_item"
                + " WHERE mother_id = 'M3'").query(String.class).list()).containsExactly("E02950001 E05950002 N1");
    }

    @Test
    void namesComeFromTheBoundaryAndNeighbourhoodFilesAndShapesFromTheLsoas() {
        AreaNames names = new AreaNames(jdbc);
        assertThat(names.names(Dimension.MSOA)).containsExactly(Map.entry("E02950001", "Leicester 001"),
                Map.entry("E02950002", "Leicester 002"));
        assertThat(names.names(Dimension.WARD)).containsEntry("E05950002", "Belgrave").hasSize(2);
        assertThat(names.names(Dimension.NEIGHBOURHOOD)).containsExactly(Map.entry("N1", "North"),
                Map.entry("N2", "South"));

        Boundaries boundaries = new Boundaries(jdbc);
        assertThat(boundaries.areas("msoa").keySet()).containsExactly("E02950001", "E02950002");
        assertThat(boundaries.areas("ward").keySet()).containsExactly("E05950001", "E05950002");
        // A neighbourhood is its LSOAs dissolved: N1 the two western squares, one polygon of 1000 m × 500 m
        var north = boundaries.neighbourhoods().get("N1");
        assertThat(north.getArea()).isEqualTo(500_000.0);
        assertThat(north.getNumGeometries()).isOne();
        assertThat(north.getEnvelopeInternal().getWidth()).isEqualTo(1_000.0);
        assertThat(boundaries.neighbourhoods().get("N2").getArea()).isEqualTo(250_000.0);
    }
}
