package org.perinatalequity.system.api;

import java.util.List;

/**
 * The dimensions a {@code DIM=VALUE} filter may name, as the OpenAPI document lists them for the handlers
 * marked {@link DimensionFilters}. The feature that owns the dimensions provides the bean, so the API's
 * ground floor names none of them.
 */
public interface FilterDimensions {

    /** The dimensions in the order the document lists them. */
    List<FilterDimension> filterDimensions();

    /**
     * @param id the query parameter's name
     * @param label what the dimension is, in words ("Ethnic group")
     * @param fixedValues the values where the list is fixed, else empty
     */
    record FilterDimension(String id, String label, List<String> fixedValues) {
    }
}
