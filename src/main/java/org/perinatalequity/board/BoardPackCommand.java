package org.perinatalequity.board;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import org.perinatalequity.security.Roles;
import org.perinatalequity.system.CommandLine;

/**
 * {@code board-pack --period YYYY-MM --out FILE.pdf}: the monthly board pack from the command line. It runs with a
 * board member's rights (suppressed figures only), so the file is exactly what the board would download.
 */
@Component
class BoardPackCommand implements CommandLine.Command {

    private final BoardPackService packs;

    BoardPackCommand(BoardPackService packs) {
        this.packs = packs;
    }

    @Override
    public String name() {
        return "board-pack";
    }

    @Override
    public Set<String> options() {
        return Set.of("period", "out");
    }

    @Override
    public String usage() {
        return "board-pack --period YYYY-MM --out FILE.pdf";
    }

    @Override
    public int run(List<String> arguments, Map<String, String> options, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty() || !options.containsKey("period") || !options.containsKey("out")) {
            err.println("board-pack needs --period YYYY-MM and --out FILE.pdf, and nothing else.");
            err.println("Usage: " + usage());
            return CommandLine.USAGE;
        }
        YearMonth period;
        try {
            period = BoardPackService.period(options.get("period"));
        } catch (IllegalArgumentException e) {
            err.println("--" + e.getMessage());
            err.println("Usage: " + usage());
            return CommandLine.USAGE;
        }
        Path file = Path.of(options.get("out")).toAbsolutePath();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "cli:" + System.getProperty("user.name"), null,
                List.of(new SimpleGrantedAuthority(Roles.authority(Roles.BOARD)))));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream stream = Files.newOutputStream(partial)) {
                packs.write(period, stream);
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out.println("Wrote the board pack for " + period + " to " + file);
            return CommandLine.OK;
        } catch (IOException e) {
            err.println("Cannot write " + file + ": " + e.getMessage());
            return CommandLine.REFUSED;
        } catch (ActionPlanException e) {
            err.println("Refused: " + e.getMessage());
            return CommandLine.REFUSED;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
