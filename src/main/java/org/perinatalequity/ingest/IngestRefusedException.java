package org.perinatalequity.ingest;

/** A submission (or the whole request) cannot be loaded; the message names the cause for a person. */
public class IngestRefusedException extends RuntimeException {

    public IngestRefusedException(String message) {
        super(message);
    }

    public IngestRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
