package org.perinatalequity.security;

import java.nio.file.Path;
import java.time.Duration;

import org.mockito.Mockito;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The real API filter chain and user store (the test users file) for {@code @WebMvcTest} slices:
 * {@code @Import(ApiSecuritySlice.class)}, then sign in with {@code httpBasic(TestUsers.X, TestUsers.PASSWORD)}.
 * The audit log is a mock, as a web slice has no database.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ApiSecurityConfiguration.class)
public class ApiSecuritySlice {

    @Bean
    SecurityProperties securityProperties() {
        return new SecurityProperties(Path.of("src/test/resources/security/test-users.csv"),
                new SecurityProperties.Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                new SecurityProperties.Oidc(null, "", "roles", "teams", "preferred_username"), new SecurityProperties.BasicCache(Duration.ofMinutes(5), 10_000, 50));
    }

    @Bean
    LoginAttempts loginAttempts(SecurityProperties properties) {
        return new LoginAttempts(properties);
    }

    @Bean
    UserDirectory userDirectory(SecurityProperties properties, ObjectProvider<DemoUsers> demoUsers,
            LoginAttempts attempts) {
        return new UserDirectory(properties, demoUsers, attempts);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuditService auditService() {
        return Mockito.mock(AuditService.class);
    }
}
