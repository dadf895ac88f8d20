package org.perinatalequity.quality;

/** A worklist asked for by a caller who may not see that team's women. */
public class WorklistAccessDeniedException extends RuntimeException {

    public WorklistAccessDeniedException(String team) {
        super("Not allowed to see the worklist of team '" + team + "'");
    }
}
