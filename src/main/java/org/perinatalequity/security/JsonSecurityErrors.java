package org.perinatalequity.security;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.perinatalequity.system.api.ApiError;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
        // Who (the signed-in caller), what (method and path, without the query, which may carry a team id only),
        // why (the rule that refused).
        audit.record(AuditService.ACCESS_DENIED, request.getMethod() + " " + request.getRequestURI(),
                why(e), null, AuditService.Outcome.denied);
        write(response, HttpServletResponse.SC_FORBIDDEN,
                new ApiError("forbidden", "Your role does not allow " + request.getMethod() + " " + request.getRequestURI()));
    }

    /** The service's own reason when it gave one; the filter chain's is only "Access Denied", so say whose roles. */
    private static String why(AccessDeniedException e) {
        String message = e.getMessage();
        String roles = java.util.Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
                .map(a -> a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(r -> r.startsWith("ROLE_")).map(r -> r.substring("ROLE_".length())).sorted()
                        .collect(Collectors.joining(" ")))
                .orElse("");
        String rule = message == null || message.isBlank() || message.equals("Access Denied")
                ? "the API's role rules refuse it" : message;
        return rule + " (roles: " + (roles.isEmpty() ? "none" : roles) + ")";
    }

    private void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), error);
    }
}
