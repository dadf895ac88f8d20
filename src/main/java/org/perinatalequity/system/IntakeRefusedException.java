package org.perinatalequity.system;

/** A delivery that breaks the rule of its {@link Intake.Mode}; the message says which file and why. */
public class IntakeRefusedException extends RuntimeException {

    public IntakeRefusedException(String message) {
        super(message);
    }
}
