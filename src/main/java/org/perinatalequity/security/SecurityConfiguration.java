package org.perinatalequity.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.DispatcherType;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The filter chain of the Vaadin UI, everything outside {@code /api/**} (which
 * {@link ApiSecurityConfiguration} takes first): form login on the {@link LoginPage} (or OpenID Connect when
 * configured), Vaadin's own CSRF protection, and view access by each view's {@code @RolesAllowed}; a
 * view without an annotation is refused (docs/security.md).
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
    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, AuthenticationAudit authenticationAudit,
            SecurityProperties properties, LoginPage loginPage, ObjectProvider<ClientRegistrationRepository> oidcClients)
            throws Exception {
        // Spring Boot's error page (a JSON body for non-browser clients) must not bounce to the login page.
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        http.with(vaadin(), vaadin -> vaadin.loginView(loginPage.view()).addLogoutHandler(authenticationAudit));
        if (oidcClients.getIfAvailable() != null) {
            // Beside the form: the login page shows a button for the provider (equity.security.oidc.*).
            http.oauth2Login(oidc -> oidc.loginPage("/" + loginPage.route())
                    .userInfoEndpoint(info -> info.oidcUserService(new OidcRoleMapping(properties.oidc()))));
        }
        http.headers(headers -> securityHeaders(headers, UI_CSP));
        return http.build();
    }

    /** CSP, no framing, no MIME sniffing, a same-origin referrer, and HSTS on HTTPS requests. */
    static void securityHeaders(HeadersConfigurer<HttpSecurity> headers, String csp) {
        headers.contentSecurityPolicy(policy -> policy.policyDirectives(csp))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // Spring writes HSTS on secure requests only, so plain-HTTP development is unaffected.
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }
}
