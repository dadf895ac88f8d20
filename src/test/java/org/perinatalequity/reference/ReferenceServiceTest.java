package org.perinatalequity.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.ingest.LatestVersions;
import org.perinatalequity.security.TestAudit;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefresher;
import org.perinatalequity.system.EquityProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reference files in each real header layout (fixtures written in the official column order) and the
 * linkage of normal, terminated, pseudo, malformed, unknown, non-English and missing postcodes.
 */
class ReferenceServiceTest {

    static final String ONSPD_2023 = "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,park,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua11,buasd11,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21";
    static final String NSPL_2025 = "pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa21,cty,ced,laua,ward,nhser,ctry,rgn,pcon,ttwa,itl,park,lsoa21,msoa21,wz11,sicbl,bua24,ruc21,oac11,lat,long,lep1,lep2,pfa,imd,icb";
    static final String SUFFIXED_2025 = "pcd7,pcd8,pcds,dointr,doterm,usrtypind,east1m,north1m,gridind,oa21cd,cty25cd,ced25cd,lad25cd,wd25cd,nhser24cd,ctry25cd,rgn25cd,pcon24cd,ttwa15cd,itl25cd,npark16cd,lsoa21cd,msoa21cd,wz11cd,sicbl24cd,bua24cd,ruc21ind,oac11ind,lat,long,lep21cd1,lep21cd2,pfa23cd,imd20ind,icb23cd";
    static final String IOD2019 = "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),Local Authority District name (2019),Index of Multiple Deprivation (IMD) Score,Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs),Income Score (rate),Income Rank (where 1 is most deprived),Income Decile (where 1 is most deprived 10% of LSOAs)";
    static final String IOD2025 = "LSOA code (2021),LSOA name (2021),Local Authority District code (2024),Local Authority District name (2024),Index of Multiple Deprivation (IMD) Score,Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)";

    @TempDir
    Path dir;

    private TestDatabase db;
    private JdbcClient jdbc;
    private ReferenceService service;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        service = new ReferenceService(db.dataSource(), jdbc, properties("2019"),
                new DerivedDataRefresher(db.dataSource(), List.of(), new DataVersion(), e -> { }));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private EquityProperties properties(String vintage) {
        return new EquityProperties(new EquityProperties.Database(db.file()),
                new EquityProperties.Ingest("k", dir, false, 10, 1L << 30, 1L << 30, 50),
                new EquityProperties.SampleData(false, dir), new EquityProperties.Reference(vintage));
    }

