package org.perinatalequity.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a locked database file into a one-paragraph start-up message instead of a stack trace. */
class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other process that holds the file, or start with --db=OTHER_FILE.", cause);
    }
}
