package org.perinatalequity.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perinatalequity.TestFiles;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.measures.Dimension;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.perinatalequity.EquityTest;

/** Each classification of each item, the worklist, escalations and gates on the hand-built extract of QualityFixture. */
@EquityTest
class QualityServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(QualityServiceTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @Autowired
    QualityService service;

    @Autowired
    IngestService ingestService;

    @Autowired
    ReferenceService referenceService;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void load() throws Exception {
        if (ingestService.isDatabaseEmpty()) {
            QualityFixture.load(ingestService, referenceService,
                    Files.createTempDirectory(Path.of("target"), "quality-fixture"));
        }
    }

    private QualityCount count(String team, QualityItem item) {
        return service.counts(Dimension.TEAM, Optional.of(item), Period.all(), Map.of(), false).stream()
                .filter(c -> c.group().equals(team)).findFirst().orElseThrow();
    }

    /** valid, default, invalid, missing, denominator. */
    private static List<Long> counts(QualityCount c) {
        return List.of(c.valid(), c.defaultCount(), c.invalid(), c.missing(), c.denominator());
    }

    private String status(String recordId, QualityItem item) {
        return jdbc.sql("SELECT status || coalesce('/' || problem, '') FROM v_quality_item"
                + " WHERE local_patient_id = :id AND item = :item").param("id", recordId).param("item", item.id())
                .query(String.class).single();
    }

    @Test
    void ethnicCategoryZIsValid99DefaultUnknownCodesInvalidBlankMissing() {
        assertThat(status("M01", QualityItem.ETHNIC_CATEGORY)).isEqualTo("valid");
        assertThat(status("M02", QualityItem.ETHNIC_CATEGORY)).isEqualTo("valid");
        assertThat(status("M03", QualityItem.ETHNIC_CATEGORY)).isEqualTo("default/default");
        assertThat(status("M04", QualityItem.ETHNIC_CATEGORY)).isEqualTo("invalid/invalid");
        assertThat(status("M05", QualityItem.ETHNIC_CATEGORY)).isEqualTo("missing/missing");
        assertThat(counts(count("TA", QualityItem.ETHNIC_CATEGORY))).containsExactly(2L, 1L, 1L, 1L, 5L);
    }

    @Test
    void postcodeZz99IsDefaultMalformedAndUnmatchedInvalidBlankMissing() {
        assertThat(status("M01", QualityItem.POSTCODE)).isEqualTo("valid");
        assertThat(status("M02", QualityItem.POSTCODE)).isEqualTo("default/default");
        assertThat(status("M03", QualityItem.POSTCODE)).isEqualTo("invalid/invalid");
        assertThat(status("M04", QualityItem.POSTCODE)).isEqualTo("invalid/not_linked");
        assertThat(status("M05", QualityItem.POSTCODE)).isEqualTo("missing/missing");
        assertThat(counts(count("TA", QualityItem.POSTCODE))).containsExactly(1L, 1L, 2L, 1L, 5L);
        // Only the district is ever shown, never the full postcode.
        assertThat(jdbc.sql("SELECT value FROM v_quality_item WHERE item = 'postcode' AND value IS NOT NULL ORDER BY 1")
                .query(String.class).list()).containsExactly("LE1", "LE1", "LE4", "ZZ99");
    }

    @Test
    void gpPracticeV8199xIsDefaultNoRegistrationMissing() {
        assertThat(status("M01", QualityItem.GP_PRACTICE)).isEqualTo("valid");
        assertThat(status("M02", QualityItem.GP_PRACTICE)).isEqualTo("default/default");
        assertThat(status("M03", QualityItem.GP_PRACTICE)).isEqualTo("missing/missing");
        assertThat(status("M05", QualityItem.GP_PRACTICE)).isEqualTo("default/default");
        assertThat(counts(count("TA", QualityItem.GP_PRACTICE))).containsExactly(2L, 2L, 0L, 1L, 5L);
    }

    @Test
    void gestationAtBookingOutside0To300OrABadEddIsInvalidNoEddMissing() {
        assertThat(status("M01", QualityItem.GESTATION_AT_BOOKING)).isEqualTo("valid");
        assertThat(status("M02", QualityItem.GESTATION_AT_BOOKING)).isEqualTo("missing/missing");
        assertThat(status("M03", QualityItem.GESTATION_AT_BOOKING)).isEqualTo("invalid/invalid");
        assertThat(status("M04", QualityItem.GESTATION_AT_BOOKING)).isEqualTo("invalid/invalid");
        assertThat(counts(count("TA", QualityItem.GESTATION_AT_BOOKING))).containsExactly(2L, 0L, 2L, 1L, 5L);
    }

    @Test
    void smokingStatusUnknownIsDefaultNoRecordMissing() {
        assertThat(status("M01", QualityItem.SMOKING_STATUS)).isEqualTo("valid");
        assertThat(status("M02", QualityItem.SMOKING_STATUS)).isEqualTo("default/default");
        assertThat(status("M03", QualityItem.SMOKING_STATUS)).isEqualTo("missing/missing");
        assertThat(counts(count("TA", QualityItem.SMOKING_STATUS))).containsExactly(1L, 1L, 0L, 3L, 5L);
        assertThat(counts(count("TB", QualityItem.SMOKING_STATUS))).containsExactly(1L, 0L, 0L, 0L, 1L);
    }

    @Test
    void carePlanTeamMissingWhenTheLatestPlanNamesNoTeam() {
        assertThat(status("M04", QualityItem.CARE_PLAN_TEAM)).isEqualTo("valid");
        // M05's latest plan has no team; she still belongs to TA through her earlier plan.
        assertThat(status("M05", QualityItem.CARE_PLAN_TEAM)).isEqualTo("missing/missing");
        assertThat(counts(count("TA", QualityItem.CARE_PLAN_TEAM))).containsExactly(4L, 0L, 0L, 1L, 5L);
    }

    @Test
    void babyItemsEachClassification() {
        assertThat(List.of("B1", "B2", "B3", "B4", "B5").stream().map(b -> status(b, QualityItem.GESTATION_AT_BIRTH)))
                .containsExactly("valid", "invalid/invalid", "missing/missing", "invalid/invalid", "valid");
        assertThat(List.of("B1", "B2", "B3", "B4", "B5").stream().map(b -> status(b, QualityItem.DELIVERY_METHOD)))
                .containsExactly("valid", "invalid/invalid", "missing/missing", "valid", "valid");
        assertThat(List.of("B1", "B2", "B3", "B4", "B5").stream().map(b -> status(b, QualityItem.FIRST_FEED)))
                .containsExactly("valid", "invalid/invalid", "missing/missing", "valid", "valid");
        assertThat(List.of("B1", "B2", "B3", "B4", "B5").stream().map(b -> status(b, QualityItem.BIRTHWEIGHT)))
                .containsExactly("valid", "default/default", "missing/missing", "invalid/invalid", "invalid/invalid");
        // Babies count in their birth month, for their mother's team.
        assertThat(service.counts(Dimension.MONTH, Optional.of(QualityItem.BIRTHWEIGHT), Period.all(),
                Map.of(Dimension.TEAM, "TA"), false)).extracting(QualityCount::group, c -> counts(c))
                .containsExactly(tuple("2024-06", List.of(1L, 1L, 2L, 1L, 5L)));
    }

    @Test
    void countsFilterByPeriodAndDimensionAndRoundWhenSuppressed() {
        List<QualityCount> january = service.counts(Dimension.BOOKING_SITE, Optional.of(QualityItem.ETHNIC_CATEGORY),
                Period.of(YearMonth.of(2024, 1), YearMonth.of(2024, 1)), Map.of(), false);
        assertThat(january).extracting(QualityCount::group, c -> counts(c)).containsExactly(
                tuple("RWEAA", List.of(1L, 0L, 0L, 0L, 1L)), tuple("RWEAB", List.of(0L, 1L, 0L, 0L, 1L)));
        List<QualityCount> lmns = service.totals(Optional.empty(), Period.all(), Map.of(), false);
        assertThat(lmns).as("the maternity items (no MHSDS in this fixture)").hasSize(QualityItem.maternity().size()).allMatch(c -> c.group().equals("All"));
        assertThat(lmns.get(0).item()).isEqualTo(QualityItem.ETHNIC_CATEGORY);
        assertThat(counts(lmns.get(0))).containsExactly(2L, 2L, 1L, 1L, 6L);
        assertThat(counts(service.totals(Optional.of(QualityItem.ETHNIC_CATEGORY), Period.all(), Map.of(), true).get(0)))
                .containsExactly(5L, 5L, 5L, 5L, 5L);
    }

    @Test
    void worklistListsWhatToFixForTheTeamOnly() {
        List<WorklistRow> rows = service.worklist("TA", Optional.empty(), Period.all(), TeamAccess.everyTeam());
        assertThat(rows).extracting(WorklistRow::localPatientId, WorklistRow::item, WorklistRow::problem)
                .contains(tuple("M03", QualityItem.ETHNIC_CATEGORY, Problem.DEFAULT),
                        tuple("M04", QualityItem.ETHNIC_CATEGORY, Problem.INVALID),
                        tuple("M05", QualityItem.ETHNIC_CATEGORY, Problem.MISSING),
                        tuple("M02", QualityItem.POSTCODE, Problem.DEFAULT),
                        tuple("M03", QualityItem.POSTCODE, Problem.INVALID),
                        tuple("M04", QualityItem.POSTCODE, Problem.NOT_LINKED),
                        tuple("M05", QualityItem.CARE_PLAN_TEAM, Problem.MISSING))
                // Z (asked, declined) is a valid answer; births are not on community worklists.
                .doesNotContain(tuple("M02", QualityItem.ETHNIC_CATEGORY, Problem.DEFAULT))
                .noneMatch(t -> t.toList().get(0).equals("M01") || t.toList().get(0).equals("M06"));
        assertThat(rows).noneMatch(r -> r.item().cohort() == QualityItem.Cohort.BABIES_BORN);
        // Newest booking first.
        assertThat(rows.get(0).localPatientId()).isEqualTo("M05");
        assertThat(rows.get(rows.size() - 1)).extracting(WorklistRow::localPatientId, WorklistRow::bookingDate)
                .containsExactly("M02", LocalDate.of(2024, 2, 10));
        assertThat(rows).extracting(WorklistRow::bookingDate).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(service.worklist("TB", Optional.empty(), Period.all(), TeamAccess.only(Set.of("TB"))))
                .containsExactly(new WorklistRow("M06", LocalDate.of(2024, 1, 15), QualityItem.ETHNIC_CATEGORY,
                        Problem.DEFAULT, LocalDate.of(2024, 8, 2), null, true, WorklistStatus.TO_FIX, null));
        assertThat(service.worklist("TA", Optional.of(QualityItem.ETHNIC_CATEGORY),
                Period.of(YearMonth.of(2024, 4), null), TeamAccess.everyTeam()))
                .extracting(WorklistRow::localPatientId).containsExactly("M05", "M04");
    }

    @Test
    void worklistRefusesTeamsTheCallerMayNotSeeAndBabyItems() {
        assertThatThrownBy(() -> service.worklist("TA", Optional.empty(), Period.all(), TeamAccess.only(Set.of("TB"))))
                .isInstanceOf(WorklistAccessDeniedException.class).hasMessageContaining("'TA'");
        assertThatThrownBy(() -> service.worklist("TA", Optional.of(QualityItem.BIRTHWEIGHT), Period.all(),
                TeamAccess.everyTeam())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escalatesATeamAndSiteBelowThresholdForThreeConsecutiveMonths() {
        List<Escalation> escalations = service.escalations(Optional.empty(), false);
        assertThat(escalations).extracting(Escalation::level, Escalation::group, Escalation::item, Escalation::months,
                Escalation::since, Escalation::latestMonth).contains(
                tuple(Escalation.Level.TEAM, "TA", QualityItem.ETHNIC_CATEGORY, 3, YearMonth.of(2024, 3), YearMonth.of(2024, 5)),
                tuple(Escalation.Level.TEAM, "TA", QualityItem.POSTCODE, 4, YearMonth.of(2024, 2), YearMonth.of(2024, 5)),
                tuple(Escalation.Level.BOOKING_SITE, "RWEAA", QualityItem.POSTCODE, 4, YearMonth.of(2024, 2),
                        YearMonth.of(2024, 5)));
        // TB booked only in January: below threshold there, its latest month, but one month is too short to
        // escalate. Births all fall in one month: listed, not escalated.
        assertThat(escalations).extracting(Escalation::group, Escalation::item, Escalation::months, Escalation::since,
                Escalation::escalated).contains(tuple("TB", QualityItem.ETHNIC_CATEGORY, 1, YearMonth.of(2024, 1), false));
        assertThat(escalations).noneMatch(e -> (e.group().equals("TB") || e.group().equals("RWEAB")) && e.escalated());
        assertThat(escalations).noneMatch(e -> e.item().cohort() == QualityItem.Cohort.BABIES_BORN && e.escalated());
        // Escalated rows come first.
        assertThat(escalations).extracting(Escalation::escalated).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Escalation ethnic = escalations.stream().filter(e -> e.item() == QualityItem.ETHNIC_CATEGORY
                && e.level() == Escalation.Level.TEAM).findFirst().orElseThrow();
        assertThat(ethnic.threshold()).isEqualTo(95.0);
        assertThat(ethnic.latestPercent()).isEqualTo(0.0);

        assertThat(escalations).filteredOn(e -> e.months() >= 3).allMatch(Escalation::escalated);

        // As of April the ethnicity run is two months long: listed as below threshold since March, not yet
        // escalated; the postcode run is three.
        List<Escalation> april = service.escalations(Optional.of(YearMonth.of(2024, 4)), false);
        assertThat(april).extracting(Escalation::group, Escalation::item, Escalation::months, Escalation::since,
                Escalation::escalated)
                .contains(tuple("TA", QualityItem.POSTCODE, 3, YearMonth.of(2024, 2), true),
                        tuple("TA", QualityItem.ETHNIC_CATEGORY, 2, YearMonth.of(2024, 3), false));
    }

    @Test
    void gatesPassOrFailNamingTheItemAndRate() {
        GateResult smoking = service.evaluate("smoking_booking", Map.of(), Period.all());
        assertThat(smoking.passed()).isFalse();
        assertThat(smoking.firstFailure()).get().satisfies(c -> {
            assertThat(c.item()).isEqualTo(QualityItem.SMOKING_STATUS);
            assertThat(c.validPercent()).isCloseTo(100.0 * 2 / 6, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(c.minValidPercent()).isEqualTo(70.0);
        });
        assertThat(service.evaluate("smoking_booking", Map.of(Dimension.TEAM, "TB"), Period.all()).passed()).isTrue();

        GateResult birthweight = service.evaluate("low_birthweight_term", Map.of(), Period.all());
        assertThat(birthweight.checks()).extracting(GateResult.Check::item, GateResult.Check::passed).containsExactly(
                tuple(QualityItem.BIRTHWEIGHT, false), tuple(QualityItem.GESTATION_AT_BIRTH, false));
        assertThat(birthweight.firstFailure().orElseThrow().validPercent()).isEqualTo(20.0);

        assertThat(service.evaluate("caesarean", Map.of(), Period.all()).firstFailure().orElseThrow().validPercent())
                .isEqualTo(60.0);
        assertThat(service.evaluate("breastmilk_first_feed", Map.of(), Period.all()).passed()).isFalse();
        assertThat(service.evaluate("preterm", Map.of(), Period.all()).firstFailure().orElseThrow().item())
                .isEqualTo(QualityItem.GESTATION_AT_BIRTH);
        assertThat(service.evaluate("continuity_of_carer", Map.of(), Period.all()).checks())
                .extracting(GateResult.Check::item, GateResult.Check::passed).containsExactly(
                        tuple(QualityItem.GESTATION_AT_BOOKING, false), tuple(QualityItem.CARE_PLAN_TEAM, true));

        // Early booking: January has two valid gestations; January-February adds a missing one (2 of 3 < 70%).
        assertThat(service.evaluate("early_booking", Map.of(), Period.of(YearMonth.of(2024, 1), YearMonth.of(2024, 1)))
                .passed()).isTrue();
        assertThat(service.evaluate("early_booking", Map.of(), Period.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2)))
                .passed()).isFalse();

        // A breakdown adds its dimension's gate: TB has no births (cannot be judged, passes) but its only woman's
        // ethnic category is 99, so an ethnicity breakdown of preterm fails there.
        GateResult byEthnicity = service.evaluate("preterm", List.of(Dimension.ETHNIC_GROUP), Map.of(Dimension.TEAM, "TB"),
                Period.all());
        assertThat(byEthnicity.checks()).extracting(GateResult.Check::item, GateResult.Check::validPercent,
                GateResult.Check::passed).containsExactly(tuple(QualityItem.GESTATION_AT_BIRTH, null, true),
                        tuple(QualityItem.ETHNIC_CATEGORY, 0.0, false));
        assertThat(service.evaluate("postcode_linked", List.of(Dimension.IMD_DECILE), Map.of(), Period.all())
                .firstFailure().orElseThrow().item()).isEqualTo(QualityItem.POSTCODE);

        GateResult ungated = service.evaluate("folic_acid_before", Map.of(), Period.all());
        assertThat(ungated.passed()).isTrue();
        assertThat(ungated.checks()).isEmpty();
    }
}
