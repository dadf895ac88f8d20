package org.perinatalequity.system.api;

/** A request the API cannot answer as sent; the message names the parameter and what is wrong. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }

    /** A value the parameter does not take, with every value it does take (so a typo can be corrected). */
    public static BadRequestException unknownValue(String parameter, String value, java.util.List<String> valid) {
        return new BadRequestException("Parameter '" + parameter + "': no value '" + value + "'; valid values: "
                + String.join(", ", valid));
    }
}
