package org.perinatalequity.system;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command-line tools of the packaged jar. The first word that is not an option is the command;
 * options may come before or after it. Command options ({@code --report FILE}) are the command's;
 * every other {@code --name=value} goes to Spring Boot, so {@code --db=FILE}, {@code --server.port} and
 * {@code --spring.profiles.active} work as usual. Exit codes: 0 done, 1 refused or failed, 2 usage
 * error. Errors are one clear message, never a stack trace.
 */
public final class CommandLine {

    /** A command of the jar, run in a Spring context without a web server. */
    public interface Command {

        /** The command word. */
        String name();

        /** Options that take a value ({@code report} for {@code --report FILE}). */
        Set<String> options();

        String usage();

        int run(List<String> arguments, Map<String, String> options, PrintStream out, PrintStream err)
                throws Exception;
    }

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;

    private static final Set<String> COMMANDS = Set.of("ingest", "reference", "rebuild", "demo-data", "board-pack");

    /**
     * Commands that refresh the derived data themselves (a load's refresh, a full rebuild): the start-up refresh
     * ({@link StartUpRefresh}) would only rebuild the same tables once more before them.
     */
    static final Set<String> REFRESH_THEMSELVES = Set.of("ingest", "rebuild");

    private static final List<String> WEB_ONLY_AUTO_CONFIGURATION = List.of(
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "com.vaadin.hilla.EndpointController",
            "com.vaadin.hilla.push.PushConfigurer",
            "com.vaadin.hilla.ApplicationContextProvider",
            "com.vaadin.hilla.startup.EndpointRegistryInitializer",
            "com.vaadin.hilla.startup.RouteUnifyingServiceInitListener",
            "com.vaadin.hilla.route.RouteUtil",
            "com.vaadin.hilla.route.RouteUnifyingConfiguration",
            "com.vaadin.hilla.signals.config.SignalsConfiguration");

    private CommandLine() {
    }

    public static boolean hasCommand(String[] args) {
        return commandWord(args).isPresent();
    }

    private static Optional<String> commandWord(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String word = commandWord(args).orElseThrow();
        if (!COMMANDS.contains(word)) {
            err.println("Unknown command '" + word + "'. Commands: ingest PATH... [--report FILE], reference PATH..., "
                    + "rebuild, demo-data [--births N] [--seed S] [--out DIR], board-pack --period YYYY-MM --out FILE.pdf; no command"
                    + " starts the web server.");
            return USAGE;
        }
        ConfigurableApplicationContext context;
        try {
            SpringApplication app = new SpringApplication(application);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setBannerMode(Banner.Mode.OFF);
            app.setLogStartupInfo(false);
            Map<String, Object> quiet = new HashMap<>();
            // The command prints its own outcome; framework logging would only add noise or stack traces.
            quiet.put("logging.level.root", "ERROR");
            quiet.put("logging.level.org.springframework", "OFF");
            quiet.put("logging.level.com.zaxxer", "OFF");
            // The commands need no web server: leave out Vaadin's and Hilla's web auto-configuration.
            quiet.put("spring.autoconfigure.exclude", String.join(",", WEB_ONLY_AUTO_CONFIGURATION));
            if (REFRESH_THEMSELVES.contains(word)) {
                quiet.put(StartUpRefresh.ENABLED, "false");
            }
            app.setDefaultProperties(quiet);
            context = app.run(springOptions(args).toArray(String[]::new));
        } catch (RuntimeException e) {
            err.println(message(e));
            return REFUSED;
        }
        try (context) {
            Command command = context.getBeansOfType(Command.class).values().stream()
                    .filter(c -> c.name().equals(word)).findFirst().orElseThrow();
            Parsed parsed;
            try {
                parsed = parse(args, word, command.options());
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                err.println("Usage: " + command.usage());
                return USAGE;
            }
            return command.run(parsed.arguments(), parsed.options(), out, err);
        } catch (Exception e) {
            err.println(message(e));
            return REFUSED;
        }
    }

    private record Parsed(List<String> arguments, Map<String, String> options) {
    }

    /** Spring Boot options: every {@code --name=value} that is not the command's own. */
    private static List<String> springOptions(String[] args) {
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                spring.add(arg);
            }
        }
        return spring;
    }

    private static Parsed parse(String[] args, String word, Set<String> commandOptions) {
        List<String> arguments = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean seenCommand = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!commandOptions.contains(name)) {
                    if (value == null) {
                        throw new IllegalArgumentException("Unknown option --" + name);
                    }
                    continue; // a Spring Boot property
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException("Option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                options.put(name, value);
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("Unknown option " + arg);
            } else if (!seenCommand && arg.equals(word)) {
                seenCommand = true;
            } else {
                arguments.add(arg);
            }
        }
        return new Parsed(arguments, options);
    }

    /** The most telling message of a failure: a locked database, else the deepest cause with a message. */
    private static String message(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DatabaseInUseException) {
                return t.getMessage();
            }
        }
        String message = error.getMessage();
        for (Throwable t = error.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return "Error: " + message;
    }
}
