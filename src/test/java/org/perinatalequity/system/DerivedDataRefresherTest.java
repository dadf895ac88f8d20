package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

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
            public void rebuild(Statement st) {
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

    /** A step that swaps in its table {@code t_<stage>} holding one row, {@code generation}. */
    private RefreshStep tableStep(RefreshStep.Stage stage, int generation, boolean fails, Runnable whileBuilding) {
        return new RefreshStep() {
            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public void rebuild(Statement st) throws java.sql.SQLException {
                TableSwap.swap(st, List.of(new TableSwap.Build("t_" + stage.name().toLowerCase(),
                        "SELECT " + generation + " AS generation")));
                whileBuilding.run();
                if (fails) {
                    throw new IllegalStateException(stage + " failed");
                }
            }
        };
    }

    private RefreshStep[] generation(int generation, boolean lastFails, Runnable beforeLast) {
        return new RefreshStep[] { tableStep(RefreshStep.Stage.LATEST_VERSIONS, generation, false, () -> { }),
                tableStep(RefreshStep.Stage.MEASURE_FACTS, generation, false, () -> { }),
                tableStep(RefreshStep.Stage.QUALITY_ITEMS, generation, lastFails, beforeLast) };
    }

    /** The generation of each stage's table and of the build record, as a reader on its own connection sees them. */
    private List<String> seen(JdbcClient jdbc) {
        return jdbc.sql("SELECT (SELECT generation FROM t_latest_versions) || ' ' || (SELECT generation FROM"
                + " t_measure_facts) || ' ' || (SELECT generation FROM t_quality_items) || ' '"
                + " || (SELECT count(*) FROM derived_build)").query(String.class).list();
    }

    @Test
    void aReaderDuringARefreshSeesEveryOldTableAndAfterItEveryNewOne() throws Exception {
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        refresher(generation(1, false, () -> { })).refresh();
        assertThat(seen(jdbc)).containsExactly("1 1 1 1");

        // The last step holds the refresh open after the first two have swapped their tables in: a reader then still
        // sees generation 1 everywhere, the record of the old build included.
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        DerivedDataRefresher second = refresher(generation(2, false, () -> {
            building.countDown();
            try {
                assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        CompletableFuture<Long> refreshing = CompletableFuture.supplyAsync(second::refresh);
        assertThat(building.await(30, TimeUnit.SECONDS)).isTrue();
        List<String> during = seen(jdbc);
        read.countDown();
        refreshing.get(30, TimeUnit.SECONDS);

        assertThat(during).as("a reader while the last step builds").containsExactly("1 1 1 1");
        assertThat(seen(jdbc)).as("a reader after the refresh").containsExactly("2 2 2 1");
    }

    @Test
    void aStepThatFailsLeavesEveryTableAndTheBuildRecordAsTheyWere() {
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        refresher(generation(1, false, () -> { })).refresh();
        String built = jdbc.sql("SELECT state_hash FROM derived_build").query(String.class).single();

        assertThatThrownBy(refresher(generation(2, true, () -> { }))::refresh).hasMessage("QUALITY_ITEMS failed");

        assertThat(seen(jdbc)).as("the first two steps' new tables rolled back with the failing one")
                .containsExactly("1 1 1 1");
        assertThat(jdbc.sql("SELECT state_hash FROM derived_build").query(String.class).single()).isEqualTo(built);
    }
}
