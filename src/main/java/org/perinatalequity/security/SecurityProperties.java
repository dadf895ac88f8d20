package org.perinatalequity.security;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in, bound from {@code equity.security.*} (docs/security.md).
 *
 * @param usersFile CSV of the embedded user store; none by default
 * @param lockout brute-force lockout
 * @param oidc how an OpenID Connect provider's claims become roles and teams
 * @param basicCache the in-memory cache of verified HTTP Basic credentials of the API
 */
@ConfigurationProperties("equity.security")
public record SecurityProperties(Path usersFile, @DefaultValue Lockout lockout, @DefaultValue Oidc oidc,
        @DefaultValue BasicCache basicCache) {

    /**
     * Verified HTTP Basic credentials kept in memory ({@link BasicCredentialCache}).
     *
     * @param ttl how long a verified (or refused) user name and password are remembered; 0 turns the cache off
     * @param maxEntries most credentials remembered at once (each table)
     * @param maxFailuresPerClient failed API sign-ins from one address within {@code ttl} after which its further
     *        unverified attempts are refused without a password check
     */
    public record BasicCache(@DefaultValue("5m") Duration ttl, @DefaultValue("10000") int maxEntries,
            @DefaultValue("50") int maxFailuresPerClient) {
    }

    /**
     * @param maxFailures failed logins of one username within {@code window} that lock it
     * @param window how far back failures count
     * @param duration how long the username stays locked
     */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration duration) {
    }

    /**
     * @param registrationId the {@code spring.security.oauth2.client.registration.<id>} to offer on the login page
     * @param loginLabel text of the login page's button for it
     * @param rolesClaim claim holding role names (a list or a space-separated string)
     * @param teamsClaim claim holding TeamLocalIDs
     * @param usernameClaim claim used as the user name in the audit log
     */
    public record Oidc(String registrationId, @DefaultValue("Sign in with your organisation account") String loginLabel,
            @DefaultValue("roles") String rolesClaim, @DefaultValue("teams") String teamsClaim,
            @DefaultValue("preferred_username") String usernameClaim) {
    }
}
