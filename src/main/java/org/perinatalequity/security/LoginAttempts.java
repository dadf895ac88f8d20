package org.perinatalequity.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Brute-force lockout, counted in memory per username (UI and API sign-ins alike): {@code maxFailures}
 * failures within {@code window} lock the username for {@code duration}. In memory on purpose: a
 * restart clears it, which an administrator can use to unlock someone, and the password guesser gains
 * nothing, because a restart needs access to the server. Unknown usernames count too, so a locked
 * answer reveals nothing about which names exist.
 */
@Component
class LoginAttempts {

    /** Most usernames tracked at once, so a flood of invented names cannot exhaust memory. */
    static final int MAX_TRACKED = 10_000;

    private final SecurityProperties.Lockout settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    LoginAttempts(SecurityProperties properties) {
        this.settings = properties.lockout();
        this.clock = Clock.systemUTC();
    }

    boolean isLocked(String username) {
        Instant until = lockedUntil.get(key(username));
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(key(username), until);
        return false;
    }

    /** Counts a failure; true when this failure locked the username. */
    boolean failed(String username) {
        String key = key(username);
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            forgetOld(now);
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(settings.window()))) {
                times.removeFirst();
            }
            if (times.size() >= settings.maxFailures() && !isLocked(username)) {
                lockedUntil.put(key, now.plus(settings.duration()));
                times.clear();
                return true;
            }
        }
        return false;
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private void forgetOld(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(settings.window()));
            }
        });
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
