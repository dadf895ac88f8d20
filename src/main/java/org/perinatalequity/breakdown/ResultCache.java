package org.perinatalequity.breakdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small least-recently-used cache of computed results for one data version: every derived-data refresh (after each
 * load, see {@code system.DerivedDataRefresher}) moves the version on before it publishes
 * {@code DerivedDataRefreshed}, so the first read after the event drops everything cached before.
 */
final class ResultCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;
    private Object version;

    ResultCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > ResultCache.this.capacity;
            }
        };
    }

    /**
     * Forgets every answer of another data version now, not at the next read; answers already computed for this
     * version (by a reader that came first) stay.
     */
    synchronized void moveTo(Object dataVersion) {
        if (!dataVersion.equals(version)) {
            entries.clear();
            version = dataVersion;
        }
    }

    /** @param dataVersion anything that changes when the data the results rest on change */
    V get(Object dataVersion, K key, Supplier<V> compute) {
        synchronized (this) {
            if (!dataVersion.equals(version)) {
                entries.clear();
                version = dataVersion;
            }
            V cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        V value = compute.get();
        synchronized (this) {
            if (dataVersion.equals(version)) {
                entries.put(key, value);
            }
        }
        return value;
    }
}
