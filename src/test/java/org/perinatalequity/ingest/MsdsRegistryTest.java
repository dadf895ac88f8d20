package org.perinatalequity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The alias registry and the raw-table DDL describe the same columns with the same types. */
class MsdsRegistryTest {

    private final MsdsRegistry registry = new MsdsRegistry();

    @Test
    void everyRegistryItemIsARawTableColumnOfItsStorageType(@TempDir Path dir) {
        try (TestDatabase db = TestDatabase.create(dir)) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            for (MsdsTable table : registry.tables()) {
                if (table.id().equals("MSD000")) {
                    continue;
                }
                List<String> expected = new ArrayList<>(List.of("submission_id BIGINT", "line INTEGER",
                        "invalid_items VARCHAR[]"));
                table.items().forEach(i -> expected.add(i.name() + " " + i.format().sqlType()));
                List<String> actual = jdbc.sql("SELECT column_name || ' ' || data_type FROM information_schema.columns"
                        + " WHERE table_schema = 'main' AND table_name = :t ORDER BY ordinal_position")
                        .param("t", table.rawTable()).query(String.class).list();
                assertThat(actual).as(table.id()).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyMhsdsRegistryItemIsARawTableColumnOfItsStorageType(@TempDir Path dir) {
        try (TestDatabase db = TestDatabase.create(dir)) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            assertThat(registry.tables(Dataset.MHSDS)).extracting(MsdsTable::id)
                    .containsExactly("MHS000", "MHS001", "MHS101", "MHS102", "MHS201");
            for (MsdsTable table : registry.dataTables()) {
                List<String> expected = new ArrayList<>(List.of("submission_id BIGINT", "line INTEGER",
                        "invalid_items VARCHAR[]"));
                table.items().forEach(i -> expected.add(i.name() + " " + i.format().sqlType()));
                List<String> actual = jdbc.sql("SELECT column_name || ' ' || data_type FROM information_schema.columns"
                        + " WHERE table_schema = 'main' AND table_name = :t ORDER BY ordinal_position")
                        .param("t", table.rawTable()).query(String.class).list();
                assertThat(actual).as(table.id()).isEqualTo(expected);
            }
        }
    }

    @Test
    void recognisesMhsdsTablesFromFileNamesAndMapsV5AndNationalNames() {
        assertThat(MsdsRegistry.anyTableIdInFileName("MHS201CareContact.csv")).contains("MHS201");
        assertThat(MsdsRegistry.anyTableIdInFileName("RT5_MHS000Header_202404.csv")).contains("MHS000");
        assertThat(MsdsRegistry.anyTableIdInFileName("MSD101.csv")).contains("MSD101");
        assertThat(MsdsRegistry.tableIdInFileName("MHS201CareContact.csv")).isEmpty();
        assertThat(Dataset.ofTable("mhs101")).contains(Dataset.MHSDS);

        HeaderMapping v5 = registry.table("MHS201").orElseThrow()
                .map(List.of("UniqCareContID", "UniqServReqID", "CareContDate", "AttendOrDNACode", "RecordNumber"));
        assertThat(v5.columns()).extracting(c -> c.item().name())
                .containsExactly("CareContactId", "ServiceRequestId", "CareContDate", "AttendStatus");
        assertThat(v5.ignored()).containsExactly("RecordNumber");
        HeaderMapping national = registry.table("MHS101").orElseThrow()
                .map(List.of("UniqServReqID", "Person_ID", "ReferralRequestReceivedDate"));
        assertThat(national.nationalLayout()).isTrue();
        assertThat(national.missingRequired()).isEmpty();
    }

    @Test
    void recognisesTablesFromFileNamesAndFromHeaders() {
        assertThat(MsdsRegistry.tableIdInFileName("RWE_MSD101_202404.csv")).contains("MSD101");
        assertThat(MsdsRegistry.tableIdInFileName("msd401BabyDemographics.csv")).contains("MSD401");
        assertThat(MsdsRegistry.tableIdInFileName("MSD1010.csv")).isEmpty();
        assertThat(MsdsRegistry.tableIdInFileName("bookings.csv")).isEmpty();
        assertThat(registry.recogniseByHeader(List.of("CareConID", "UniqPregID", "CContactDate", "Medium")))
                .map(MsdsTable::id).contains("MSD201");
        assertThat(registry.recogniseByHeader(List.of("LPIDBaby", "LabourDeliveryID", "PersonBirthDateBaby", "PregOutcome")))
                .map(MsdsTable::id).contains("MSD401");
        assertThat(registry.recogniseByHeader(List.of("a", "b"))).isEmpty();
    }

    @Test
    void mapsNationalNamesAndListsWhatIsMissingOrIgnored() {
        HeaderMapping mapping = registry.table("MSD101").orElseThrow()
                .map(List.of("UniqPregID", "Person_ID_Mother", "GestAgeBooking", "RecordNumber"));

        assertThat(mapping.nationalLayout()).isTrue();
        assertThat(mapping.columns()).extracting(c -> c.item().name())
                .containsExactly("PregnancyID", "LPIDMother", "GestAgeBooking");
        assertThat(mapping.missingRequired()).containsExactly("AntenatalAppDate");
        assertThat(mapping.ignored()).containsExactly("RecordNumber");
    }
}
