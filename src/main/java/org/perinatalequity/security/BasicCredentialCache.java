package org.perinatalequity.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic sign-in of the stateless API without a BCrypt check on every request (issue 19: 22 requests/s for 50
 * Basic readers against about 800/s with a bearer token). A credential that verified is remembered for
 * {@code equity.security.basic-cache.ttl} under the HMAC-SHA-256, with a random key made at start and never stored,
 * of user name and password: the password itself is never kept, and the table is useless outside this process. The
 * same wrong pair sent again within the time is refused without the BCrypt work as well. Entries are dropped when
 * the users file is read again ({@link UserDirectory#generation()}), and a locked user name is refused before the
 * cache is looked at. Both tables are bounded. Requests with the same pair that arrive while its check runs wait for
 * that one check rather than each running their own.
 *
 * <p>Anonymous load: a client address whose sign-ins failed {@code max-failures-per-client} times within
 * {@code ttl} is refused further unverified attempts until they age out (a cached good credential from it still
 * works), so a flood of invented names from one address costs at most that many BCrypt checks. Timing: a hit
 * answers in microseconds where a miss takes a BCrypt check, but a hit needs the exact right (or an already tried
 * wrong) pair, so it tells a guesser nothing new; unknown names still cost the same BCrypt work as known ones on a
 * miss (Spring's dummy check), so user names cannot be told apart by time (docs/security.md).
 */
final class BasicCredentialCache implements AuthenticationProvider {

    private record Verified(long generation, long expiresAt, String username,
            Collection<? extends GrantedAuthority> authorities) {
    }

    private record Refused(long generation, long expiresAt) {
    }

    private final AuthenticationProvider verifier;
    private final UserDirectory users;
    private final LoginAttempts attempts;
    private final SecurityProperties.BasicCache settings;
    private final SecretKeySpec key;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, Refused> refused = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> clientFailures = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Authentication>> inFlight = new ConcurrentHashMap<>();

    BasicCredentialCache(AuthenticationProvider verifier, UserDirectory users, LoginAttempts attempts,
            SecurityProperties.BasicCache settings) {
        this.verifier = verifier;
        this.users = users;
        this.attempts = attempts;
        this.settings = settings;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (settings.ttl().isZero() || credentials == null) {
            return verifier.authenticate(authentication);
        }
        if (attempts.isLocked(username)) {
            throw new LockedException("User account is locked");
        }
        long now = System.nanoTime();
        long generation = users.generation();
        String id = hmac(username, credentials.toString());
        Verified hit = verified.get(id);
        if (hit != null && hit.generation() == generation && now - hit.expiresAt() < 0) {
            UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                    hit.username(), null, hit.authorities());
            result.setDetails(authentication.getDetails());
            return result;
        }
        Refused miss = refused.get(id);
        if (miss != null && miss.generation() == generation && now - miss.expiresAt() < 0) {
            throw new BadCredentialsException("Bad credentials");
        }
        String client = client(authentication);
        if (client != null && recentFailures(client, now) >= settings.maxFailuresPerClient()) {
            throw new BadCredentialsException("Too many failed sign-ins from this address; try again later");
        }
        // One BCrypt check per credential at a time: 50 readers arriving together with the same pair wait for the
        // first one's check instead of running 50 (the ApiSignInBenchmark's first second took 17 s under load).
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = inFlight.putIfAbsent(id, mine);
        if (running != null) {
            return sameAs(running, authentication);
        }
        long expiresAt = now + settings.ttl().toNanos();
        try {
            Authentication result = verifier.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                bound(verified);
                verified.put(id, new Verified(generation, expiresAt, result.getName(), result.getAuthorities()));
            }
            mine.complete(result);
            return result;
        } catch (BadCredentialsException e) {
            bound(refused);
            refused.put(id, new Refused(generation, expiresAt));
            if (client != null) {
                failed(client, now);
            }
            mine.completeExceptionally(e);
            throw e;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(id, mine);
        }
    }

    /** The outcome of the check another request with the very same pair is running, as this request's own. */
    private static @Nullable Authentication sameAs(CompletableFuture<Authentication> running,
            Authentication authentication) {
        try {
            Authentication result = running.get();
            if (result == null || !result.isAuthenticated()) {
                return result;
            }
            UsernamePasswordAuthenticationToken mine = UsernamePasswordAuthenticationToken.authenticated(
                    result.getName(), null, result.getAuthorities());
            mine.setDetails(authentication.getDetails());
            return mine;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("Interrupted while signing in", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refusal) {
                throw refusal;
            }
            throw new AuthenticationServiceException("Could not sign in", e.getCause());
        }
    }

    /** How many entries each table holds now (for tests). */
    int size() {
        return verified.size() + refused.size();
    }

    private void bound(Map<String, ?> table) {
        if (table.size() >= settings.maxEntries()) {
            long now = System.nanoTime();
            table.values().removeIf(v -> now - expiresAt(v) >= 0);
            if (table.size() >= settings.maxEntries()) {
                // Full of live entries: start again rather than grow; the cost is one BCrypt check per caller.
                table.clear();
            }
        }
    }

    private static long expiresAt(Object entry) {
        return entry instanceof Verified v ? v.expiresAt() : ((Refused) entry).expiresAt();
    }

    private int recentFailures(String client, long now) {
        List<Long> times = clientFailures.get(client);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            times.removeIf(t -> now - t >= settings.ttl().toNanos());
            return times.size();
        }
    }

    private void failed(String client, long now) {
        if (clientFailures.size() >= settings.maxEntries()) {
            clientFailures.clear();
        }
        List<Long> times = clientFailures.computeIfAbsent(client, c -> new java.util.ArrayList<>());
        synchronized (times) {
            times.add(now);
        }
    }

    private static @Nullable String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
                : null;
    }

    private String hmac(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
