package org.perinatalequity.system.api;

/** The JSON body of every API error: what went wrong and the detail a caller can act on. */
public record ApiError(String error, String detail) {
}
