package org.perinatalequity.system;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * {@code rebuild}: rebuilds every derived table from the loaded records and reference data, whatever the inputs
 * hash says. For an operator who doubts the derived data (after restoring a backup, or to compare with what a load
 * left), and the reference the tests hold later refreshes to: a rebuild gives the tables every refresh must give.
 */
@Component
class RebuildCommand implements CommandLine.Command {

    private final DerivedDataRefresher refresher;

    RebuildCommand(DerivedDataRefresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public String name() {
        return "rebuild";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public String usage() {
        return "rebuild   (rebuilds every derived table: latest record versions, measure facts, data-quality items)";
    }

    @Override
    public int run(List<String> arguments, Map<String, String> options, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty()) {
            err.println("rebuild takes no arguments, found: " + String.join(" ", arguments));
            err.println("Usage: " + usage());
            return CommandLine.USAGE;
        }
        long started = System.nanoTime();
        long version = refresher.rebuildAll();
        out.printf("Rebuilt the derived data: %d steps in %d ms (data version %d)%n", refresher.stepCount(),
                (System.nanoTime() - started) / 1_000_000, version);
        return CommandLine.OK;
    }
}
