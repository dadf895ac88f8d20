package org.perinatalequity.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The community assets register as a reference file: recognised by its header whatever its name, postcodes looked up
 * in the directory (LSOA and grid reference), and each fault named by file, line and value.
 */
class AssetRegisterTest {

    private static final String HEADER = "name,type,postcode,services,languages,opening,contact";

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
                new EquityProperties.Database(db.file()),
                new EquityProperties.Ingest("k", dir, false, 10, 1L << 30, 1L << 30, 50),
                new EquityProperties.SampleData(false, dir), new EquityProperties.Reference("2019")),
                new DerivedDataRefresher(db.dataSource(), List.of(), new DataVersion(), e -> { }));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path directory() throws Exception {
        return file("NSPL_2025.csv", """
                pcd,pcds,doterm,laua,oseast1m,osnrth1m,ctry,lsoa21
                LE1 3AA,LE1 3AA,,E06000016,458512,304420,E92000001,E01950001
                LE151AA,LE15 1AA,,E06000017,485000,308800,E92000001,E01950003
                """);
    }

    @Test
    void aGoodRegisterLoadsWithItsLsoasAndGridReferences() throws Exception {
        Path register = file("hubs-2025.csv", HEADER + "\n"
                + "Highfields Family Hub,Family hub,le13aa,\"Antenatal classes, infant feeding\",English; Gujarati;"
                + " Somali,Mon-Fri 09:00-17:00,0116 454 0000\n"
                + "Oakham Children’s Centre,Children's centre,LE15 1AA,Stay and play,English,Tue 10-12,\n");
        ReferenceReport report = service.load(List.of(directory(), register), "tester");
        assertThat(report.files()).extracting(ReferenceReport.LoadedFile::kind).contains("assets");
        assertThat(report.warnings()).isEmpty();
        assertThat(jdbc.sql("SELECT name, type, postcode, lsoa, easting, northing FROM v_asset ORDER BY line")
                .query((rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                        + rs.getString(4) + "|" + rs.getInt(5) + "|" + rs.getInt(6)).list())
                .containsExactly("Highfields Family Hub|family_hub|LE1 3AA|null|458512|304420",
                        "Oakham Children’s Centre|childrens_centre|LE15 1AA|null|485000|308800");
        // The directory has LSOA 2021 codes only, so under the 2019 vintage the assets have no LSOA (like women)
        assertThat(jdbc.sql("SELECT services FROM v_asset WHERE line = 2").query(String.class).single())
                .isEqualTo("Antenatal classes, infant feeding");
    }

    @Test
    void anUnknownPostcodeIsKeptWithAWarningNamingTheLineAndValue() throws Exception {
        Path register = file("assets.csv", HEADER + "\nHub,Community hub,LE9 9ZZ,,,,\nVCSE,VCSE,,,,,\n");
        ReferenceReport report = service.load(List.of(directory(), register), "tester");
        assertThat(report.warnings()).containsExactly(
                "assets.csv, line 2: postcode 'LE9 9ZZ' of Hub is not in the loaded postcode directory: it is kept but"
                        + " has no LSOA or location",
                "assets.csv, line 3: VCSE has no postcode: it is kept but has no LSOA or location");
        assertThat(jdbc.sql("SELECT count(*) FROM ref_asset").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRegisterWithoutATypeColumnIsRefusedNamingTheFileAndLine() throws Exception {
        Path register = file("assets.csv", "name,postcode,services,languages,opening,contact\nHub,LE1 3AA,,,,\n");
        assertThatThrownBy(() -> service.load(List.of(register), "tester"))
                .isInstanceOf(ReferenceRefusedException.class)
                .hasMessage("assets.csv, line 1: the community assets register has no type column (it needs"
                        + " name,type,postcode,services,languages,opening,contact; services to contact may be blank)");
        assertThat(jdbc.sql("SELECT count(*) FROM ref_file").query(Long.class).single()).isZero();
    }

    @Test
    void aBadTypeLeavesTheLineOutAndARegisterWithNothingLeftIsRefused() throws Exception {
        Path register = file("assets.csv", HEADER + "\nSurgery,GP practice,LE1 3AA,,,,\n");
        assertThatThrownBy(() -> service.load(List.of(directory(), register), "tester"))
                .hasMessage("assets.csv: the community assets register holds no asset that could be kept (see the"
                        + " warnings above for each line)");
        // Nothing half-written: the directory of the same call is not kept either
        assertThat(jdbc.sql("SELECT count(*) FROM ref_postcode").query(Long.class).single()).isZero();
    }

    @Test
    void aNewRegisterReplacesTheOld() throws Exception {
        service.load(List.of(file("a.csv", HEADER + "\nOld hub,Family hub,LE1 3AA,,,,\n")), "tester");
        service.load(List.of(file("b.csv", HEADER + "\nNew hub,Family hub,LE1 3AA,,,,\n")), "tester");
        assertThat(jdbc.sql("SELECT name FROM ref_asset").query(String.class).list()).containsExactly("New hub");
    }

    @Test
    void typesAreReadFromTheWordsARegisterUses() {
        assertThat(AssetRegister.type("Family Hub")).hasValue("family_hub");
        assertThat(AssetRegister.type("children’s centre")).hasValue("childrens_centre");
        assertThat(AssetRegister.type("VCSE")).hasValue("vcse_group");
        assertThat(AssetRegister.type("community_hub")).hasValue("community_hub");
        assertThat(AssetRegister.type("clinic")).isEmpty();
    }
}
