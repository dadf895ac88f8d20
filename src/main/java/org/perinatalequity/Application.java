package org.perinatalequity;

import org.perinatalequity.system.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the web server when given no command, and a command-line tool otherwise ({@code ingest},
 * {@code demo-data}; see {@link CommandLine}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        if (CommandLine.hasCommand(args)) {
            System.exit(CommandLine.run(Application.class, args, System.out, System.err));
        }
        SpringApplication.run(Application.class, args);
    }
}
