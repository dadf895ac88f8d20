package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;

/** The refresher's own rules on steps that only record what happens: order, one event, failure, staleness. */
class DerivedDataRefresherTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private final List<String> happened = new ArrayList<>();
    private final DataVersion version = new DataVersion();

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private RefreshStep step(RefreshStep.Stage stage, String inputs, boolean fails) {
        return new RefreshStep() {
            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public void rebuild() {
                happened.add(stage.name());
                if (fails) {
                    throw new IllegalStateException(stage + " failed");
                }
            }

            @Override
            public String inputs() {
                return inputs;
            }
        };
    }

    private DerivedDataRefresher refresher(RefreshStep... steps) {
        return new DerivedDataRefresher(db.dataSource(), List.of(steps), version,
                e -> happened.add("event " + ((DerivedDataRefreshed) e).version()));
    }

    @Test
    void runsTheStepsInTheDeclaredOrderThenPublishesOneEvent() {
        DerivedDataRefresher refresher = refresher(step(RefreshStep.Stage.QUALITY_ITEMS, "", false),
                step(RefreshStep.Stage.LATEST_VERSIONS, "", false), step(RefreshStep.Stage.MEASURE_FACTS, "", false));

        assertThat(refresher.refresh()).isEqualTo(1);
        assertThat(happened).containsExactly("LATEST_VERSIONS", "MEASURE_FACTS", "QUALITY_ITEMS", "event 1");
        assertThat(version.current()).isEqualTo(1);
    }

    @Test
    void aFailingStepStopsTheRefreshWithoutAnEventAndLeavesItStale() {
        DerivedDataRefresher failing = refresher(step(RefreshStep.Stage.LATEST_VERSIONS, "a", false),
                step(RefreshStep.Stage.MEASURE_FACTS, "a", true), step(RefreshStep.Stage.QUALITY_ITEMS, "a", false));

        assertThatThrownBy(failing::refresh).hasMessage("MEASURE_FACTS failed");
        assertThat(happened).containsExactly("LATEST_VERSIONS", "MEASURE_FACTS");
        assertThat(version.current()).isZero();

        happened.clear();
        refresher(step(RefreshStep.Stage.LATEST_VERSIONS, "a", false), step(RefreshStep.Stage.MEASURE_FACTS, "a", false))
                .refreshIfStale();
        assertThat(happened).containsExactly("LATEST_VERSIONS", "MEASURE_FACTS", "event 1");
    }

    @Test
    void rebuildsAtStartOnlyWhenWhatTheStepsRestOnChanged() {
        refresher(step(RefreshStep.Stage.MEASURE_FACTS, "definitions v1", false)).refresh();
        happened.clear();

        refresher(step(RefreshStep.Stage.MEASURE_FACTS, "definitions v1", false)).refreshIfStale();
        assertThat(happened).as("nothing changed: only a new version").containsExactly("event 2");

        happened.clear();
        refresher(step(RefreshStep.Stage.MEASURE_FACTS, "definitions v2", false)).refreshIfStale();
        assertThat(happened).containsExactly("MEASURE_FACTS", "event 3");
    }

    @Test
    void twoStepsForOneStageAreRefusedSoTheirOrderIsNeverLeftToChance() {
        assertThatThrownBy(() -> refresher(step(RefreshStep.Stage.MEASURE_FACTS, "", false),
                step(RefreshStep.Stage.MEASURE_FACTS, "", false))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two refresh steps for stage MEASURE_FACTS");
    }
}
