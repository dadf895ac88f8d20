package org.perinatalequity.workforce;

import java.util.List;

/** Reads the workforce tables (its SQL is in workforce.query). */
public interface WorkforceQuery {

    /** The WRES years with a workforce submission, oldest first. */
    List<String> years();

    /** One WRES year of every organisation, the staff selected by the settings' maternity and neonatal rule. */
    WorkforceData year(String year, WorkforceSettings settings);

    /** The WRES years any month of a maternity (MSDS) submission falls in: the years births can be compared in. */
    List<String> birthYears();

    /**
     * The ethnic category (null when not known) of each member of the Maternity Voices Partnership on a day: joined on
     * or before it and not left by it, each member once.
     */
    List<@org.jspecify.annotations.Nullable String> mvpMembers(java.time.LocalDate on);
}
