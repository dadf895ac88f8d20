package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perinatalequity.TestDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The one table swap and the one transaction helper, on a real DuckDB file. */
class TableSwapTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create(dir);
        jdbc = JdbcClient.create(db.dataSource());
        jdbc.sql("CREATE TABLE t AS SELECT * FROM (VALUES (1), (2)) v(x)").update();
        jdbc.sql("CREATE TABLE log (line VARCHAR)").update();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private List<Integer> rows() {
        return jdbc.sql("SELECT x FROM t ORDER BY x").query(Integer.class).list();
    }

    @Test
    void replacesTheTableWholeAndRunsWhatFollowsInTheSameTransaction() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            TableSwap.replace(c, st -> st.execute("INSERT INTO log VALUES ('before')"),
                    List.of(new TableSwap.Build("t", "SELECT * FROM (VALUES (7), (8), (9)) v(x)")),
                    st -> st.execute("INSERT INTO log SELECT 'after ' || count(*) FROM t"));
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(rows()).containsExactly(7, 8, 9);
        assertThat(jdbc.sql("SELECT line FROM log ORDER BY line").query(String.class).list())
                .containsExactly("after 3", "before");
        assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name = 't__next'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aFailingBuildLeavesTheOldRowsAndNothingOfTheNew() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            assertThatThrownBy(() -> TableSwap.replace(c, st -> st.execute("INSERT INTO log VALUES ('before')"),
                    List.of(new TableSwap.Build("t", "SELECT * FROM no_such_table")), TableSwap.Alongside.NOTHING))
                    .isInstanceOf(SQLException.class).hasMessageContaining("no_such_table");
            assertThat(c.getAutoCommit()).isTrue();
        }
        assertThat(rows()).containsExactly(1, 2);
        assertThat(jdbc.sql("SELECT count(*) FROM log").query(Long.class).single()).isZero();
    }

    @Test
    void workThatThrowsIsRolledBackAndItsExceptionPassesThrough() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            assertThatThrownBy(() -> Transactions.inTransaction(c, () -> {
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO log VALUES ('half done')");
                }
                throw new IllegalArgumentException("refused");
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("refused");
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(Transactions.inTransactionReturning(c, () -> {
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO log VALUES ('done')");
                }
                return "committed";
            })).isEqualTo("committed");
        }
        assertThat(jdbc.sql("SELECT line FROM log").query(String.class).list()).containsExactly("done");
    }
}
