package org.perinatalequity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-in events into the audit log and the lockout counter. A UI sign-in (form or OpenID Connect) is
 * one "login" event; API requests authenticate on every call, so their successes are not logged one by
 * one (what they do, such as an ingest or an export, is), but their failures are, and they count
 * towards the lockout like any other.
 */
@Component
class AuthenticationAudit implements LogoutHandler {

    private final AuditService audit;
    private final LoginAttempts attempts;

    AuthenticationAudit(AuditService audit, LoginAttempts attempts) {
        this.audit = audit;
        this.attempts = attempts;
    }

    @EventListener
    void interactiveLogin(InteractiveAuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        audit.recordAs(authentication.getName(), AuditService.LOGIN, "ui", "from " + remoteAddress(),
                null, AuditService.Outcome.success);
    }

    @EventListener
    void authenticated(AuthenticationSuccessEvent event) {
        attempts.succeeded(event.getAuthentication().getName());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        if (event.getException() instanceof LockedException) {
            audit.recordAs(username, AuditService.LOGIN_FAILED, channel(), "refused: the username is locked, from "
                    + remoteAddress(), null, AuditService.Outcome.denied);
            return;
        }
        boolean lockedNow = attempts.failed(username);
        audit.recordAs(username, AuditService.LOGIN_FAILED, channel(), "wrong username or password, from "
                + remoteAddress(), null, AuditService.Outcome.failure);
        if (lockedNow) {
            audit.recordAs(username, AuditService.ACCOUNT_LOCKED, channel(), "too many failed sign-ins", null,
                    AuditService.Outcome.denied);
        }
    }

    /** Called by Spring Security's logout, and by Vaadin's when the user presses "Sign out". */
    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null) {
            audit.recordAs(authentication.getName(), AuditService.LOGOUT, "ui", null, null,
                    AuditService.Outcome.success);
        }
    }

    private static String channel() {
        HttpServletRequest request = request();
        return request != null && request.getRequestURI().contains("/api/") ? "api" : "ui";
    }

    private static String remoteAddress() {
        HttpServletRequest request = request();
        return request == null ? "unknown address" : request.getRemoteAddr();
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
