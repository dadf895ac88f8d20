package org.perinatalequity.system.api;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's 405, 415 and 406 as {@code {"error","detail"}} JSON. Spring raises these while it looks for a handler,
 * before any controller is chosen, so this advice names no package (an advice restricted to packages does not apply
 * when there is no handler); outside {@code /api/**} it hands the exception back to Spring's default handling
 * (rethrowing the original exception is how an exception handler declines).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRequestErrors {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!ApiPaths.isApi(request)) {
            throw e;
        }
        Set<HttpMethod> allowed = e.getSupportedHttpMethods() == null ? Set.of() : e.getSupportedHttpMethods();
        String methods = allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", "));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(allowed.toArray(HttpMethod[]::new))
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("method_not_allowed", request.getMethod() + " is not allowed on "
                        + ApiPaths.path(request) + (methods.isEmpty() ? "" : "; allowed: " + methods)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!ApiPaths.isApi(request)) {
            throw e;
        }
        List<MediaType> supported = e.getSupportedMediaTypes();
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .contentType(MediaType.APPLICATION_JSON);
        if (!supported.isEmpty()) {
            answer.header(HttpHeaders.ACCEPT, MediaType.toString(supported));
        }
        return answer.body(new ApiError("unsupported_media_type", "Content type '"
                + (e.getContentType() == null ? "none" : e.getContentType()) + "' is not accepted by "
                + request.getMethod() + " " + ApiPaths.path(request)
                + (supported.isEmpty() ? "" : "; send " + MediaType.toString(supported))));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (!ApiPaths.isApi(request)) {
            throw e;
        }
        List<MediaType> supported = e.getSupportedMediaTypes();
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("not_acceptable", request.getMethod() + " " + ApiPaths.path(request)
                        + " cannot answer '" + request.getHeader(HttpHeaders.ACCEPT) + "'"
                        + (supported.isEmpty() ? "" : "; it answers " + MediaType.toString(supported))
                        + " (see /api/openapi; CSV with ?format=csv where offered)"));
    }
}
