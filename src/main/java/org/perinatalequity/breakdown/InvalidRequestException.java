package org.perinatalequity.breakdown;

/**
 * A breakdown or trend asked for something it cannot be (a period backwards, a reference group that is not there, a
 * trend by a dimension that is not a period...). The message names the parameter and what is wrong; the API answers
 * it with 400, the views show it.
 */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
