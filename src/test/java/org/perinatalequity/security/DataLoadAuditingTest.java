package org.perinatalequity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;

import org.springframework.aop.Advisor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The load audit finds its methods by {@code @AuditedLoad}, not by name, on a real DuckDB file: a load under any
 * name is audited with its caller, files, rows and outcome; a failure is audited and rethrown; a method declared
 * so that the audit could not read it is refused (at start-up, when Spring proxies it), never silently left unaudited.
 */
class DataLoadAuditingTest {

    @TempDir
    Path dir;

    record Caller(String user, String source) implements AuditedLoad.Caller {
    }

    record Report(long loadedRows, boolean allLoaded) implements AuditedLoad.Report {

        @Override
        public String auditDetail(String source) {
            return "via " + source + ": " + loadedRows + " rows";
        }
    }

    static class Loads {

        @AuditedLoad(action = AuditService.INGEST)
        public Report bringIn(List<Path> files, Caller caller) {
            if (files.isEmpty()) {
                throw new IllegalArgumentException("nothing to load");
            }
            return new Report(files.size() * 10L, files.size() < 3);
        }

        @AuditedLoad(action = AuditService.REFERENCE_LOAD, source = "reference")
        public Report readIn(List<Path> files, String user) {
            return new Report(7, true);
        }

        public Report notALoad(List<Path> files, Caller caller) {
            return new Report(1, true);
        }
    }

    static class Misdeclared {

        /** A caller the audit cannot read: neither an AuditedLoad.Caller nor a user name with a source. */
        @AuditedLoad(action = AuditService.INGEST)
        public Report bringIn(List<Path> files, String user) {
            return new Report(1, true);
        }
    }

    private static <T> T audited(T target, AuditService audit) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("audit", audit);
        Advisor advisor = DataLoadAuditing.dataLoadAuditAdvisor(beans.getBeanProvider(AuditService.class));
        ProxyFactory proxies = new ProxyFactory(target);
        proxies.setProxyTargetClass(true);
        proxies.addAdvisor(advisor);
        @SuppressWarnings("unchecked")
        T proxy = (T) proxies.getProxy();
        return proxy;
    }

    @Test
    void loadsAreAuditedByTheirDeclarationWhateverTheirName() {
        try (TestDatabase database = TestDatabase.create(dir)) {
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            Loads loads = audited(new Loads(), TestAudit.service(jdbc));

            loads.bringIn(List.of(Path.of("/in/a.zip"), Path.of("b.csv")), new Caller("ana", "upload"));
            loads.bringIn(List.of(Path.of("a"), Path.of("b"), Path.of("c")), new Caller("inbox", "inbox"));
            loads.readIn(List.of(Path.of("/x/ONSPD.csv")), "admin");
            loads.notALoad(List.of(Path.of("z")), new Caller("ana", "upload"));
            assertThatThrownBy(() -> loads.bringIn(List.of(), new Caller("cli:me", "cli")))
                    .isInstanceOf(IllegalArgumentException.class);

            assertThat(jdbc.sql("""
                    SELECT user_name || '|' || action || '|' || coalesce(target, '') || '|' || detail || '|'
                        || coalesce(CAST(record_count AS VARCHAR), '-') || '|' || outcome
                    FROM audit_event ORDER BY event_id""").query(String.class).list()).containsExactly(
                    "ana|ingest|a.zip, b.csv|via upload: 20 rows|20|success",
                    "inbox|ingest|a, b, c|via inbox: 30 rows|30|failure",
                    "admin|reference_load|ONSPD.csv|via reference: 7 rows|7|success",
                    "cli:me|ingest||via cli: nothing to load|-|failure");
        }
    }

    @Test
    void aLoadTheAuditCannotReadIsRefusedNeverLeftUnaudited() {
        try (TestDatabase database = TestDatabase.create(dir)) {
            AuditService audit = TestAudit.service(JdbcClient.create(database.dataSource()));
            Throwable refused = catchThrowable(() -> audited(new Misdeclared(), audit));
            while (refused != null && refused.getCause() != null) {
                refused = refused.getCause();
            }
            assertThat(refused).as("refused when the proxy is made").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("@AuditedLoad").hasMessageContaining("bringIn");
        }
    }
}
