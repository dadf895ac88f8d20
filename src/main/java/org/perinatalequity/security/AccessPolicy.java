package org.perinatalequity.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * The role rules of DESIGN.md section 6 for the current caller, for services to call before they
 * answer (the filter chain and the views' annotations are the outer doors; this is the inner one, so a
 * new entry point cannot forget a rule). Refusals throw Spring's {@link AccessDeniedException}, which
 * the API turns into a JSON 403 and the UI into its access-denied page.
 */
@Component
public class AccessPolicy {

    private final SecurityContextHolderStrategy holder;

    /**
     * The application's own holder strategy, the one its filter chain and method security write to; the static
     * holder can be another application context's when several run in one JVM (tests). The command line runs
     * without the web security configuration, so without that bean: it uses the static holder.
     */
    @Autowired
    AccessPolicy(ObjectProvider<SecurityContextHolderStrategy> holder) {
        this.holder = holder.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Outside Spring (unit tests): Spring Security's static holder. */
    public AccessPolicy() {
        this.holder = SecurityContextHolder.getContextHolderStrategy();
    }

    /** The signed-in user's name, {@value SystemCaller#NAME} for system work, empty when nobody is signed in. */
    public Optional<String> userName() {
        return authentication().map(Authentication::getName);
    }

    public boolean hasRole(String role) {
        return authorities().contains(Roles.authority(role));
    }

    /** The user store's roles of the caller (without the ROLE_ prefix), sorted. */
    public Set<String> roles() {
        Set<String> roles = new TreeSet<>();
        for (String authority : authorities()) {
            if (authority.startsWith("ROLE_")) {
                roles.add(authority.substring("ROLE_".length()));
            }
        }
        return roles;
    }

    /** The TeamLocalIDs a TEAM user is bound to; empty for every other caller. */
    public Set<String> teams() {
        Set<String> teams = new TreeSet<>();
        if (hasRole(Roles.TEAM)) {
            for (String authority : authorities()) {
                if (authority.startsWith(Roles.TEAM_AUTHORITY_PREFIX)) {
                    teams.add(authority.substring(Roles.TEAM_AUTHORITY_PREFIX.length()));
                }
            }
        }
        return teams;
    }

    /** Refuses unless the caller has at least one of the roles. */
    public void requireRole(String... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(this::hasRole)) {
            throw new AccessDeniedException("This needs the role " + String.join(" or ", anyOf));
        }
    }

    /** Only an ANALYST may ask for numbers without disclosure control (BOARD never, whatever it sends). */
    public boolean mayDisableSuppression() {
        return hasRole(Roles.ANALYST) && !hasRole(Roles.BOARD);
    }

    /** Record-level data of any team: an ANALYST who also holds RECORD_ACCESS. */
    public boolean canSeeRecords() {
        return hasRole(Roles.ANALYST) && hasRole(Roles.RECORD_ACCESS);
    }

    /**
     * Record-level data (a worklist) of one team: a TEAM user bound to that team, or an ANALYST with
     * RECORD_ACCESS. Every such view must also be audited ({@link AuditService#recordView}).
     */
    public boolean canSeeTeamRecords(String teamId) {
        return canSeeRecords() || (teamId != null && hasRole(Roles.TEAM) && teams().contains(teamId));
    }

    /** Ingestion and reference loads: ADMIN, or the application itself (see {@link SystemCaller}). */
    public boolean mayLoadData() {
        return hasRole(Roles.ADMIN) || hasRole(Roles.SYSTEM);
    }

    private Optional<Authentication> authentication() {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication);
    }

    private Set<String> authorities() {
        Collection<? extends GrantedAuthority> granted = authentication().map(Authentication::getAuthorities)
                .orElse(Set.of());
        Set<String> names = new TreeSet<>();
        granted.forEach(a -> names.add(a.getAuthority()));
        return names;
    }
}
