package org.perinatalequity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The Basic credential cache: one password check per credential and time, dropped on a users-file change. */
class BasicCredentialCacheTest {

    private static final String HASH = "$2a$04$KcCGeXKJ2Ik6OK0V1uUlP.QLHus3sgIHzul4tYDweZbwDk9vE9tWm";

    @TempDir
    Path dir;

    private final AtomicInteger checks = new AtomicInteger();

    /** Stands in for the BCrypt check: counts, and knows one password. */
    private final AuthenticationProvider verifier = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            checks.incrementAndGet();
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("Bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_ANALYST")));
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    private SecurityProperties properties(Path users, Duration ttl, int maxFailuresPerClient) {
        return new SecurityProperties(users, new SecurityProperties.Lockout(5, Duration.ofMinutes(15),
                Duration.ofMinutes(15)), new SecurityProperties.Oidc(null, "", "roles", "teams", "preferred_username"),
                new SecurityProperties.BasicCache(ttl, 100, maxFailuresPerClient));
    }

    private Path usersFile() throws IOException {
        return Files.writeString(dir.resolve("users.csv"), "username,password,roles,teams,token_sha256\n"
                + "ann," + HASH + ",ANALYST,,\n");
    }

    private static UsernamePasswordAuthenticationToken basic(String user, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    private BasicCredentialCache cache(SecurityProperties properties, LoginAttempts attempts) {
        UserDirectory users = new UserDirectory(properties,
                new DefaultListableBeanFactory().getBeanProvider(DemoUsers.class), attempts);
        return new BasicCredentialCache(verifier, users, attempts, properties.basicCache());
    }

    @Test
    void aVerifiedCredentialIsCheckedOnceAndARepeatedWrongOneToo() throws Exception {
        SecurityProperties properties = properties(usersFile(), Duration.ofMinutes(5), 50);
        BasicCredentialCache cache = cache(properties, new LoginAttempts(properties));
        for (int i = 0; i < 10; i++) {
            Authentication a = cache.authenticate(basic("ann", "right", "10.0.0.1"));
            assertThat(a.isAuthenticated()).isTrue();
            assertThat(a.getName()).isEqualTo("ann");
            assertThat(a.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ANALYST");
        }
        assertThat(checks).hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.authenticate(basic("ann", "wrong", "10.0.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(2);
        // Another password of the same user is another key: checked, and refused.
        assertThatThrownBy(() -> cache.authenticate(basic("ann", "right ", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void readersArrivingTogetherWithOnePairWaitForOneCheck() throws Exception {
        SecurityProperties properties = properties(usersFile(), Duration.ofMinutes(5), 50);
        BasicCredentialCache cache = cache(properties, new LoginAttempts(properties));
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        // The stand-in check is slow, as BCrypt is, so the readers overlap it.
        BasicCredentialCache slow = new BasicCredentialCache(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication a) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return verifier.authenticate(a);
            }

            @Override
            public boolean supports(Class<?> type) {
                return true;
            }
        }, new UserDirectory(properties, new DefaultListableBeanFactory().getBeanProvider(DemoUsers.class),
                new LoginAttempts(properties)), new LoginAttempts(properties), properties.basicCache());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Authentication>> readers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String address = "10.0.0." + i;
                readers.add(pool.submit(() -> {
                    go.await();
                    return slow.authenticate(basic("ann", "right", address));
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<Authentication> reader : readers) {
                Authentication a = reader.get();
                assertThat(a.isAuthenticated()).isTrue();
                assertThat(a.getName()).isEqualTo("ann");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checks).as("one check for 20 readers arriving at once").hasValue(1);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aChangedUsersFileDropsWhatWasVerified() throws Exception {
        Path file = usersFile();
        SecurityProperties properties = properties(file, Duration.ofMinutes(5), 50);
        BasicCredentialCache cache = cache(properties, new LoginAttempts(properties));
        cache.authenticate(basic("ann", "right", "10.0.0.1"));
        Files.writeString(file, Files.readString(file) + "bob," + HASH + ",BOARD,,\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        Thread.sleep(UserDirectory.CHECK_EVERY_NANOS / 1_000_000 + 100);
        cache.authenticate(basic("ann", "right", "10.0.0.1"));
        assertThat(checks).as("checked again after the file changed").hasValue(2);
    }

    @Test
    void aLockedUserIsRefusedEvenWithACachedCredential() throws Exception {
        SecurityProperties properties = properties(usersFile(), Duration.ofMinutes(5), 50);
        LoginAttempts attempts = new LoginAttempts(properties);
        BasicCredentialCache cache = cache(properties, attempts);
        cache.authenticate(basic("ann", "right", "10.0.0.1"));
        for (int i = 0; i < 5; i++) {
            attempts.failed("ann");
        }
        assertThatThrownBy(() -> cache.authenticate(basic("ann", "right", "10.0.0.1")))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void oneAddressFailingOftenGetsNoMorePasswordChecksOthersDo() throws Exception {
        SecurityProperties properties = properties(usersFile(), Duration.ofMinutes(5), 3);
        BasicCredentialCache cache = cache(properties, new LoginAttempts(properties));
        cache.authenticate(basic("ann", "right", "10.0.0.9"));
        for (int i = 0; i < 20; i++) {
            String name = "invented-" + i;
            assertThatThrownBy(() -> cache.authenticate(basic(name, "guess", "10.0.0.9")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).as("1 good + 3 failures, then no more checks").hasValue(4);
        assertThat(cache.authenticate(basic("ann", "right", "10.0.0.9")).isAuthenticated())
                .as("a cached good credential from that address still works").isTrue();
        assertThat(cache.authenticate(basic("ann", "right", "10.0.0.2")).isAuthenticated()).isTrue();
    }

    @Test
    void aZeroTimeTurnsTheCacheOff() throws Exception {
        SecurityProperties properties = properties(usersFile(), Duration.ZERO, 50);
        BasicCredentialCache cache = cache(properties, new LoginAttempts(properties));
        cache.authenticate(basic("ann", "right", "10.0.0.1"));
        cache.authenticate(basic("ann", "right", "10.0.0.1"));
        assertThat(checks).hasValue(2);
        assertThat(cache.size()).isZero();
    }
}
