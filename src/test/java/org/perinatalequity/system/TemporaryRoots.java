package org.perinatalequity.system;

import java.io.IOException;
import java.nio.file.Path;

/**
 * For tests outside this package that check no temporary copy is left: points {@link Intake} at a root of the test's
 * own (the default root is shared with every other process of the user) and puts the previous root back.
 */
public final class TemporaryRoots {

    private TemporaryRoots() {
    }

    /** Uses {@code root} for every temporary copy from now on; returns the root used until now. */
    public static Path use(Path root) throws IOException {
        Path previous = Intake.root();
        Intake.useRoot(Intake.ensurePrivateFolder(root));
        return previous;
    }
}
