package org.perinatalequity.workforce;

import java.util.List;

/** Reads the workforce tables (its SQL is in workforce.query). */
public interface WorkforceQuery {

    /** The WRES years with a workforce submission, oldest first. */
    List<String> years();

    /** One WRES year of every organisation, the staff selected by the settings' maternity and neonatal rule. */
    WorkforceData year(String year, WorkforceSettings settings);
}
