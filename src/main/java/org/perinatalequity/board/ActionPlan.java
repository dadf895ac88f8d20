package org.perinatalequity.board;

import java.time.YearMonth;
import java.util.List;

/**
 * The equity and equality action plan as read from its data file (docs/action-plan.md): priorities in file order,
 * each with its interventions.
 *
 * @param source the file the plan came from, for the page to say so
 */
public record ActionPlan(String source, List<Priority> priorities) {

    public record Priority(String id, String name, List<Intervention> interventions) {
    }

    /**
     * One intervention. {@code measures} are catalogue ids (checked when the file is read) and may be empty when no
     * measure tracks it yet, which the page says rather than hides.
     */
    public record Intervention(String id, String title, String lead, YearMonth start, YearMonth due,
            DeliveryStatus status, String focus, List<String> measures) {
    }

    /** How delivery of an intervention stands, as the plan's owners report it (not computed from the data). */
    public enum DeliveryStatus {
        NOT_STARTED("Not started"), IN_PROGRESS("In progress"), AT_RISK("At risk"), DELAYED("Delayed"),
        COMPLETE("Complete");

        private final String label;

        DeliveryStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The label as written in the file, ignoring case; null when it is none of them. */
        static DeliveryStatus fromLabel(String text) {
            for (DeliveryStatus s : values()) {
                if (s.label.equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
            return null;
        }
    }
}
