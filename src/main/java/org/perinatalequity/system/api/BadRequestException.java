package org.perinatalequity.system.api;

/** A request the API cannot answer as sent; the message names the parameter and what is wrong. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
