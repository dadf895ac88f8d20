package org.perinatalequity.security;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The demo user names for the login page: none outside the demo profile. */
@Component
public class DemoAccounts {

    /** Null outside the demo profile. */
    private final @Nullable DemoUsers demoUsers;

    DemoAccounts(ObjectProvider<DemoUsers> demoUsers) {
        this.demoUsers = demoUsers.getIfAvailable();
    }

    public List<String> userNames() {
        if (demoUsers == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(List.of("analyst", "board", "admin"));
        demoUsers.teams().forEach(t -> names.add(DemoUsers.TEAM_PREFIX + t));
        return names;
    }
}
