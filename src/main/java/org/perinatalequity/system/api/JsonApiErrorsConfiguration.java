package org.perinatalequity.system.api;

import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * API errors are JSON whatever the request's {@code Accept} header says. An exception handler's
 * {@code ResponseEntity<ApiError>} goes through content negotiation like any answer, so a request sent with
 * {@code Accept: text/csv} (a refused worklist download) found no converter for the error, and the refusal became a
 * 500 with a stack trace. The exception handlers of {@code /api/**} requests therefore negotiate as if the caller had
 * asked for JSON; the successful answers keep honouring {@code Accept}.
 */
@Configuration(proxyBeanMethods = false)
class JsonApiErrorsConfiguration {

    @Bean
    WebMvcRegistrations jsonApiErrors() {
        return new WebMvcRegistrations() {
            @Override
            public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
                return new JsonErrorResolver();
            }
        };
    }

    static final class JsonErrorResolver extends ExceptionHandlerExceptionResolver {

        @Override
        protected @Nullable ModelAndView doResolveHandlerMethodException(HttpServletRequest request,
                HttpServletResponse response, @Nullable HandlerMethod handlerMethod, Exception exception) {
            return super.doResolveHandlerMethodException(ApiPaths.isApi(request) ? new AcceptsJson(request) : request,
                    response, handlerMethod, exception);
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
