package org.perinatalequity.system;

import java.nio.file.Path;
import java.util.Optional;

/** The database file is locked by another process (DuckDB allows one process per file). */
public class DatabaseInUseException extends RuntimeException {

    DatabaseInUseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Recognises DuckDB's lock error anywhere in a cause chain. */
    static Optional<DatabaseInUseException> from(Path file, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("Could not set lock")) {
                String holder = message.contains("Conflicting lock is held in")
                        ? " (" + message.substring(message.indexOf("Conflicting lock is held in")).strip() + ")"
                        : "";
                return Optional.of(new DatabaseInUseException("The database " + file
                        + " is in use by another process" + holder + ". DuckDB allows one process per file:"
                        + " stop the dashboard server first, or load the extract through the running server"
                        + " (upload page, inbox folder or POST /api/ingest).", error));
            }
        }
        return Optional.empty();
    }
}
