package org.perinatalequity.quality;

import java.util.Set;

/**
 * The teams whose record-level worklists a caller may see. The caller's layer decides (the API and the views from
 * the signed-in user's roles and teams); the service only enforces it, so the rule lives in one place per door.
 */
public record TeamAccess(boolean anyTeam, Set<String> teams) {

    public TeamAccess {
        teams = Set.copyOf(teams);
    }

    /** Analysts with record access. */
    public static TeamAccess everyTeam() {
        return new TeamAccess(true, Set.of());
    }

    /** A community team user bound to these TeamLocalIDs. */
    public static TeamAccess only(Set<String> teams) {
        return new TeamAccess(false, teams);
    }

    public boolean allows(String team) {
        return anyTeam || teams.contains(team);
    }
}
