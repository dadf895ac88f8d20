package org.perinatalequity.ingest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.perinatalequity.security.SystemCaller;
import org.perinatalequity.system.CommandLine;

import org.springframework.stereotype.Component;

/** {@code ingest PATH... [--report FILE]}: loads extracts into a database no server holds. */
@Component
class IngestCommand implements CommandLine.Command {

    private final IngestService ingestService;
    private final ObjectMapper objectMapper;

    IngestCommand(IngestService ingestService, ObjectMapper objectMapper) {
        this.ingestService = ingestService;
        this.objectMapper = objectMapper;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public Set<String> options() {
        return Set.of("report");
    }

    @Override
    public String usage() {
        return "ingest PATH... [--report FILE]   (PATH: a folder or .zip of MSDS CSV files, one per table)";
    }

    @Override
    public int run(List<String> arguments, Map<String, String> options, PrintStream out, PrintStream err)
            throws Exception {
        if (arguments.isEmpty()) {
            err.println("ingest needs at least one PATH.");
            err.println("Usage: " + usage());
            return CommandLine.USAGE;
        }
        List<Path> paths = arguments.stream().map(Path::of).toList();
        // Whoever can run the jar on the server owns the database file anyway: the command line is a system caller.
        IngestReport report = SystemCaller.call(() -> ingestService.ingest(paths,
                new IngestService.Requester("cli:" + System.getProperty("user.name"), "cli")));
        for (IngestReport.Submission s : report.submissions()) {
            if (s.status() == IngestReport.Status.loaded) {
                out.printf("Loaded %s: %s %s to %s%n", s.path(), s.provider(), s.periodStart(), s.periodEnd());
                for (IngestReport.TableCount t : s.tables()) {
                    out.printf("  %s  read %d  loaded %d  rejected %d%n", t.table(), t.read(), t.loaded(), t.rejected());
                }
            } else {
                err.printf("Refused %s: %s%n", s.path(), s.message());
            }
        }
        out.printf("%d reject(s), %d warning(s)%s%n", report.rejects().size(), report.warnings().size(),
                options.containsKey("report") ? "; report written to " + options.get("report") : "");
        if (options.containsKey("report")) {
            Files.writeString(Path.of(options.get("report")),
                    objectMapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        }
        return report.allLoaded() ? CommandLine.OK : CommandLine.REFUSED;
    }
}
