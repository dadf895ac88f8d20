package org.perinatalequity;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.server.VaadinServletRequest;
import com.github.mvysny.fakeservlet.FakeRequest;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.context.ApplicationContext;

/** The users of src/test/resources/security/test-users.csv, and signing in for Karibu view tests. */
public final class TestUsers {

    /** For {@code @SpringBootTest(properties = ...)}. */
    public static final String USERS_FILE = "equity.security.users-file=src/test/resources/security/test-users.csv";
    public static final String PASSWORD = "test-password";
    public static final String ANALYST_TOKEN = "analyst-api-token-for-tests";

    public static final String ADMIN = "test-admin";
    public static final String ANALYST = "test-analyst";
    public static final String ANALYST_AGGREGATES = "test-analyst-aggregates";
    public static final String BOARD = "test-board";
    public static final String TEAM = "test-team";
    public static final String TEAM_ID = "CITY-NORTH";

    private TestUsers() {
    }

    /**
     * Signs in for a Karibu test, after {@code MockVaadin.setup}: the Spring security context (which
     * services and the policy read) and the mock request's principal and roles (which Vaadin's view
     * access control reads, as the real servlet request would after Spring Security's filters).
     */
    public static void karibuLogin(String user, List<String> roles, List<String> teams) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        teams.forEach(t -> authorities.add(new SimpleGrantedAuthority("TEAM:" + t)));
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
                null, authorities);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roles.contains(role));
    }

    /**
     * Makes the test context's own holder strategy Spring Security's static one and returns the previous
     * one, for {@link #restoreStrategy}. Each test context installs its strategy statically when it starts,
     * so a Karibu test on a cached context would otherwise sign in through the holder of whichever context
     * started last, where its views' method security (which uses its own context's strategy) cannot see it.
     */
    public static SecurityContextHolderStrategy useStrategyOf(ApplicationContext context) {
        SecurityContextHolderStrategy previous = SecurityContextHolder.getContextHolderStrategy();
        SecurityContextHolder.setContextHolderStrategy(context.getBean(SecurityContextHolderStrategy.class));
        return previous;
    }

    public static void restoreStrategy(SecurityContextHolderStrategy previous) {
        SecurityContextHolder.setContextHolderStrategy(previous);
    }

    public static void karibuLogout() {
        SecurityContextHolder.clearContext();
    }
}
