package org.perinatalequity.measures;

import java.util.Arrays;
import java.util.List;

import org.perinatalequity.system.api.FilterDimensions;

import org.springframework.stereotype.Component;

/** Every {@link Dimension} as a {@code DIM=VALUE} filter of the OpenAPI document, in declaration order. */
@Component
class DimensionFilterCatalogue implements FilterDimensions {

    @Override
    public List<FilterDimension> filterDimensions() {
        return Arrays.stream(Dimension.values())
                .map(d -> new FilterDimension(d.id(), d.label(), d.fixedValues())).toList();
    }
}
