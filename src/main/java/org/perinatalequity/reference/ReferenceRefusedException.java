package org.perinatalequity.reference;

/** A reference load was refused whole; nothing changed. The message names the file and the cause. */
public class ReferenceRefusedException extends RuntimeException {

    public ReferenceRefusedException(String message) {
        super(message);
    }

    public ReferenceRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
