package org.perinatalequity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The role rules of DESIGN.md section 6 as services meet them, and the CSV formula guard. */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(List<String> roles, String... teams) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        for (String team : teams) {
            authorities.add(new SimpleGrantedAuthority("TEAM:" + team));
        }
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("u", null, authorities));
    }

    @Test
    void onlyAnAnalystMaySwitchSuppressionOff() {
        signIn(List.of(Roles.ANALYST));
        assertThat(policy.mayDisableSuppression()).isTrue();
        for (String role : List.of(Roles.BOARD, Roles.TEAM, Roles.ADMIN, Roles.RECORD_ACCESS)) {
            signIn(List.of(role), "T1");
            assertThat(policy.mayDisableSuppression()).as(role).isFalse();
        }
        signIn(List.of(Roles.ANALYST, Roles.BOARD));
        assertThat(policy.mayDisableSuppression()).as("a board member stays suppressed").isFalse();
        SecurityContextHolder.clearContext();
        assertThat(policy.mayDisableSuppression()).isFalse();
    }

    @Test
    void teamRecordsAreOpenToTheirOwnTeamAndToAnalystsWithRecordAccessOnly() {
        signIn(List.of(Roles.TEAM), "CITY-NORTH");
        assertThat(policy.canSeeTeamRecords("CITY-NORTH")).isTrue();
        assertThat(policy.canSeeTeamRecords("CHARNWOOD")).isFalse();
        assertThat(policy.teams()).containsExactly("CITY-NORTH");

        signIn(List.of(Roles.ANALYST, Roles.RECORD_ACCESS));
        assertThat(policy.canSeeTeamRecords("CHARNWOOD")).isTrue();
        signIn(List.of(Roles.ANALYST));
        assertThat(policy.canSeeTeamRecords("CHARNWOOD")).isFalse();
        // A team binding without the TEAM role grants nothing.
        signIn(List.of(Roles.BOARD), "CHARNWOOD");
        assertThat(policy.canSeeTeamRecords("CHARNWOOD")).isFalse();
        signIn(List.of(Roles.ADMIN));
        assertThat(policy.canSeeTeamRecords("CHARNWOOD")).isFalse();
    }

    @Test
    void requireRoleRefusesOtherRolesAndNobody() {
        signIn(List.of(Roles.BOARD));
        assertThatThrownBy(() -> policy.requireRole(Roles.ADMIN, Roles.ANALYST)).isInstanceOf(AccessDeniedException.class);
        policy.requireRole(Roles.BOARD);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> policy.requireRole(Roles.BOARD)).isInstanceOf(AccessDeniedException.class);
        assertThat(policy.userName()).isEmpty();
    }

    @Test
    void systemCallerLoadsDataAndRestoresTheCallerAfterwards() {
        signIn(List.of(Roles.BOARD));
        assertThat(policy.mayLoadData()).isFalse();
        assertThat(SystemCaller.call(policy::mayLoadData)).isTrue();
        assertThat(policy.roles()).containsExactly(Roles.BOARD);
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreQuoted() {
        assertThat(List.of("=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx").stream().map(CsvSafety::neutralise))
                .containsExactly("'=1+1", "'+SUM(A1)", "'-2", "'@cmd", "'\tx", "'\rx");
        assertThat(CsvSafety.neutralise("CITY-NORTH")).isEqualTo("CITY-NORTH");
        assertThat(CsvSafety.neutralise("")).isEmpty();
    }

    @Test
    void auditTextLosesLineBreaksNhsNumbersAndInwardCodes() {
        assertThat(AuditService.clean("a\nuser=admin action=login")).isEqualTo("a user=admin action=login");
        assertThat(AuditService.clean("typed 943 476 5919 as name")).isEqualTo("typed [number removed] as name");
        assertThat(AuditService.clean("lives at LE1 5WW")).isEqualTo("lives at LE1 ***");
    }
}
