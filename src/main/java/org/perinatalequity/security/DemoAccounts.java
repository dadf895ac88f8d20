package org.perinatalequity.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The demo user names for the login page: none outside the demo profile. */
@Component
public class DemoAccounts {

    private final Optional<DemoUsers> demoUsers;

    DemoAccounts(ObjectProvider<DemoUsers> demoUsers) {
        this.demoUsers = Optional.ofNullable(demoUsers.getIfAvailable());
    }

    public List<String> userNames() {
        if (demoUsers.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(List.of("analyst", "board", "admin"));
        demoUsers.get().teams().forEach(t -> names.add(DemoUsers.TEAM_PREFIX + t));
        return names;
    }
}
