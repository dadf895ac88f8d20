package org.perinatalequity.breakdown.api;

import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The breakdown row's fields of {@code adjust=maternal_age} in the OpenAPI document: the row writes them from its
 * adjustment (a JSON any-getter, so that each is written as null too), which springdoc cannot see on its own.
 */
@Configuration(proxyBeanMethods = false)
class AdjustmentSchema {

    @Bean
    OpenApiCustomizer adjustedRowFields() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> row = openApi.getComponents().getSchemas().get("Row");
            if (row == null || row.getProperties() == null || !row.getProperties().containsKey("ratioLower95")) {
                return;
            }
            row.addProperty("observed", number("adjust=maternal_age: events of the records with the mother's"
                    + " birth date (rounded under suppression; null when suppressed)"));
            row.addProperty("expected", number("adjust=maternal_age: events expected at the whole LMNS's rates by"
                    + " maternal age band in the same period"));
            row.addProperty("adjustedValue", number("adjust=maternal_age: ratio × the LMNS value (ratio,"
                    + " ratioLower95 and ratioUpper95 are then observed ÷ expected and its limits)"));
        };
    }

    private static Schema<?> number(String description) {
        NumberSchema schema = new NumberSchema();
        schema.format("double").nullable(true).description(description);
        return schema;
    }
}
