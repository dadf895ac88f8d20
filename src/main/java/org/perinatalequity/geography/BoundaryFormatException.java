package org.perinatalequity.geography;

/** A boundary file that cannot be read: the message names the file, the feature (when one is at fault) and why. */
public class BoundaryFormatException extends RuntimeException {

    public BoundaryFormatException(String message) {
        super(message);
    }

    public BoundaryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
