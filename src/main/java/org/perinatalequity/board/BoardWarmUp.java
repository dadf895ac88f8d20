package org.perinatalequity.board;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.security.SystemCaller;
import org.perinatalequity.system.DataVersion;
import org.perinatalequity.system.DerivedDataRefreshed;

/**
 * Computes what the board overview and the action plan show as soon as new data is in, so the first person to open
 * them after a start or a load does not wait for every card's breakdowns and trends (3.3 s for the board on the
 * sample, against under 1 s once cached: docs/benchmarks.md). It follows each derived-data refresh (the one at
 * start-up too) and runs in the background: a load is not slowed.
 */
@Component
@ConditionalOnWebApplication
class BoardWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(BoardWarmUp.class);

    private final BreakdownService breakdowns;
    private final ActionPlanService plan;
    private final DataVersion version;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "board-warm-up");
        thread.setDaemon(true);
        return thread;
    });

    private final ExecutorService workers = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> {
                Thread thread = new Thread(r, "board-warm-up-worker");
                thread.setDaemon(true);
                return thread;
            });

    BoardWarmUp(BreakdownService breakdowns, ActionPlanService plan, DataVersion version) {
        this.breakdowns = breakdowns;
        this.plan = plan;
        this.version = version;
    }

    /** The event comes once every derived table is rebuilt, so the figures computed now are the new ones. */
    @EventListener
    void onRefreshed(DerivedDataRefreshed event) {
        executor.execute(() -> {
            if (worthWarming(event, version.current())) {
                warm();
            }
        });
    }

    /**
     * Whether the refresh is still the latest when its turn comes: figures of a version that another refresh has
     * already followed would be forgotten by the caches at once.
     */
    static boolean worthWarming(DerivedDataRefreshed event, long currentVersion) {
        return event.version() == currentVersion;
    }

    /** What the board cards and the plan's measure rows ask for ({@link MeasureStatus#of}), into the same cache. */
    void warm() {
        long started = System.nanoTime();
        Set<String> measures = new LinkedHashSet<>(BoardMeasures.KEY);
        measures.addAll(plan.planMeasures());
        try {
            // One task per measure, as many at a time as there are cores: each measure's queries are small and
            // mostly single-threaded in DuckDB, so one after the other left cores idle (24.6 s at 300,000 births).
            List<Callable<Void>> tasks = measures.stream().<Callable<Void>>map(id -> () -> {
                SystemCaller.run(() -> MeasureStatus.of(breakdowns, id));
                return null;
            }).toList();
            for (Future<Void> done : workers.invokeAll(tasks)) {
                done.get();
            }
            LOG.info("Board and action plan figures computed for {} measures in {} ms", measures.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // Only a head start: the pages compute what they need themselves.
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.warn("Could not compute the board figures in advance: {}", cause.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        workers.shutdownNow();
    }
}
