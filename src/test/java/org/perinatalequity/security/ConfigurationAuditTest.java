package org.perinatalequity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;
import org.perinatalequity.quality.QualitySettings;
import org.perinatalequity.system.EquityProperties;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * Start-up configuration auditing against a real DuckDB file: each start writes one app_start event with the
 * settings in force, and each later start a config_change event, old → new, per setting that changed, including
 * users gaining or losing roles and a new pseudonymisation key, which is never written anywhere.
 */
class ConfigurationAuditTest {

    private static final String KEY = "first-pseudonymisation-key";
    private static final String USERS_FILE = "src/test/resources/security/test-users.csv";

    @TempDir
    Path dir;

    private TestDatabase database;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        database = TestDatabase.create(dir);
        jdbc = JdbcClient.create(database.dataSource());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    private void start(String key, Path usersFile, int maxFailures, String... profiles) {
        start("2019", key, usersFile, maxFailures, profiles);
    }

    private void start(String imdVintage, String key, Path usersFile, int maxFailures, String... profiles) {
        MockEnvironment environment = new MockEnvironment().withProperty("server.servlet.session.timeout", "30m");
        environment.setActiveProfiles(profiles);
        EquityProperties equity = new EquityProperties(new EquityProperties.Database(dir.resolve("x.duckdb")),
                new EquityProperties.Ingest(key, dir.resolve("inbox"), false, 10, 1000, 2000, 200),
                new EquityProperties.SampleData(false, dir), new EquityProperties.Reference(imdVintage));
        SecurityProperties security = new SecurityProperties(usersFile, new SecurityProperties.Lockout(maxFailures,
                Duration.ofMinutes(15), Duration.ofMinutes(15)), new SecurityProperties.Oidc(null, "Sign in", "roles",
                        "teams", "preferred_username"), new SecurityProperties.BasicCache(Duration.ofMinutes(5), 10_000, 50));
        UserDirectory users = new UserDirectory(security,
                new DefaultListableBeanFactory().getBeanProvider(DemoUsers.class), new LoginAttempts(security));
        new ConfigurationAudit(jdbc, TestAudit.service(jdbc), environment, equity, security,
                List.of(equity, new QualitySettings(Map.of("postcode", 98.0), 3)), users).recordStart();
    }

    @Test
    void theFirstStartRecordsTheConfigurationInForceAndNoChanges() {
        start(KEY, Path.of(USERS_FILE), 5);

        assertThat(events("app_start")).containsExactly("system|configuration|profiles default;"
                + " small numbers suppressed below 8; IMD 2019; pseudonymisation key set; users file " + USERS_FILE
                + " (8 users); OpenID Connect (none); lockout 5 failures in 15m lock for 15m; session timeout 30m;"
                + " inbox off; first start on this database");
        assertThat(events("config_change")).isEmpty();
        assertThat(setting("user:test-team")).startsWith("roles TEAM; teams CITY-NORTH; password #")
                .endsWith("; token none");
        assertThat(setting("equity.quality.thresholds.postcode")).isEqualTo("98");
    }

    @Test
    void anUnchangedRestartRecordsNoChange() {
        start(KEY, Path.of(USERS_FILE), 5);
        start(KEY, Path.of(USERS_FILE), 5);

        assertThat(events("app_start")).hasSize(2);
        assertThat(events("app_start").get(1)).endsWith("; 0 setting(s) changed since the last start");
        assertThat(events("config_change")).isEmpty();
    }

    @Test
    void eachChangedSettingIsAuditedOldToNewAndTheKeyNeverAppears() throws IOException {
        start(KEY, Path.of(USERS_FILE), 5);
        String analystBefore = setting("user:test-analyst");
        // test-board leaves, test-analyst loses RECORD_ACCESS, a new admin arrives.
        List<String> lines = Files.readAllLines(Path.of(USERS_FILE)).stream()
                .filter(l -> !l.startsWith("test-board,"))
                .map(l -> l.startsWith("test-analyst,") ? l.replace("ANALYST RECORD_ACCESS", "ANALYST") : l).toList();
        Path changedUsers = Files.write(dir.resolve("users.csv"), lines);
        Files.writeString(changedUsers, lines.stream().filter(l -> l.startsWith("test-admin,")).findFirst()
                .orElseThrow().replace("test-admin", "new-admin") + "\n", java.nio.file.StandardOpenOption.APPEND);

        start("second-pseudonymisation-key", changedUsers, 3, "demo");

        assertThat(events("config_change")).containsExactlyInAnyOrder(
                "system|equity.ingest.pseudonymisation-key|a different key: records loaded from now on get"
                        + " pseudonyms that do not match earlier loads",
                "system|equity.security.lockout|5 failures in 15m lock for 15m → 3 failures in 15m lock for 15m",
                "system|equity.security.users-file|" + USERS_FILE + " → " + changedUsers,
                "system|spring.profiles.active|default → demo",
                "system|user:new-admin|(none) → " + setting("user:new-admin"),
                "system|user:test-analyst|" + analystBefore + " → " + setting("user:test-analyst"),
                "system|user:test-board|" + "roles BOARD; teams none; password #"
                        + UserDirectory.sha256(passwordHash()).substring(0, 8) + "; token none → (none)");
        assertThat(setting("user:test-analyst")).startsWith("roles ANALYST; teams none;");
        assertThat(events("app_start").get(1)).contains("profiles demo;", "lockout 3 failures")
                .endsWith("; 7 setting(s) changed since the last start");

        String everything = String.join("\n", jdbc.sql("SELECT coalesce(target, '') || coalesce(detail, '')"
                + " FROM audit_event").query(String.class).list())
                + String.join("\n", jdbc.sql("SELECT value || coalesce(secret_hash, '') FROM audited_setting")
                        .query(String.class).list());
        assertThat(everything).doesNotContain(KEY, "second-pseudonymisation-key", passwordHash());

        // Back to the first key: a change again, detected from the stored hash alone.
        start(KEY, changedUsers, 3, "demo");
        assertThat(events("config_change")).hasSize(8);
        start(KEY, changedUsers, 3, "demo");
        assertThat(events("config_change")).hasSize(8);
    }

    @Test
    void aNewImdVintageIsShownButItsChangeIsLeftToTheReferenceLoaderWhichAuditsIt() {
        start("2019", KEY, Path.of(USERS_FILE), 5);
        start("2025", KEY, Path.of(USERS_FILE), 5);

        assertThat(events("config_change")).isEmpty();
        assertThat(events("app_start").get(1)).contains("; IMD 2025;")
                .endsWith("; 0 setting(s) changed since the last start");
        assertThat(setting("equity.reference.imd-vintage")).isEqualTo("2025");
    }

    private static String passwordHash() {
        return "$2a$04$KcCGeXKJ2Ik6OK0V1uUlP.QLHus3sgIHzul4tYDweZbwDk9vE9tWm";
    }

    /** "user|target|detail" of each event of an action, oldest first. */
    private List<String> events(String action) {
        return jdbc.sql("SELECT user_name || '|' || target || '|' || detail FROM audit_event WHERE action = ?"
                + " ORDER BY event_id").param(action).query(String.class).list();
    }

    private String setting(String name) {
        return jdbc.sql("SELECT value FROM audited_setting WHERE name = ?").param(name).query(String.class).single();
    }
}
