package org.perinatalequity.security;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.perinatalequity.stats.DisclosureControl;
import org.perinatalequity.system.AuditedSettings;
import org.perinatalequity.system.EquityProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The configuration that decides who gets in and what leaves the application, audited at every start
 * (it cannot change while the application runs): one {@code app_start} event with the settings in
 * force, and a {@code config_change} event, old → new, for each of them that differs from the previous
 * start. The values of the previous start are kept in {@code audited_setting} (db/050-audit.sql). The
 * pseudonymisation key itself is never stored: only a BCrypt hash of its SHA-256, enough to tell that
 * it changed. Besides security's own settings, every {@link AuditedSettings} bean contributes its own, so
 * this class names no feature.
 */
@Component
class ConfigurationAudit {

    static final String PSEUDONYMISATION_KEY = EquityProperties.PSEUDONYMISATION_KEY;
    private static final String NONE = "(none)";

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Environment environment;
    private final EquityProperties equity;
    private final SecurityProperties security;
    private final List<AuditedSettings> registered;
    private final UserDirectory users;
    private final BCryptPasswordEncoder keyHashes = new BCryptPasswordEncoder(10);

    ConfigurationAudit(JdbcClient jdbc, AuditService audit, Environment environment, EquityProperties equity,
            SecurityProperties security, List<AuditedSettings> registered, UserDirectory users) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.environment = environment;
        this.equity = equity;
        this.security = security;
        this.registered = List.copyOf(registered);
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordStart() {
        Map<String, String> current = settings();
        Set<String> auditedByOwner = new HashSet<>();
        registered.forEach(r -> auditedByOwner.addAll(r.changesAuditedByOwner()));
        Map<String, Stored> previous = new TreeMap<>();
        jdbc.sql("SELECT name, value, secret_hash FROM audited_setting").query((rs, n) -> previous.put(
                rs.getString(1), new Stored(rs.getString(2), rs.getString(3)))).list();
        String key = equity.ingest().pseudonymisationKey();
        boolean firstStart = previous.isEmpty();

        int changed = 0;
        TreeSet<String> names = new TreeSet<>(current.keySet());
        names.addAll(previous.keySet());
        for (String name : names) {
            String before = previous.containsKey(name) ? previous.get(name).value() : NONE;
            String after = current.getOrDefault(name, NONE);
            String detail = null;
            if (!before.equals(after)) {
                detail = before + " → " + after;
            } else if (name.equals(PSEUDONYMISATION_KEY) && key != null && !key.isBlank()
                    && !keyHashes.matches(sha256(key), previous.get(name).secretHash())) {
                detail = "a different key: records loaded from now on get pseudonyms that do not match earlier loads";
            }
            if (detail != null && !firstStart && !auditedByOwner.contains(name)) {
                audit.recordAs(SystemCaller.NAME, AuditService.CONFIG_CHANGE, name, detail, null,
                        AuditService.Outcome.success);
                changed++;
            }
        }
        store(current, key);
        audit.recordAs(SystemCaller.NAME, AuditService.APP_START, "configuration", summary(current)
                + (firstStart ? "; first start on this database" : "; " + changed + " setting(s) changed since the"
                        + " last start"), null, AuditService.Outcome.success);
    }

    /** The audited settings by name, in a stable order. Users appear as {@code user:<name>}. */
    Map<String, String> settings() {
        Map<String, String> s = new TreeMap<>();
        List<String> profiles = List.of(environment.getActiveProfiles());
        s.put("spring.profiles.active", profiles.isEmpty() ? "default" : String.join(",", profiles));
        s.put("disclosure.suppress-below", format(DisclosureControl.SUPPRESS_BELOW));
        s.put("equity.security.users-file", security.usersFile() == null || security.usersFile().toString().isBlank()
                ? NONE : security.usersFile().toString());
        s.put("equity.security.lockout", security.lockout().maxFailures() + " failures in "
                + format(security.lockout().window()) + " lock for " + format(security.lockout().duration()));
        SecurityProperties.Oidc oidc = security.oidc();
        s.put("equity.security.oidc", isBlank(oidc.registrationId()) ? NONE : oidc.registrationId() + " (roles claim "
                + oidc.rolesClaim() + ", teams claim " + oidc.teamsClaim() + ")");
        s.put("server.servlet.session.timeout", environment.getProperty("server.servlet.session.timeout", "30m"));
        s.put("spring.servlet.multipart.max-file-size", environment.getProperty("spring.servlet.multipart.max-file-size",
                "1MB"));
        s.put("equity.audit.log-file", environment.getProperty("equity.audit.log-file", NONE));
        for (AuditedSettings settings : registered) {
            settings.auditedSettings().forEach((name, value) -> {
                if (s.putIfAbsent(name, value) != null) {
                    throw new IllegalStateException("audited setting " + name + " is registered twice");
                }
            });
        }
        users.describeFileUsers().forEach((name, access) -> s.put("user:" + name, access));
        return s;
    }

    private String summary(Map<String, String> s) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("profiles", s.get("spring.profiles.active"));
        shown.put("small numbers suppressed below", s.get("disclosure.suppress-below"));
        shown.put("IMD", s.get("equity.reference.imd-vintage"));
        shown.put("pseudonymisation key", s.get(PSEUDONYMISATION_KEY));
        shown.put("users file", s.get("equity.security.users-file") + " ("
                + s.keySet().stream().filter(n -> n.startsWith("user:")).count() + " users)");
        shown.put("OpenID Connect", s.get("equity.security.oidc"));
        shown.put("lockout", s.get("equity.security.lockout"));
        shown.put("session timeout", s.get("server.servlet.session.timeout"));
        shown.put("inbox", "true".equals(s.get("equity.ingest.inbox-enabled")) ? s.get("equity.ingest.inbox") : "off");
        StringBuilder text = new StringBuilder();
        shown.forEach((name, value) -> text.append(text.isEmpty() ? "" : "; ").append(name).append(' ').append(value));
        return text.toString();
    }

    private void store(Map<String, String> current, String key) {
        jdbc.sql("DELETE FROM audited_setting").update();
        current.forEach((name, value) -> jdbc.sql("INSERT INTO audited_setting VALUES (?, ?, ?)")
                .params(name, value, name.equals(PSEUDONYMISATION_KEY) && !isBlank(key)
                        ? keyHashes.encode(sha256(key)) : null)
                .update());
    }

    private record Stored(String value, String secretHash) {
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String format(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + "m" : duration.toSeconds() + "s";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** BCrypt reads at most 72 bytes, so the key is hashed to 64 hex characters first. */
    private static String sha256(String key) {
        return UserDirectory.sha256(key);
    }
}
