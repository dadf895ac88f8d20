package org.perinatalequity.workforce.query;

import java.time.LocalDate;
import java.util.List;

import org.perinatalequity.workforce.WorkforceData;
import org.perinatalequity.workforce.WorkforceQuery;
import org.perinatalequity.workforce.WorkforceData.BoardMember;
import org.perinatalequity.workforce.WorkforceData.StaffEvent;
import org.perinatalequity.workforce.WorkforceData.StaffMember;
import org.perinatalequity.workforce.WorkforceData.SurveyResult;
import org.perinatalequity.workforce.WorkforceSettings;
import org.perinatalequity.workforce.WresCell;
import org.perinatalequity.workforce.WresGroup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one WRES year of the workforce tables (db/160-workforce.sql). The maternity and neonatal rule of the settings
 * arrives as bound patterns; the year is a bound value.
 */
@Component
class JdbcWorkforceQuery implements WorkforceQuery {

    private final JdbcClient jdbc;

    JdbcWorkforceQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> years() {
        return jdbc.sql("SELECT DISTINCT year FROM v_wrk_submission ORDER BY year").query(String.class).list();
    }

    @Override
    public WorkforceData year(String year, WorkforceSettings settings) {
        return new WorkforceData(year, staff(year, settings), events(year), survey(year), board(year),
                aggregate(year), promotions(year));
    }

    @Override
    public List<String> birthYears() {
        return jdbc.sql("""
                SELECT DISTINCT wres_year(m::DATE) AS year
                FROM (SELECT unnest(generate_series(rp_start, rp_end, INTERVAL 1 MONTH)) AS m
                      FROM main.submission WHERE dataset = 'MSDS')
                ORDER BY year""").query(String.class).list();
    }

    @Override
    public List<String> mvpMembers(LocalDate on) {
        return jdbc.sql("""
                SELECT arg_max(ethnic_category, joined) FROM ref_mvp_member
                WHERE joined <= ? AND (left_on IS NULL OR left_on > ?)
                GROUP BY member_key ORDER BY member_key""")
                .params(on, on).query((rs, i) -> rs.getString(1)).list();
    }

    /**
     * One row per person with a selected assignment (maternity or neonatal by area of work or occupation code, not
     * bank) during the year: in post when an assignment spans the snapshot; the highest band of the assignments in post.
     */
    private List<StaffMember> staff(String year, WorkforceSettings settings) {
        return jdbc.sql("""
                WITH a AS (
                  SELECT w.provider, w.StaffId, w.EthnicCategory, w.PayBand, w.StaffGroup,
                         w.StartDate <= s.rp_end AND (w.LeavingDate IS NULL OR w.LeavingDate > s.rp_end) AS in_post,
                         w.StartDate <= s.rp_end AND (w.LeavingDate IS NULL OR w.LeavingDate >= s.rp_start) AS in_year
                  FROM internal.wrk001 w JOIN v_wrk_submission s USING (submission_id)
                  WHERE s.year = ? AND w.AssignmentCategory <> 'Bank'
                    AND (regexp_matches(lower(coalesce(w.AreaOfWork, '')), ?)
                         OR regexp_full_match(coalesce(w.OccupationCode, ''), ?)))
                SELECT provider, StaffId, max(EthnicCategory) AS ethnic,
                       coalesce(arg_max(PayBand, wres_band_rank(PayBand)) FILTER (WHERE in_post),
                                arg_max(PayBand, wres_band_rank(PayBand))) AS band,
                       coalesce(arg_max(StaffGroup, wres_band_rank(PayBand)) FILTER (WHERE in_post),
                                arg_max(StaffGroup, wres_band_rank(PayBand))) AS staff_group,
                       bool_or(in_post) AS in_post
                FROM a GROUP BY provider, StaffId HAVING bool_or(in_year)
                ORDER BY provider, StaffId""")
                .params(year, settings.areaPattern(), settings.occupationPattern())
                .query((rs, i) -> new StaffMember(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    private List<StaffEvent> events(String year) {
        return jdbc.sql("""
                SELECT e.provider, e.PersonId, e.EventType, e.EventDate, e.EthnicCategory, e.PayBand
                FROM internal.wrk101 e JOIN v_wrk_submission s USING (submission_id)
                WHERE s.year = ? AND e.EventDate BETWEEN s.rp_start AND s.rp_end
                ORDER BY e.provider, e.line""")
                .param(year).query((rs, i) -> event(rs)).list();
    }

    /** Promotions of every loaded year: a promotion after a programme may fall in the next year's submission. */
    private List<StaffEvent> promotions(String year) {
        return jdbc.sql("""
                SELECT e.provider, e.PersonId, e.EventType, e.EventDate, e.EthnicCategory, e.PayBand
                FROM internal.wrk101 e
                WHERE e.EventType = 'promotion' AND e.provider IN (SELECT provider FROM v_wrk_submission WHERE year = ?)
                ORDER BY e.provider, e.EventDate""")
                .param(year).query((rs, i) -> event(rs)).list();
    }

    private static StaffEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StaffEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getString(6));
    }

    private List<SurveyResult> survey(String year) {
        return jdbc.sql("""
                SELECT r.provider, r.Indicator, r.EthnicGroup, r.Percentage, r.Respondents
                FROM internal.wrk201 r JOIN v_wrk_submission s USING (submission_id)
                WHERE s.year = ? AND r.Percentage <= 100
                ORDER BY r.provider, r.line""")
                .param(year).query((rs, i) -> new SurveyResult(rs.getString(1), Integer.parseInt(rs.getString(2)),
                        WresGroup.ofLabel(rs.getString(3)), rs.getDouble(4), rs.getInt(5)))
                .list();
    }

    private List<BoardMember> board(String year) {
        return jdbc.sql("""
                SELECT b.provider, b.MemberId, b.EthnicCategory, b.Voting = 'Y'
                FROM internal.wrk301 b JOIN v_wrk_submission s USING (submission_id)
                WHERE s.year = ? ORDER BY b.provider, b.line""")
                .param(year).query((rs, i) -> new BoardMember(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4)))
                .list();
    }

    /**
     * The aggregate returns of organisations that sent no staff records: a survey row's numerator is its percentage
     * of its respondents when only the percentage was sent; indicator 1 rows need their band.
     */
    private List<WresCell> aggregate(String year) {
        return jdbc.sql("""
                SELECT r.Indicator, r.EthnicGroup, r.Band,
                       coalesce(r.Numerator, r.Percentage / 100 * r.Denominator) AS numerator, r.Denominator
                FROM internal.wrk401 r JOIN v_wrk_submission s USING (submission_id)
                WHERE s.year = ? AND NOT s.staff_level
                  AND coalesce(r.Numerator, r.Percentage / 100 * r.Denominator) IS NOT NULL
                  AND (r.Indicator <> '1' OR r.Band IS NOT NULL)
                ORDER BY r.provider, r.line""")
                .param(year).query((rs, i) -> new WresCell(Integer.parseInt(rs.getString(1)),
                        WresGroup.ofLabel(rs.getString(2)), rs.getString(3), rs.getDouble(4),
                        (Double) rs.getObject(5)))
                .list();
    }
}
