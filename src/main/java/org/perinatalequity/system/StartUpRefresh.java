package org.perinatalequity.system;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The start-up gate: brings the derived data up to date before anything is served. Spring Boot opens the web
 * server's port in a lifecycle phase of its own ({@code DEFAULT_PHASE - 2048}), before {@code ContextRefreshedEvent}
 * is published; a refresh run from that event let the first requests after a restart (views and API alike) read the
 * derived tables of the data before a killed load. This lifecycle starts in an earlier phase and returns only when
 * the stale check (and a rebuild, if the tables were built from another state) is done, so the port opens on current
 * data. On unchanged data the check is a hash comparison and the start stays fast. Commands (no web server) pass the
 * same gate before they run, except {@code ingest} and {@code rebuild}, which refresh the derived data themselves
 * ({@link CommandLine#REFRESH_THEMSELVES} sets {@link #ENABLED} false for them): a stale database is then brought up
 * to date once, by the command, not twice.
 */
@Component
class StartUpRefresh implements SmartLifecycle {

    /** Well before the web server (Integer.MAX_VALUE - 2048) and the inbox's scheduled polls. */
    static final int PHASE = Integer.MIN_VALUE + 1024;

    /** Whether the start refreshes what is stale; false only for the commands that refresh themselves. */
    static final String ENABLED = "equity.derived.refresh-at-start";

    private final DerivedDataRefresher refresher;
    private final boolean enabled;
    private volatile boolean running;

    StartUpRefresh(DerivedDataRefresher refresher, Environment environment) {
        this.refresher = refresher;
        this.enabled = environment.getProperty(ENABLED, Boolean.class, true);
    }

    @Override
    public void start() {
        if (enabled) {
            refresher.onStart();
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
