package org.perinatalequity.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Service-level checks ({@code @RolesAllowed} on IngestService, ReferenceService and the board services) in
 * every context, the command line included: that is why the command line runs its loads through
 * {@link SystemCaller}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(jsr250Enabled = true)
class MethodSecurityConfiguration {

    /** BCrypt, the hash the users file holds (docs/security.md shows how to make one). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
