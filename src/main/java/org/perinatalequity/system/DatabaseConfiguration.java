package org.perinatalequity.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One embedded DuckDB database per JVM. All pooled connections share one DuckDB instance; the pool keeps
 * one connection open so the file stays locked by this process for its whole life (DuckDB allows one
 * process per file). DuckDB's memory limit, threads and spill folder come from {@code equity.database.*}
 * ({@link EquityProperties.Database}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DataSource dataSource(EquityProperties properties) {
        Path file = properties.database().file().toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of the database file " + file, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("duckdb");
        config.setJdbcUrl("jdbc:duckdb:" + file);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        // DuckDB reads these as its configuration when the first connection opens the file (one instance per JVM).
        EquityProperties.Database database = properties.database();
        if (!database.memoryLimit().isBlank()) {
            config.addDataSourceProperty("memory_limit", database.memoryLimit().strip());
        }
        config.addDataSourceProperty("threads", String.valueOf(database.effectiveThreads()));
        if (database.tempDirectory() != null) {
            Path spill = database.tempDirectory().toAbsolutePath().normalize();
            config.addDataSourceProperty("temp_directory", spill.toString());
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw DatabaseInUseException.from(file, e).orElseThrow(() -> e);
        }
    }
}
