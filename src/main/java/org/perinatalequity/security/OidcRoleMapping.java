package org.perinatalequity.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * OpenID Connect sign-in (NHS login, Entra ID, Keycloak): the provider's claims become the same
 * authorities a users-file user has, so every check downstream is the same. Only the known roles are
 * taken; a user with none of them signs in to nothing but the "Your access" page.
 */
class OidcRoleMapping implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final SecurityProperties.Oidc settings;

    OidcRoleMapping(SecurityProperties.Oidc settings) {
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        List<GrantedAuthority> authorities = authorities(user.getClaims().get(settings.rolesClaim()),
                user.getClaims().get(settings.teamsClaim()));
        String nameClaim = user.getClaims().containsKey(settings.usernameClaim()) ? settings.usernameClaim() : "sub";
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
    }

    static List<GrantedAuthority> authorities(Object rolesClaim, Object teamsClaim) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = values(rolesClaim).stream().map(r -> r.toUpperCase(Locale.ROOT))
                .filter(Roles.USER_ROLES::contains).distinct().toList();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority(Roles.authority(r))));
        if (roles.contains(Roles.TEAM)) {
            values(teamsClaim).forEach(t -> authorities.add(new SimpleGrantedAuthority(Roles.TEAM_AUTHORITY_PREFIX + t)));
        }
        return authorities;
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(v -> values.add(String.valueOf(v).strip()));
        } else if (claim instanceof String text) {
            for (String word : text.split("[\\s,]+")) {
                values.add(word.strip());
            }
        }
        values.removeIf(String::isEmpty);
        return values;
    }
}
