package org.perinatalequity.demodata;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.perinatalequity.system.CommandLine;

import org.springframework.stereotype.Component;

/** {@code demo-data [--births N] [--seed S] [--out DIR]}: writes a synthetic LLR-like extract set. */
@Component
class DemoDataCommand implements CommandLine.Command {

    @Override
    public String name() {
        return "demo-data";
    }

    @Override
    public Set<String> options() {
        return Set.of("births", "seed", "out");
    }

    @Override
    public String usage() {
        return "demo-data [--births N] [--seed S] [--out DIR]   (defaults: " + DemoDataGenerator.DEFAULT_BIRTHS
                + " births, seed " + DemoDataGenerator.DEFAULT_SEED + ", ./" + DemoDataGenerator.DEFAULT_OUT + ")";
    }

    @Override
    public int run(List<String> arguments, Map<String, String> options, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty()) {
            err.println("demo-data takes no PATH; use --out DIR.");
            err.println("Usage: " + usage());
            return CommandLine.USAGE;
        }
        int births;
        long seed;
        try {
            births = Integer.parseInt(options.getOrDefault("births", String.valueOf(DemoDataGenerator.DEFAULT_BIRTHS)));
            seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(DemoDataGenerator.DEFAULT_SEED)));
        } catch (NumberFormatException e) {
            err.println("--births and --seed must be whole numbers: " + e.getMessage());
            err.println("Usage: " + usage());
            return CommandLine.USAGE;
        }
        if (births < 1) {
            err.println("--births must be at least 1");
            return CommandLine.USAGE;
        }
        Path outDir = Path.of(options.getOrDefault("out", DemoDataGenerator.DEFAULT_OUT));
        DemoDataSummary summary = new DemoDataGenerator().generate(outDir, births, seed);
        out.printf("Wrote %d births (seed %d) to %s%n", summary.births(), summary.seed(), summary.outDir());
        new TreeMap<>(summary.rowCounts()).forEach((table, rows) -> out.printf("  %s  %d rows%n", table, rows));
        return CommandLine.OK;
    }
}
