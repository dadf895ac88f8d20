package org.perinatalequity.workforce;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the workforce tables hold for one WRES year, over every organisation: the staff-level rows (pseudonymised ids
 * only; maternity and neonatal, non-bank assignments as the settings select them) and the cells of the aggregate
 * returns of organisations that sent no staff records.
 */
public record WorkforceData(String year, List<StaffMember> staff, List<StaffEvent> events, List<SurveyResult> survey,
        List<BoardMember> board, List<WresCell> aggregate, List<StaffEvent> promotions) {

    /** One member of staff at the snapshot or during the year (the person, not the assignment). */
    public record StaffMember(String provider, String staffId, @Nullable String ethnicCategory, @Nullable String band,
            @Nullable String staffGroup, boolean inPost) {
    }

    /** One event dated in the year (promotions: of any year, for the months after a leadership programme). */
    public record StaffEvent(String provider, String personId, String type, LocalDate date,
            @Nullable String ethnicCategory, @Nullable String band) {
    }

    /** A published staff-survey result (indicators 5–8). */
    public record SurveyResult(String provider, int indicator, WresGroup group, double percentage, int respondents) {
    }

    /** A board member (indicator 9 counts voting members). */
    public record BoardMember(String provider, String memberId, @Nullable String ethnicCategory, boolean voting) {
    }
}
