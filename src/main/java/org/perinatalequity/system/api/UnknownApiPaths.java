package org.perinatalequity.system.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * A JSON 404 for every {@code /api/**} path no controller maps. Vaadin, mapped at the root, takes every path the
 * controllers leave (its forwarding handler mapping comes last), so without this an unknown API path answered 200
 * with the application's HTML page. This mapping comes right after the controllers' (order 0) and before the
 * static resources and Vaadin; a known path with the wrong method never reaches it, because the controllers'
 * mapping answers that itself (a 405, see {@link ApiRequestErrors}).
 */
@Configuration(proxyBeanMethods = false)
class UnknownApiPaths {

    /** After {@code RequestMappingHandlerMapping} (0), before the resource (lowest - 1) and Vaadin mappings. */
    static final int ORDER = 1;

    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping(ObjectMapper objectMapper) {
        HttpRequestHandler notFound = (request, response) -> notFound(request, response, objectMapper);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api", notFound, "/api/**", notFound),
                ORDER);
        return mapping;
    }

    private static void notFound(HttpServletRequest request, HttpServletResponse response, ObjectMapper objectMapper)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), new ApiError("not_found", "No API endpoint "
                + request.getMethod() + " " + ApiPaths.path(request) + "; the OpenAPI document at /api/openapi"
                + " lists them"));
    }
}
