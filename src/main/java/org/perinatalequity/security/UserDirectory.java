package org.perinatalequity.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The embedded user store: the users file ({@code equity.security.users-file}, read at start and again when it
 * changes)
 * and, in the demo profile only, the demo users. A locked username (see {@link LoginAttempts}) comes
 * back locked, so the sign-in fails before its password is even checked.
 */
@Component
class UserDirectory implements UserDetailsService {

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);

    /** How often, at most, the users file's time and size are looked at for a change. */
    static final long CHECK_EVERY_NANOS = 2_000_000_000L;

    private volatile Map<String, UserFile.Entry> fileUsers;
    /** Null outside the demo profile. */
    private final @Nullable DemoUsers demoUsers;
    private final LoginAttempts attempts;
    private final @Nullable Path usersFile;
    /** Moves on whenever the users file is read again: what was verified against an older list is forgotten. */
    private final AtomicLong generation = new AtomicLong();
    private volatile @Nullable String stamp;
    private volatile long checkedAt = System.nanoTime();

    UserDirectory(SecurityProperties properties, ObjectProvider<DemoUsers> demoUsers, LoginAttempts attempts) {
        this.usersFile = properties.usersFile() == null || properties.usersFile().toString().isBlank() ? null
                : properties.usersFile();
        this.stamp = usersFile == null ? null : stamp(usersFile);
        this.fileUsers = usersFile == null ? Map.of() : UserFile.read(usersFile);
        this.demoUsers = demoUsers.getIfAvailable();
        this.attempts = attempts;
        LOG.info("User store: {} user(s) from {}{}", fileUsers.size(),
                properties.usersFile() == null ? "no users file" : properties.usersFile(),
                this.demoUsers != null ? ", plus the demo users (demo profile)" : "");
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserFile.Entry entry = find(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        // A new object every time: Spring erases the credentials of the one it authenticated.
        return User.withUsername(entry.username()).password(entry.passwordHash()).authorities(authorities(entry))
                .accountLocked(attempts.isLocked(username)).build();
    }

    /**
     * Each users-file user's access for the configuration audit: roles, teams, and short fingerprints
     * of the stored password and token hashes (enough to see that one changed, useless for guessing).
     */
    Map<String, String> describeFileUsers() {
        Map<String, String> described = new TreeMap<>();
        fileUsers.values().forEach(u -> described.put(u.username(), "roles " + String.join(" ", new TreeSet<>(u.roles()))
                + "; teams " + (u.teams().isEmpty() ? "none" : String.join(" ", new TreeSet<>(u.teams())))
                + "; password #" + sha256(u.passwordHash()).substring(0, 8) + "; token "
                + (u.tokenSha256() == null || u.tokenSha256().isBlank() ? "none"
                        : "#" + sha256(u.tokenSha256()).substring(0, 8))));
        return described;
    }

    /** Which read of the users file the answers come from; changes when the file changed and was read again. */
    long generation() {
        reloadIfChanged();
        return generation.get();
    }

    /**
     * Reads the users file again when its modification time or size changed (looked at every two seconds at most),
     * so a disabled user or a new password takes effect without a restart and drops every cached sign-in. A file
     * that no longer reads (a half-saved edit) keeps the previous list, with an error in the log, rather than
     * locking everyone out.
     */
    private void reloadIfChanged() {
        Path file = usersFile;
        long now = System.nanoTime();
        if (file == null || now - checkedAt < CHECK_EVERY_NANOS) {
            return;
        }
        synchronized (this) {
            if (now - checkedAt < CHECK_EVERY_NANOS) {
                return;
            }
            checkedAt = now;
            String current = stamp(file);
            if (current == null || current.equals(stamp)) {
                return;
            }
            try {
                fileUsers = UserFile.read(file);
                stamp = current;
                generation.incrementAndGet();
                LOG.info("User store: the users file {} changed; {} user(s) read again", file, fileUsers.size());
            } catch (IllegalStateException e) {
                LOG.error("User store: the users file {} changed but cannot be read, the previous {} user(s) stay: {}",
                        file, fileUsers.size(), e.getMessage());
            }
        }
    }

    private static @Nullable String stamp(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The user whose API token hashes to the stored SHA-256, if any. */
    Optional<UserDetails> findByToken(String token) {
        reloadIfChanged();
        String hash = sha256(token);
        return fileUsers.values().stream().filter(u -> hash.equals(u.tokenSha256())).findFirst()
                .map(u -> User.withUsername(u.username()).password(u.passwordHash()).authorities(authorities(u))
                        .build());
    }

    private Optional<UserFile.Entry> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        reloadIfChanged();
        UserFile.Entry entry = fileUsers.get(username.strip().toLowerCase(Locale.ROOT));
        if (entry != null) {
            return Optional.of(entry);
        }
        return demoUsers == null ? Optional.empty() : demoUsers.find(username.strip());
    }

    static List<GrantedAuthority> authorities(UserFile.Entry entry) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        entry.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(Roles.authority(r))));
        if (entry.roles().contains(Roles.TEAM)) {
            entry.teams().forEach(t -> authorities.add(new SimpleGrantedAuthority(Roles.TEAM_AUTHORITY_PREFIX + t)));
        }
        return authorities;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
