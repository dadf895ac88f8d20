package org.perinatalequity.breakdown;

/** No measure with this id in the catalogue. */
public class MeasureNotFoundException extends RuntimeException {

    public MeasureNotFoundException(String id) {
        super("No measure '" + id + "'; GET /api/measures lists them");
    }
}
