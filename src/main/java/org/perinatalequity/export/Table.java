package org.perinatalequity.export;

import java.util.List;

/**
 * A flat table to export: named, typed columns and rows of values (String, Double, Long, Boolean or null). The CSV
 * and Arrow exports, and every download of exactly what a view shows, are made from one of these.
 */
public record Table(List<Column> columns, List<List<Object>> rows) {

    public enum Type {
        TEXT("VARCHAR"), NUMBER("DOUBLE"), INTEGER("BIGINT"), BOOLEAN("BOOLEAN");

        private final String sql;

        Type(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }
    }

    public record Column(String name, Type type) {
    }
}
