package org.perinatalequity.system;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The start-up gate: brings the derived data up to date before anything is served. Spring Boot opens the web
 * server's port in a lifecycle phase of its own ({@code DEFAULT_PHASE - 2048}), before {@code ContextRefreshedEvent}
 * is published; a refresh run from that event let the first requests after a restart (views and API alike) read the
 * derived tables of the data before a killed load. This lifecycle starts in an earlier phase and returns only when
 * the stale check (and a rebuild, if the tables were built from another state) is done, so the port opens on current
 * data. On unchanged data the check is a hash comparison and the start stays fast. Commands (no web server) pass the
 * same gate before they run.
 */
@Component
class StartUpRefresh implements SmartLifecycle {

    /** Well before the web server (Integer.MAX_VALUE - 2048) and the inbox's scheduled polls. */
    static final int PHASE = Integer.MIN_VALUE + 1024;

    private final DerivedDataRefresher refresher;
    private volatile boolean running;

    StartUpRefresh(DerivedDataRefresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public void start() {
        refresher.onStart();
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
