package org.perinatalequity.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * At start, before anything is served or loaded, closes the ingest runs that a killed or stopped process left
 * "running" ({@link IngestLogQuery#closeInterruptedRuns}), so the data-loaded page tells what happened to them. The
 * derived data such a run may have left stale are rebuilt by the start-up refresh, which runs after this.
 */
@Component
class InterruptedRuns implements SmartLifecycle {

    /** Before the start-up refresh (system.StartUpRefresh, Integer.MIN_VALUE + 1024) and the web server. */
    static final int PHASE = Integer.MIN_VALUE + 512;

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRuns.class);

    private final IngestLogQuery query;
    private volatile boolean running;

    InterruptedRuns(IngestLogQuery query) {
        this.query = query;
    }

    @Override
    public void start() {
        int closed = query.closeInterruptedRuns();
        if (closed > 0) {
            LOG.warn("Closed {} ingest run(s) left running by a process that stopped before they finished", closed);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
