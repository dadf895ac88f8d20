package org.perinatalequity.reference;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.perinatalequity.security.SystemCaller;
import org.perinatalequity.system.CommandLine;

import org.springframework.stereotype.Component;

/** {@code reference PATH...}: loads postcode directory, IMD and GP-PCN files (layout from the header). */
@Component
class ReferenceCommand implements CommandLine.Command {

    private final ReferenceService referenceService;

    ReferenceCommand(ReferenceService referenceService) {
        this.referenceService = referenceService;
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public String usage() {
        return "reference PATH...   (PATH: a file, folder or .zip of ONSPD/NSPL, IoD File 7, GP-PCN, LSOA lookup,"
                + " neighbourhood or boundary files: GeoJSON, GeoPackage)";
    }

    @Override
    public int run(List<String> arguments, Map<String, String> options, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            err.println("reference needs at least one PATH.");
            err.println("Usage: " + usage());
            return CommandLine.USAGE;
        }
        try {
            // The command line is a system caller (see IngestCommand).
            ReferenceReport report = SystemCaller.call(() -> referenceService.load(
                    arguments.stream().map(Path::of).toList(), "cli:" + System.getProperty("user.name")));
            for (ReferenceReport.LoadedFile f : report.files()) {
                out.printf("Loaded %s: %s, %d rows%n", f.file(), f.layout(), f.rows());
            }
            report.rejects().forEach(r -> out.println("Rejected: " + r));
            report.warnings().forEach(w -> out.println("Warning: " + w));
            return CommandLine.OK;
        } catch (ReferenceRefusedException e) {
            err.println("Refused: " + e.getMessage());
            return CommandLine.REFUSED;
        }
    }
}
