package org.perinatalequity.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no web user asked for (the command line, the inbox watcher, the first-start sample
 * load) as the SYSTEM role. The bypass is explicit at each call site, so a service guarded for ADMIN
 * still refuses every other unauthenticated caller. The previous security context comes back afterwards.
 */
public final class SystemCaller {

    /** The user name system work is logged under. */
    public static final String NAME = "system";

    private SystemCaller() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                List.of(new SimpleGrantedAuthority(Roles.authority(Roles.SYSTEM)))));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
