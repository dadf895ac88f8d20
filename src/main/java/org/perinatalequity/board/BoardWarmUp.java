package org.perinatalequity.board;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.ingest.DataChangedEvent;
import org.perinatalequity.security.SystemCaller;

/**
 * Computes what the board overview and the action plan show as soon as new data is in, so the first person to open
 * them after a start or a load does not wait for every card's breakdowns and trends (3.3 s for the board on the
 * sample, against under 1 s once cached: docs/benchmarks.md). It runs in the background: a load is not slowed.
 */
@Component
@ConditionalOnWebApplication
class BoardWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(BoardWarmUp.class);
    /** A rebuild that has not finished by then has failed (and said so); there is nothing to warm. */
    private static final Duration REBUILD_LIMIT = Duration.ofMinutes(15);
    private static final Duration POLL = Duration.ofMillis(200);

    private final BreakdownService breakdowns;
    private final ActionPlanService plan;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "board-warm-up");
        thread.setDaemon(true);
        return thread;
    });

    BoardWarmUp(BreakdownService breakdowns, ActionPlanService plan) {
        this.breakdowns = breakdowns;
        this.plan = plan;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        executor.execute(this::warm);
    }

    /**
     * First of the listeners, so the version read here is the one before the facts and the quality items are
     * rebuilt (by the listeners after this one); the background task waits for both rebuilds before it computes.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onDataChanged(DataChangedEvent event) {
        List<Long> before = breakdowns.dataVersion();
        executor.execute(() -> {
            if (awaitChange(before, breakdowns::dataVersion, REBUILD_LIMIT)) {
                warm();
            }
        });
    }

    /** Whether every part of the version moved on from {@code before} within the limit. */
    static boolean awaitChange(List<Long> before, Supplier<List<Long>> current, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<Long> now = current.get();
            boolean allMoved = true;
            for (int i = 0; i < before.size(); i++) {
                allMoved &= !before.get(i).equals(now.get(i));
            }
            if (allMoved) {
                return true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** What the board cards and the plan's measure rows ask for ({@link MeasureStatus#of}), into the same cache. */
    void warm() {
        long started = System.nanoTime();
        Set<String> measures = new LinkedHashSet<>(BoardMeasures.KEY);
        measures.addAll(plan.planMeasures());
        try {
            SystemCaller.run(() -> measures.forEach(id -> MeasureStatus.of(breakdowns, id)));
            LOG.info("Board and action plan figures computed for {} measures in {} ms", measures.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // Only a head start: the pages compute what they need themselves.
            LOG.warn("Could not compute the board figures in advance: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
