package org.perinatalequity.quality.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.quality.Escalation;
import org.perinatalequity.quality.MonthlyCount;
import org.perinatalequity.quality.Period;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.TableSwap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The escalations' counts come from one version of {@code quality_item}: while a refresh swaps the table again and
 * again (each version renaming every team and every booking site), repeated reads never give teams of one version
 * beside sites of another. Reading the levels in two statements, as before, mixed them during a load.
 */
class EscalationSnapshotTest {

    @TempDir
    Path dir;

    /** Version v of the table: teams and sites all named after v, so a mixed answer shows two suffixes. */
    private static String version(int v) {
        return "SELECT 'team-" + v + "-' || ((i // 7) % 3) AS team, 'site-" + v + "-' || ((i // 11) % 2) AS booking_site,"
                + " 'ethnic_category' AS item, strftime(DATE '2024-01-01' + INTERVAL (i % 6) MONTH, '%Y-%m') AS month,"
                + " CASE WHEN i % 4 = 0 THEN 'missing' ELSE 'valid' END AS status,"
                + " CAST(DATE '2024-01-01' + INTERVAL (i % 6) MONTH AS DATE) AS cohort_date FROM range(20000) r(i)";
    }

    @Test
    void aConcurrentRefreshNeverMixesTeamsAndSitesOfTwoVersions() throws Exception {
        try (TestDatabase db = TestDatabase.create(dir)) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            JdbcQualityQuery query = new JdbcQualityQuery(db.dataSource(), jdbc, new DataVersion());
            try (Connection c = db.dataSource().getConnection()) {
                TableSwap.replace(c, List.of(new TableSwap.Build("quality_item", version(0))));
            }
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Connection c = db.dataSource().getConnection()) {
                    for (int v = 1; v <= 40; v++) {
                        TableSwap.replace(c, List.of(new TableSwap.Build("quality_item", version(v))));
                    }
                } catch (Throwable e) {
                    writerFailure.set(e);
                } finally {
                    done.set(true);
                }
            });
            writer.start();
            int reads = 0;
            Set<String> versionsSeen = new TreeSet<>();
            while (!done.get() || reads < 5) {
                List<MonthlyCount> counts = query.countMonthly(Period.all());
                Set<String> versions = new TreeSet<>();
                for (MonthlyCount m : counts) {
                    versions.add(m.group().split("-")[1]);
                }
                assertThat(versions).as("data versions in one answer").hasSize(1);
                assertThat(counts).extracting(MonthlyCount::level).contains(Escalation.Level.TEAM,
                        Escalation.Level.BOOKING_SITE);
                // 20,000 rows of version v: 3 teams and 2 sites over 6 months.
                assertThat(counts).filteredOn(m -> m.level() == Escalation.Level.TEAM).hasSize(18);
                assertThat(counts).filteredOn(m -> m.level() == Escalation.Level.BOOKING_SITE).hasSize(12);
                assertThat(counts.stream().filter(m -> m.level() == Escalation.Level.TEAM)
                        .mapToLong(MonthlyCount::denominator).sum()).isEqualTo(20_000);
                versionsSeen.addAll(versions);
                reads++;
            }
            writer.join();
            assertThat(writerFailure.get()).isNull();
            assertThat(versionsSeen).as("the reads overlapped the refreshes").hasSizeGreaterThan(1);
        }
    }
}
