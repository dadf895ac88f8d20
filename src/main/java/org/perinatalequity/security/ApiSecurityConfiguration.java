package org.perinatalequity.security;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The filter chain of {@code /api/**}, ahead of the UI's: stateless HTTP Basic or bearer token, no
 * session cookie, no CSRF (there is no browser session for a forged request to ride on), JSON 401/403,
 * and a role for every path; a path not listed here is refused (403 to anyone signed in, deny by default), an
 * unknown path under a listed one is a JSON 404 and a wrong method a JSON 405 (docs/api.md, docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class ApiSecurityConfiguration {

    /** The API answers data, never pages: nothing in it may run or be framed. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private static final String[] ANY_ROLE = { Roles.ANALYST, Roles.TEAM, Roles.BOARD, Roles.ADMIN };

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, UserDirectory users, AuditService audit,
            ObjectMapper objectMapper, PasswordEncoder passwordEncoder, LoginAttempts attempts,
            SecurityProperties properties, ObjectProvider<AuthenticationEventPublisher> events) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors(objectMapper, audit);
        // HTTP Basic verifies BCrypt once per credential and time, not once per request (BasicCredentialCache).
        DaoAuthenticationProvider verifier = new DaoAuthenticationProvider(users);
        verifier.setPasswordEncoder(passwordEncoder);
        ProviderManager basicSignIn = new ProviderManager(new BasicCredentialCache(verifier, users, attempts,
                properties.basicCache()));
        // The sign-in events feed the audit log and the lockout (AuthenticationAudit), as before.
        events.ifAvailable(basicSignIn::setAuthenticationEventPublisher);
        http.authenticationManager(basicSignIn);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        // Paths, not path and method: a wrong method of a permitted path is then an honest 405.
                        .requestMatchers("/api/ingest").hasAnyRole(Roles.ADMIN, Roles.WORKFORCE)
                        .requestMatchers("/api/reference/**", "/api/audit/**", "/api/users/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/stats/**").hasAnyRole(ANY_ROLE)
                        .requestMatchers("/api/measures", "/api/measures/**", "/api/dimensions").hasAnyRole(ANY_ROLE)
                        .requestMatchers("/api/openapi", "/api/openapi/**").hasAnyRole(ANY_ROLE)
                        // Aggregates and a register of public services: every role that reads breakdowns
                        .requestMatchers("/api/neighbourhoods/**", "/api/assets").hasAnyRole(ANY_ROLE)
                        // Worklists are record level: the quality service checks the team binding or RECORD_ACCESS.
                        .requestMatchers("/api/quality/worklist", "/api/quality/worklist/**")
                        .hasAnyRole(Roles.TEAM, Roles.ANALYST)
                        .requestMatchers("/api/quality", "/api/quality/**").hasAnyRole(ANY_ROLE)
                        // Staff-level workforce data is HR's: the WORKFORCE role only (it also loads it, /api/ingest).
                        .requestMatchers("/api/workforce/staff").hasRole(Roles.WORKFORCE)
                        .requestMatchers("/api/workforce/**").hasAnyRole(Roles.ANALYST, Roles.TEAM, Roles.BOARD,
                                Roles.ADMIN, Roles.WORKFORCE)
                        .requestMatchers("/api/board/pack.pdf")
                        .hasAnyRole(Roles.BOARD, Roles.ANALYST, Roles.ADMIN)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName(JsonSecurityErrors.REALM).authenticationEntryPoint(errors))
                .addFilterBefore(new BearerTokenFilter(users, errors, audit), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(headers -> SecurityConfiguration.securityHeaders(headers, API_CSP));
        return http.build();
    }
}
