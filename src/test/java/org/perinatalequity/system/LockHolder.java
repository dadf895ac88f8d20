package org.perinatalequity.system;

import java.sql.Connection;
import java.sql.DriverManager;

/** Child process for the locked-database test: opens a DuckDB file, says so, and holds it until stdin closes. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0])) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS held (x INTEGER)");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our stdin
            }
        }
    }
}
