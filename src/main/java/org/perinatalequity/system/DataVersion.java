package org.perinatalequity.system;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The version of the derived data: moves on once per refresh, after every step and before
 * {@link DerivedDataRefreshed} is published, so anything keyed by it (result caches) forgets what an older version
 * gave. A bean of its own so the steps can read it without depending on the refresher that runs them.
 */
@Component
public class DataVersion {

    private final AtomicLong version = new AtomicLong();

    public long current() {
        return version.get();
    }

    long next() {
        return version.incrementAndGet();
    }
}
