package io.coincalltrader.app;

import io.coincalltrader.app.cli.CoincallTraderCommand;
import picocli.CommandLine;

/** Entry point of the jar: the command line, and (with no subcommand) the workstation. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Logback reads this when the first logger is created, so set it before anything logs.
        System.setProperty("coincalltrader.logDir", DataDirectory.resolve().resolve("logs").toString());
        int exit = CoincallTraderCommand.commandLine().execute(args);
        System.exit(exit);
    }

    /** Runs the command line without exiting the JVM (tests). */
    public static int run(CommandLine cli, String... args) {
        return cli.execute(args);
    }
}