    /** A row in the given header with the named columns set and every other column blank. */
    static String row(String header, Map<String, String> values) {
        List<String> names = List.of(header.split(",", -1));
        List<String> cells = new ArrayList<>(Collections.nCopies(names.size(), ""));
        values.forEach((name, value) -> {
            int i = names.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException(name + " not in header");
            }
            cells.set(i, value.contains(",") ? "\"" + value + "\"" : value);
        });
        return String.join(",", cells);
    }

    private Path csv(String name, String header, String... rows) throws Exception {
        return Files.writeString(dir.resolve(name), header + "\n" + String.join("\n", rows) + "\n");
    }

    private Path onspd() throws Exception {
        return csv("ONSPD_FEB_2023_UK.csv", ONSPD_2023,
                row(ONSPD_2023, Map.of("pcd", "LE1 1AA", "pcd2", "LE1  1AA", "pcds", "LE1 1AA", "oslaua", "E06000016",
                        "ctry", "E92000001", "lsoa11", "E01900001", "lsoa21", "E01950001")),
                row(ONSPD_2023, Map.of("pcd", "LE111AB", "pcd2", "LE11 1AB", "pcds", "LE11 1AB", "doterm", "202105",
                        "oslaua", "E07000130", "ctry", "E92000001", "lsoa11", "E01900002", "lsoa21", "E01950002")),
                row(ONSPD_2023, Map.of("pcd", "LE151AA", "pcds", "LE15 1AA", "oslaua", "E06000017", "ctry", "E92000001",
                        "lsoa11", "E01900003", "lsoa21", "E01950003")),
                row(ONSPD_2023, Map.of("pcd", "CF101AA", "pcds", "CF10 1AA", "oslaua", "W06000015", "ctry", "W92000004",
                        "lsoa11", "W01001700", "lsoa21", "W01001700")),
                row(ONSPD_2023, Map.of("pcd", "NN1 1AA", "pcds", "NN1 1AA", "oslaua", "E07000154", "ctry", "E92000001",
                        "lsoa11", "E01027000", "lsoa21", "E01027000")));
    }

    private Path iod2019() throws Exception {
        return csv("File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv", IOD2019,
                "E01900001,Leicester 001A,E06000016,Leicester,45.2,1203,1,0.3,900,1",
                "E01900002,Charnwood 001A,E07000130,Charnwood,12.0,20050,7,0.1,21000,7",
                "E01900003,Rutland 001A,E06000017,Rutland,5.5,30000,10,0.05,31000,10",
                "E01027000,Northampton 001A,E07000154,Northampton,25.5,9000,3,0.2,9000,3");
    }

    private void mothers() {
        jdbc.sql("INSERT INTO submission (submission_id, provider, rp_start, rp_end, layout, run_id, loaded_at) VALUES (1, 'RWE', DATE '2024-04-01', DATE '2024-04-30', 'mixed', 1, now())").update();
        String insert = "INSERT INTO msd001 (submission_id, line, invalid_items, LPIDMother, Postcode, LSOAMother2011,"
                + " PostcodeDistrictMother) VALUES (1, :line,"
                + " CASE WHEN :malformed THEN ['Postcode'] ELSE [] END, :id, :postcode, :lsoa, :district)";
        Object[][] mothers = {
                { "normal", "le1 1aa", null, null, List.of() },
                { "terminated", "LE11 1AB", null, null, List.of() },
                { "rutland", "LE151AA", null, null, List.of() },
                { "pseudo", "ZZ99 3VZ", null, null, List.of() },
                { "malformed", "LE1 1A", null, null, List.of("Postcode") },
                { "unknown", "LE4 9ZZ", null, null, List.of() },
                { "wales", "CF10 1AA", null, null, List.of() },
                { "northampton", "NN1 1AA", null, null, List.of() },
                { "missing", null, null, null, List.of() },
                { "national", null, "E01900003", "LE15", List.of() } };
        int line = 2;
        for (Object[] m : mothers) {
            jdbc.sql(insert).param("line", line++).param("malformed", !((List<?>) m[4]).isEmpty())
                    .param("id", m[0]).param("postcode", m[1]).param("lsoa", m[2]).param("district", m[3]).update();
        }
        jdbc.sql("INSERT INTO msd002 (submission_id, line, invalid_items, LPIDMother, OrgCodeGMPMother)"
                + " VALUES (1, 2, [], 'normal', 'C82001')").update();
        db.rebuild(LatestVersions.of(db.dataSource()));
    }

    private Map<String, Object> woman(String id) {
        return jdbc.sql("SELECT postcode_status, postcode_district, lsoa, imd_decile, imd_quintile, imd_vintage,"
                + " local_authority, place, gp_practice, pcn FROM v_women WHERE mother_id = :id").param("id", id)
                .query().singleRow();
    }

    @Test
    void linksEachKindOfPostcodeWithImd2019() throws Exception {
        ReferenceReport report = service.load(List.of(onspd(), iod2019(), csv("gp_practice_pcn.csv",
                "practice_code,pcn_code,pcn_name", "C82001,U12345,Leicester City North PCN")), "tester");
        mothers();

        assertThat(report.files()).extracting(ReferenceReport.LoadedFile::kind, ReferenceReport.LoadedFile::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("postcode_directory", 5L),
                        org.assertj.core.groups.Tuple.tuple("imd", 4L), org.assertj.core.groups.Tuple.tuple("gp_pcn", 1L));
        assertThat(report.files().get(0).layout()).isEqualTo("Postcode directory (ONSPD: pcd, oslaua, lsoa11, lsoa21)");
        assertThat(report.files().get(1).layout()).isEqualTo("English Indices of Deprivation 2019 File 7 (LSOA 2011)");

        assertThat(woman("normal")).containsEntry("postcode_status", "linked").containsEntry("postcode_district", "LE1")
                .containsEntry("lsoa", "E01900001").containsEntry("imd_decile", 1).containsEntry("imd_quintile", 1)
                .containsEntry("imd_vintage", "2019").containsEntry("local_authority", "E06000016")
                .containsEntry("place", "Leicester").containsEntry("gp_practice", "C82001")
                .containsEntry("pcn", "Leicester City North PCN");
        assertThat(woman("terminated")).containsEntry("postcode_status", "terminated").containsEntry("imd_decile", 7)
                .containsEntry("imd_quintile", 4).containsEntry("place", "Leicestershire");
        assertThat(woman("rutland")).containsEntry("imd_decile", 10).containsEntry("place", "Rutland");
        assertThat(woman("pseudo")).containsEntry("postcode_status", "pseudo").containsEntry("postcode_district", "ZZ99")
                .containsEntry("imd_decile", null).containsEntry("lsoa", "Unknown")
                .containsEntry("place", "Pseudo postcode (ZZ99: no fixed abode or overseas)");
        assertThat(woman("malformed")).containsEntry("postcode_status", "malformed")
                .containsEntry("postcode_district", "Unknown").containsEntry("place", "Unknown")
                .containsEntry("gp_practice", "Unknown").containsEntry("pcn", "Unknown");
        assertThat(woman("unknown")).containsEntry("postcode_status", "unmatched").containsEntry("postcode_district", "LE4")
                .containsEntry("imd_decile", null).containsEntry("place", "Unknown");
        assertThat(woman("wales")).containsEntry("postcode_status", "outside_england").containsEntry("imd_decile", null)
                .containsEntry("place", "Outside LLR");
        assertThat(woman("northampton")).containsEntry("postcode_status", "linked").containsEntry("imd_decile", 3)
                .containsEntry("place", "Outside LLR");
        assertThat(woman("missing")).containsEntry("postcode_status", "missing").containsEntry("place", "Unknown");
        assertThat(woman("national")).containsEntry("postcode_status", "lsoa_submitted").containsEntry("lsoa", "E01900003")
                .containsEntry("imd_decile", 10).containsEntry("local_authority", "E06000017")
                .containsEntry("place", "Rutland").containsEntry("postcode_district", "LE15");

        assertThat(service.findUnmatchedDistricts(10)).containsExactly(new Linkage.UnmatchedDistrict("LE4", 1));
        assertThat(service.countPostcodeStatuses()).contains(new Linkage.StatusCount("linked", 3));
    }

    @Test
    void imd2025UsesLsoa2021AndNeverMixesVintages() throws Exception {
        service.load(List.of(onspd(), iod2019(), csv("File_7_IoD2025.csv", IOD2025,
                "E01950001,Leicester 001A,E06000016,Leicester,40.1,2000,2")), "tester");
        mothers();
        new ReferenceSettings(jdbc, properties("2025"), TestAudit.service(jdbc)).afterPropertiesSet();

        assertThat(woman("normal")).containsEntry("lsoa", "E01950001").containsEntry("imd_decile", 2)
                .containsEntry("imd_vintage", "2025");
        // No 2025 deciles loaded for these LSOA 2021 codes: Unknown, not the 2019 decile.
        assertThat(woman("terminated")).containsEntry("lsoa", "E01950002").containsEntry("imd_decile", null);
        // A national-layout LSOA 2011 cannot be used with IMD 2025.
        assertThat(woman("national")).containsEntry("imd_decile", null);
    }

    @Test
    void recognisesNsplAndVintageSuffixedPostcodeDirectories() throws Exception {
        Path nspl = csv("NSPL_MAY_2025_UK.csv", NSPL_2025, row(NSPL_2025, Map.of("pcd", "LE1 1AA", "pcds", "LE1 1AA",
                "laua", "E06000016", "ctry", "E92000001", "lsoa21", "E01950001")));
        Path suffixed = csv("ONSPD_AUG_2025.csv", SUFFIXED_2025, row(SUFFIXED_2025, Map.of("pcd7", "LE2 2BB",
                "pcds", "LE2 2BB", "lad25cd", "E06000016", "ctry25cd", "E92000001", "lsoa21cd", "E01950009")));

        ReferenceReport report = service.load(List.of(nspl, suffixed), "tester");

        assertThat(report.files()).extracting(ReferenceReport.LoadedFile::layout).containsExactly(
                "Postcode directory (NSPL: pcd, laua, lsoa21)",
                "Postcode directory (vintage-suffixed: pcd7, lad25cd, lsoa21)");
        // Both files are parts of one directory: together they replace it.
        assertThat(jdbc.sql("SELECT postcode_key || '>' || la_code || '>' || lsoa21 FROM ref_postcode ORDER BY 1")
                .query(String.class).list()).containsExactly("LE11AA>E06000016>E01950001", "LE22BB>E06000016>E01950009");
    }

    @Test
    void mapsEveryLlrLocalAuthorityToItsPlace() {
        assertThat(jdbc.sql("SELECT la_code || '=' || place FROM ref_llr_place ORDER BY la_code").query(String.class).list())
                .containsExactly("E06000016=Leicester", "E06000017=Rutland", "E07000129=Leicestershire",
                        "E07000130=Leicestershire", "E07000131=Leicestershire", "E07000132=Leicestershire",
                        "E07000133=Leicestershire", "E07000134=Leicestershire", "E07000135=Leicestershire",
                        "E10000018=Leicestershire");
    }

    @Test
    void refusesUnrecognisedFilesAndBadDecilesChangingNothing() throws Exception {
        service.load(List.of(onspd()), "tester");
        Path odd = csv("lookup.csv", "code,name", "a,b");
        Path badImd = csv("File_7_bad.csv", IOD2019, "E01900001,Leicester 001A,E06000016,Leicester,45.2,1203,11,0.3,900,1");

        assertThatThrownBy(() -> service.load(List.of(odd), "tester")).isInstanceOf(ReferenceRefusedException.class)
                .hasMessage("lookup.csv is not a postcode directory (ONSPD/NSPL), an IoD File 7, a GP practice to PCN"
                        + " mapping, an LSOA 2011 to 2021 lookup, a neighbourhood file, an MVP membership list, a community assets register"
                        + " or a"
                        + " boundary file (GeoJSON, GeoPackage): its header starts code,name");
        assertThatThrownBy(() -> service.load(List.of(iod2019(), badImd), "tester"))
                .hasMessage("File_7_-_All_IoD2019_Scores__Ranks__Deciles_and_Population_Denominators_3.csv: 1 row(s)"
                        + " have no IMD decile between 1 and 10");
        assertThat(jdbc.sql("SELECT count(*) FROM ref_imd").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ref_postcode").query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void theMvpListLoadsItsGoodRowsRejectsTheBadByLineAndKeepsOnlyPseudonyms() throws Exception {
        Path mvp = csv("mvp_members.csv", "member_id,ethnic_category,postcode_district,lsoa,joined,left",
                "MVP0001,A,LE1,,2021-04-01,", "MVP0002,H,,E01900001,2022-05-01,2024-03-31", "MVP0003,X,LE2,,2021-04-01,",
                "MVP0004,N,LE3,,2021-04-01,2020-01-01", "MVP0005,,LE4,,2023-09-01,");
        ReferenceReport report = service.load(List.of(mvp), "tester");
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("mvp_members");
            assertThat(f.rows()).isEqualTo(3);
        });
        assertThat(report.rejects()).extracting(ReferenceReport.Reject::toString).containsExactly(
                "mvp_members.csv line 4, column ethnic_category: 'X' is not an NHS ethnic category (A to S, Z or 99;"
                        + " blank when not known)",
                "mvp_members.csv line 5, column left: '2020-01-01' is before the joining date 2021-04-01");
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM ref_mvp_member ORDER BY line").query().listOfRows();
        assertThat(rows).extracting(r -> r.get("line")).containsExactly(2, 3, 6);
        assertThat(rows).extracting(r -> r.get("ethnic_category")).containsExactly("A", "H", null);
        assertThat(rows).allSatisfy(r -> assertThat((String) r.get("member_key")).matches("[0-9a-f]{64}"));
        // The id is never stored, in any column.
        assertThat(jdbc.sql("SELECT count(*) FROM ref_mvp_member WHERE contains(CAST(COLUMNS(*) AS VARCHAR), 'MVP00')")
                .query(Long.class).single()).isZero();
        // The same key gives the same pseudonym as the ingest gives an NHS number: HMAC-SHA256, hex.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("k".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        assertThat(rows.get(0).get("member_key")).isEqualTo(java.util.HexFormat.of().formatHex(
                mac.doFinal("MVP0001".getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        // A second list replaces the first whole; one with no good row is refused and changes nothing.
        Path next = csv("mvp_2025.csv", "Member ID,Ethnicity,Joined", "MVP0009,B,2024-01-01");
        assertThat(service.load(List.of(next), "tester").files().get(0).rows()).isEqualTo(1);
        Path bad = csv("mvp_bad.csv", "member_id,ethnic_category,joined", "MVP0010,A,someday", ",B,2024-01-01");
        assertThatThrownBy(() -> service.load(List.of(bad), "tester")).isInstanceOf(ReferenceRefusedException.class)
                .hasMessage("mvp_bad.csv: no membership could be loaded; 2 row(s) rejected, the first: mvp_bad.csv"
                        + " line 2, column joined: 'someday' is not a date (YYYY-MM-DD or DD/MM/YYYY)");
        assertThat(jdbc.sql("SELECT ethnic_category FROM ref_mvp_member").query(String.class).list())
                .containsExactly("B");
    }
}
