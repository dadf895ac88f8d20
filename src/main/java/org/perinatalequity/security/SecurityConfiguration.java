package org.perinatalequity.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.DispatcherType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;

import org.perinatalequity.security.ui.LoginView;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains (docs/security.md). {@code /api/**} first: stateless HTTP Basic or bearer token,
 * no session cookie, no CSRF (no browser session to ride on), JSON 401/403, and a role for every path.
 * Everything else is the Vaadin UI: form login on the LoginView (or OpenID Connect when configured),
 * Vaadin's own CSRF protection, and view access by each view's {@code @RolesAllowed}; a view without
 * an annotation is refused. Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * Vaadin Flow evaluates JavaScript sent from the server ({@code new Function}, hence 'unsafe-eval')
     * and its bootstrap page and Lumo styles are inline ('unsafe-inline'); push and dev tools use a
     * same-origin WebSocket ('self' covers ws: and wss: of this origin). Images may be data: or blob:
     * URLs (icons, server-rendered charts). Nothing may frame the app.
     */
    static final String UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The API answers data, never pages: nothing in it may run or be framed. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private static final String[] ANY_ROLE = { Roles.ANALYST, Roles.TEAM, Roles.BOARD, Roles.ADMIN };

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, UserDirectory users, AuditService audit,
            ObjectMapper objectMapper) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors(objectMapper, audit);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/ingest").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/reference/**", "/api/audit/**", "/api/users/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/stats/**").hasAnyRole(ANY_ROLE)
                        .requestMatchers("/api/measures", "/api/measures/**", "/api/dimensions").hasAnyRole(ANY_ROLE)
                        // Worklists are record level: the quality service checks the team binding or RECORD_ACCESS.
                        .requestMatchers("/api/quality/worklist").hasAnyRole(Roles.TEAM, Roles.ANALYST)
                        .requestMatchers("/api/quality", "/api/quality/**").hasAnyRole(ANY_ROLE)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName(JsonSecurityErrors.REALM).authenticationEntryPoint(errors))
                .addFilterBefore(new BearerTokenFilter(users, errors, audit), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(headers -> securityHeaders(headers, API_CSP));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, AuthenticationAudit authenticationAudit,
            SecurityProperties properties, ObjectProvider<ClientRegistrationRepository> oidcClients) throws Exception {
        // Spring Boot's error page (a JSON body for non-browser clients) must not bounce to the login page.
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class).addLogoutHandler(authenticationAudit));
        if (oidcClients.getIfAvailable() != null) {
            // Beside the form: the login page shows a button for the provider (equity.security.oidc.*).
            http.oauth2Login(oidc -> oidc.loginPage("/" + LoginView.ROUTE)
                    .userInfoEndpoint(info -> info.oidcUserService(new OidcRoleMapping(properties.oidc()))));
        }
        http.headers(headers -> securityHeaders(headers, UI_CSP));
        return http.build();
    }

    /** CSP, no framing, no MIME sniffing, a same-origin referrer, and HSTS on HTTPS requests. */
    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers, String csp) {
        headers.contentSecurityPolicy(policy -> policy.policyDirectives(csp))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // Spring writes HSTS on secure requests only, so plain-HTTP development is unaffected.
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }
}
