package org.perinatalequity.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The documented demo users, password {@value #PASSWORD}: {@code analyst} (ANALYST + RECORD_ACCESS),
 * {@code board}, {@code admin}, and {@code team-<TeamLocalID>} for every team in the loaded data,
 * looked up at sign-in so that any extract can be tried as each of its teams. The bean exists only in
 * the {@code demo} profile; no property can bring these users into another deployment.
 */
@Component
@Profile("demo")
class DemoUsers {

    static final String PASSWORD = "demo";
    static final String TEAM_PREFIX = "team-";

    private final JdbcClient jdbc;
    private final String hash;

    DemoUsers(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.hash = encoder.encode(PASSWORD);
    }

    Optional<UserFile.Entry> find(String username) {
        String name = username.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "analyst" -> Optional.of(entry("analyst", Set.of(Roles.ANALYST, Roles.RECORD_ACCESS), Set.of()));
            case "board" -> Optional.of(entry("board", Set.of(Roles.BOARD), Set.of()));
            case "admin" -> Optional.of(entry("admin", Set.of(Roles.ADMIN), Set.of()));
            case "workforce" -> Optional.of(entry("workforce", Set.of(Roles.WORKFORCE), Set.of()));
            default -> name.startsWith(TEAM_PREFIX) ? team(username.substring(TEAM_PREFIX.length())) : Optional.empty();
        };
    }

    /** The teams of the loaded data, as team users are named after them. */
    List<String> teams() {
        return jdbc.sql("SELECT DISTINCT team FROM v_women WHERE team <> 'Unknown' ORDER BY team")
                .query(String.class).list();
    }

    private Optional<UserFile.Entry> team(String typed) {
        return teams().stream().filter(t -> t.equalsIgnoreCase(typed)).findFirst()
                .map(t -> entry(TEAM_PREFIX + t, Set.of(Roles.TEAM), Set.of(t)));
    }

    private UserFile.Entry entry(String username, Set<String> roles, Set<String> teams) {
        return new UserFile.Entry(username, hash, roles, teams, null);
    }
}
