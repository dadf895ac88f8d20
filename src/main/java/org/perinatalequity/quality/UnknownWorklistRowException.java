package org.perinatalequity.quality;

/** A status was given for a record and item that is not on the team's worklist. */
public class UnknownWorklistRowException extends RuntimeException {

    UnknownWorklistRowException(String team, String localPatientId, String item) {
        super("No record '" + localPatientId + "' with item '" + item + "' on team " + team + "'s worklist");
    }
}
