package org.perinatalequity.board;

import java.util.List;

/** The action plan file cannot be used; every problem found names the file, line, column and value. */
public class ActionPlanException extends RuntimeException {

    private final List<String> problems;

    ActionPlanException(String file, List<String> problems) {
        super("The action plan file " + file + " cannot be used: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
