package org.perinatalequity.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} for scripts (R, Python): the token's SHA-256 is looked up in
 * the users file, so the file never holds a usable token. Per request, like HTTP Basic; a wrong token
 * is a 401 and an audited failed sign-in.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final UserDirectory users;
    private final AuthenticationEntryPoint entryPoint;
    private final AuditService audit;

    BearerTokenFilter(UserDirectory users, AuthenticationEntryPoint entryPoint, AuditService audit) {
        this.users = users;
        this.entryPoint = entryPoint;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(PREFIX.length()).strip();
        Optional<UserDetails> user = token.isEmpty() ? Optional.empty() : users.findByToken(token);
        if (user.isEmpty()) {
            audit.recordAs("bearer token", AuditService.LOGIN_FAILED, request.getMethod() + " " + request.getRequestURI(),
                    "unknown API token from " + request.getRemoteAddr(), null, AuditService.Outcome.failure);
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown API token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.get().getUsername(), null,
                user.get().getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
