package org.perinatalequity.board;

import java.io.OutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;

import org.perinatalequity.breakdown.BreakdownService;
import org.perinatalequity.security.AccessPolicy;
import org.perinatalequity.security.Roles;

/**
 * The board overview's figures: the key measures ({@link BoardMeasures}) grouped by the plan priority they track,
 * each with where it stands ({@link MeasureStatus}), and the summary matrix worded from them. Always suppressed.
 */
@Service
public class BoardService {

    private final BreakdownService breakdowns;
    private final BoardPackService packs;
    private final AccessPolicy policy;

    BoardService(BreakdownService breakdowns, BoardPackService packs, AccessPolicy policy) {
        this.breakdowns = breakdowns;
        this.packs = packs;
        this.policy = policy;
    }

    /** The PDF board pack is for the board, analysts and administrators (not team users). */
    public boolean mayDownloadPack() {
        return policy.hasRole(Roles.BOARD) || policy.hasRole(Roles.ANALYST) || policy.hasRole(Roles.ADMIN);
    }

    /** The board pack for a month ({@link BoardPackService#write}). */
    public void writePack(YearMonth period, OutputStream out) {
        packs.write(period, out);
    }

    /** Plan item (the measure's first) → its key measures, in the order the board reads them. */
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.BOARD, Roles.TEAM })
    public Map<String, List<MeasureStatus>> byPriority() {
        // Every card of the board, and so the summary matrix worded from them, from one data version.
        return breakdowns.inOneVersion(() -> {
            Map<String, List<MeasureStatus>> byPriority = new LinkedHashMap<>();
            for (String id : BoardMeasures.KEY) {
                MeasureStatus status = MeasureStatus.of(breakdowns, id);
                List<String> plan = status.measure().planItems();
                String priority = plan == null || plan.isEmpty() ? "Other measures" : plan.get(0);
                byPriority.computeIfAbsent(priority, k -> new ArrayList<>()).add(status);
            }
            return byPriority;
        });
    }

    /** One matrix line per measure, in board order. */
    public static List<BoardSummary> summary(Map<String, List<MeasureStatus>> byPriority) {
        return byPriority.values().stream().flatMap(List::stream).map(BoardSummary::of).toList();
    }
}
