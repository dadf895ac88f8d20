package org.perinatalequity.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.perinatalequity.system.api.ApiError;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's 401 and 403 as {@code {"error","detail"}} JSON, like every other API error: never the
 * login page, never HTML, never a stack trace. A refusal of a signed-in user is audited.
 */
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Perinatal Equity Dashboard";

    private final ObjectMapper objectMapper;
    private final AuditService audit;

    JsonSecurityErrors(ObjectMapper objectMapper, AuditService audit) {
        this.objectMapper = objectMapper;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, new ApiError("unauthorized",
                "Sign in with HTTP Basic (a user of the users file) or an API bearer token"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        audit.record(AuditService.ACCESS_DENIED, request.getMethod() + " " + request.getRequestURI(), null, null,
                AuditService.Outcome.denied);
        write(response, HttpServletResponse.SC_FORBIDDEN,
                new ApiError("forbidden", "Your role does not allow " + request.getMethod() + " " + request.getRequestURI()));
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), error);
    }
}
