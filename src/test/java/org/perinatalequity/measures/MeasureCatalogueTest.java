package org.perinatalequity.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.stats.Polarity;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Loading and checking measure definitions, and docs/measures.md staying in step with them. */
class MeasureCatalogueTest {

    @TempDir
    Path dir;

    private MeasureCatalogue catalogue(Path extra) {
        TestDatabase db = TestDatabase.create(dir);
        try {
            return new MeasureCatalogue(JdbcClient.create(db.dataSource()), new ObjectMapper(),
                    extra == null ? "" : extra.toString());
        } finally {
            db.close();
        }
    }

    @Test
    void loadsThe19MeasuresOfTheDesign() {
        MeasureCatalogue catalogue = catalogue(null);
        assertThat(catalogue.all()).extracting(Measure::id).containsExactlyInAnyOrder("apgar_low",
                "breastmilk_first_feed", "caesarean", "continuity_of_carer", "did_not_attend", "early_booking",
                "ethnicity_recorded", "folic_acid_before", "low_birthweight_term", "neonatal_death", "pcsp_recorded",
                "postcode_linked", "pph_1500", "preterm", "remote_contacts", "smoking_booking", "smoking_delivery",
                "stillbirth", "tears_3rd_4th", "pmh_dna_rate", "pmh_referral_not_accepted", "pmh_access",
                "pmh_access_c02", "mmhs_access_f02", "pmh_access_cohort");
        Measure stillbirth = catalogue.find("stillbirth").orElseThrow();
        assertThat(stillbirth.multiplier()).isEqualTo(1000);
        assertThat(stillbirth.unit()).isEqualTo("per 1,000");
        assertThat(stillbirth.rareEvent()).isTrue();
        assertThat(stillbirth.polarity()).isEqualTo(Polarity.LOWER_IS_BETTER);
        assertThat(stillbirth.completeAfterDays()).isZero();
        assertThat(catalogue.find("neonatal_death").orElseThrow().completeAfterDays()).isEqualTo(27);
        assertThat(catalogue.find("preterm").orElseThrow().source()).isEqualTo("CQIM: CQIMPreterm");
        assertThat(catalogue.all()).allSatisfy(m -> {
            assertThat(m.source()).as(m.id()).isNotBlank();
            assertThat(m.exclusions()).as(m.id()).isNotBlank();
        });
    }

    @Test
    void anAnalystCanAddAMeasureFromAFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(folder.resolve("teen_booking.json"), """
                {"id":"teen_booking","name":"Teenage bookings","description":"Bookings of women under 20.",
                 "unit":"%","multiplier":100,"polarity":"none","target":null,"numeratorLabel":"Under 20",
                 "denominatorLabel":"Bookings","planItems":["Early booking"],"eventDate":"booking date",
                 "kind":"outcome","rareEvent":false}""");
        Files.writeString(folder.resolve("teen_booking.sql"), "SELECT provider, mother_id, booking_date AS event_date,"
                + " booking_site, age_at_booking AS age_at_event, age_at_booking < 20 AS numerator FROM v_bookings");

        Measure added = catalogue(folder).find("teen_booking").orElseThrow();
        // Without a source it is the analyst's own, local definition; exclusions unstated stay unstated
        assertThat(added.source()).isEqualTo("Local definition");
        assertThat(added.exclusions()).isNull();
    }

    @Test
    void aBrokenDefinitionStopsStartUpNamingIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(folder.resolve("oops.json"), Files.readString(
                Path.of("src/main/resources/measures/preterm.json")).replace("\"preterm\"", "\"oops\""));
        Files.writeString(folder.resolve("oops.sql"), "SELECT provider, mother_id FROM v_births");

        assertThatThrownBy(() -> catalogue(folder)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Measure definition 'oops' is broken: its SQL must answer exactly the columns [provider,"
                        + " mother_id, event_date, numerator, booking_site, age_at_event], not [provider, mother_id]");

        Files.writeString(folder.resolve("oops.json"), "{\"id\":\"oops\",\"unit\":\"%\",\"multiplier\":1000}");
        assertThatThrownBy(() -> catalogue(folder)).hasMessage("Measure definition 'oops' is broken: multiplier must"
                + " be 100 for % and 1000 for per 1,000");

        Files.writeString(folder.resolve("oops.json"), Files.readString(
                Path.of("src/main/resources/measures/preterm.json")).replace("\"preterm\"", "\"oops\"")
                .replace("\"rareEvent\": true", "\"rareEvent\": true, \"completeAfterDays\": \"a month\""));
        Files.writeString(folder.resolve("oops.sql"), Files.readString(Path.of("src/main/resources/measures/preterm.sql")));
        assertThatThrownBy(() -> catalogue(folder)).hasMessage("Measure definition 'oops' is broken: completeAfterDays"
                + " must be a whole number of days from 0 to 366");
    }

    @Test
    void measuresNameTheirGapDimensionsAndContinuityItsTargetCohort() {
        MeasureCatalogue catalogue = catalogue(null);
        for (Measure m : catalogue.all()) {
            assertThat(m.gapDimensions()).as(m.id()).isEqualTo(m.kind().equals("data_quality") ? List.of()
                    : List.of("imd_quintile", "ethnic_group"));
        }
        assertThat(catalogue.find("ethnicity_recorded").orElseThrow().gapDimensions()).isEmpty();
        assertThat(catalogue.find("postcode_linked").orElseThrow().gapDimensions()).isEmpty();
        Measure.TargetCohort cohort = catalogue.find("continuity_of_carer").orElseThrow().targetCohort();
        assertThat(cohort.any()).containsExactly(
                Map.entry("ethnic_group", List.of("Black or Black British", "Asian or Asian British", "Mixed")),
                Map.entry("imd_decile", List.of("1", "2")));
        assertThat(catalogue.find("early_booking").orElseThrow().targetCohort()).isNull();
    }

    @Test
    void aBadGapDimensionOrTargetCohortIsRefusedWithTheReason() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cohort"));
        String coc = Files.readString(Path.of("src/main/resources/measures/continuity_of_carer.json"))
                .replace("\"continuity_of_carer\"", "\"coc2\"");
        Files.writeString(folder.resolve("coc2.sql"), Files.readString(
                Path.of("src/main/resources/measures/continuity_of_carer.sql")));

        Files.writeString(folder.resolve("coc2.json"), coc.replace("\"Mixed\"", "\"Mixes\""));
        assertThatThrownBy(() -> catalogue(folder)).hasMessageStartingWith("Measure definition 'coc2' is broken:"
                + " targetCohort: \"Mixes\" is not a value of ethnic_group");

        Files.writeString(folder.resolve("coc2.json"), coc.replace("\"imd_decile\": [", "\"imd_decil\": ["));
        assertThatThrownBy(() -> catalogue(folder)).hasMessage("Measure definition 'coc2' is broken: targetCohort"
                + " names an unknown dimension 'imd_decil'");

        Files.writeString(folder.resolve("coc2.json"), coc.replace("\"ethnic_group\"\n  ]", "\"place\"\n  ]"));
        assertThatThrownBy(() -> catalogue(folder)).hasMessage("Measure definition 'coc2' is broken: gapDimensions"
                + " may name only [imd_quintile, ethnic_group], not \"place\"");
    }

    @Test
    void docsMeasuresMdListsEveryMeasureWithItsSql() throws Exception {
        String docs = Files.readString(Path.of("docs", "measures.md"));
        for (Measure m : catalogue(null).all()) {
            assertThat(docs).as(m.id()).contains("### `" + m.id() + "` — " + m.name()).contains(m.sql());
        }
    }
}
