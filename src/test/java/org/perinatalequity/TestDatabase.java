package org.perinatalequity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.duckdb.DuckDBConnection;
import org.perinatalequity.system.RefreshStep;
import org.perinatalequity.system.Transactions;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A real DuckDB file for a test, with the application's own schema scripts applied in the order
 * application.properties lists them. Close it to release the file.
 */
public final class TestDatabase implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Path file;

    private TestDatabase(Path file) {
        this.file = file;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:duckdb:" + file.toAbsolutePath());
        config.setMaximumPoolSize(4);
        this.dataSource = new HikariDataSource(config);
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        DefaultResourceLoader loader = new DefaultResourceLoader();
        for (String location : schemaLocations()) {
            populator.addScript(loader.getResource(location.strip()));
        }
        populator.execute(dataSource);
    }

    public static TestDatabase create(Path folder) {
        return new TestDatabase(folder.resolve("test.duckdb"));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Path file() {
        return file;
    }

    /**
     * Runs one derived-data step on its own, as the refresher runs it: on a connection of its own, inside one
     * transaction that commits when the step returns.
     */
    public void rebuild(RefreshStep step) {
        try (Connection pooled = dataSource.getConnection();
                Connection c = pooled.unwrap(DuckDBConnection.class).duplicate();
                Statement st = c.createStatement()) {
            Transactions.inTransaction(c, () -> step.rebuild(st));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rebuild " + step.stage() + ": " + e.getMessage(), e);
        }
    }

    private static String[] schemaLocations() {
        Properties properties = new Properties();
        try (InputStream in = TestDatabase.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.stream(properties.getProperty("spring.sql.init.schema-locations").split(","))
                .filter(s -> !s.isBlank()).toArray(String[]::new);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
