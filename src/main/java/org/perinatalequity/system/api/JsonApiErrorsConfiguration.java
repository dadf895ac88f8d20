package org.perinatalequity.system.api;

import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * API errors are JSON whatever the request's {@code Accept} header says. An exception handler's
 * {@code ResponseEntity<ApiError>} goes through content negotiation like any answer, so a request sent with
 * {@code Accept: text/csv} (a refused worklist download) found no converter for the error, and the refusal became a
 * 500 with a stack trace. The exception handlers of {@code /api/**} requests therefore negotiate as if the caller had
 * asked for JSON; the successful answers keep honouring {@code Accept}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // commands run without a web server
class JsonApiErrorsConfiguration {

    /**
     * Ahead of Spring MVC's own resolvers (the composite bean {@code handlerExceptionResolver}, order 0): for an API
     * request it runs them once more on the request as if it accepted JSON; outside the API, or when they decline,
     * it declines and the dispatcher goes on as before.
     */
    @Bean
    HandlerExceptionResolver jsonApiErrors(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver mvcResolvers) {
        return new JsonErrorResolver(mvcResolvers);
    }

    static final class JsonErrorResolver implements HandlerExceptionResolver, Ordered {

        private final HandlerExceptionResolver mvcResolvers;

        JsonErrorResolver(HandlerExceptionResolver mvcResolvers) {
            this.mvcResolvers = mvcResolvers;
        }

        @Override
        public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                @Nullable Object handler, Exception exception) {
            return ApiPaths.isApi(request)
                    ? mvcResolvers.resolveException(new AcceptsJson(request), response, handler, exception)
                    : null;
        }

        @Override
        public int getOrder() {
            return -1;
        }
    }

    /** The request as if sent with {@code Accept: application/json}. */
    static final class AcceptsJson extends HttpServletRequestWrapper {

        AcceptsJson(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(MediaType.APPLICATION_JSON_VALUE))
                    : super.getHeaders(name);
        }
    }
}
