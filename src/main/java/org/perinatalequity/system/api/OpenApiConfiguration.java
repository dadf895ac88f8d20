package org.perinatalequity.system.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.perinatalequity.system.api.FilterDimensions.FilterDimension;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /api/openapi} (DESIGN.md section 8, "Analyst API"): the two ways to sign in to
 * the stateless API (HTTP Basic, a bearer token), applied to every operation, and the {@code DIM=VALUE} filters of
 * the handlers marked {@link DimensionFilters}, which read them from one map and so declare no parameter springdoc
 * could see. A client generated from the document (R, Python) then sends them as named query parameters. The
 * dimensions come from the {@link FilterDimensions} bean of the feature that owns them.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    @Bean
    OpenAPI equityOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Perinatal Equity Dashboard API").version("1")
                        .description("Measures, breakdowns, trends, data quality, the statistics calculator and"
                                + " loading (DESIGN.md sections 4 and 8; docs/api.md)."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A user name and password of the user file"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API token of the user file")))
                // Either scheme is enough: two requirements, not one requirement with both.
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
    }

    @Bean
    OperationCustomizer dimensionFilterParameters(ObjectProvider<FilterDimensions> catalogues) {
        return (operation, handler) -> {
            if (!handler.hasMethodAnnotation(DimensionFilters.class)) {
                return operation;
            }
            boolean several = handler.getMethodAnnotation(DimensionFilters.class).severalValues();
            List<FilterDimension> dimensions = catalogues.orderedStream()
                    .flatMap(c -> c.filterDimensions().stream()).toList();
            for (FilterDimension d : dimensions) {
                StringSchema value = new StringSchema();
                d.fixedValues().forEach(value::addEnumItem);
                QueryParameter filter = new QueryParameter();
                filter.name(d.id()).required(false).description("Keep only records whose "
                        + d.label().toLowerCase(Locale.UK) + (several ? " is one of these values (repeat the"
                                + " parameter or separate values with commas)" : " is this value")
                        + "; GET /api/dimensions lists the values");
                if (several) {
                    filter.schema(new ArraySchema().items(value)).style(Parameter.StyleEnum.FORM).explode(true);
                } else {
                    filter.schema(value);
                }
                operation.addParametersItem(filter);
            }
            return operation;
        };
    }
}
