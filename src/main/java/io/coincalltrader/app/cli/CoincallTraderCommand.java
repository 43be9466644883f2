package io.coincalltrader.app.cli;

import io.coincalltrader.exchange.ExchangeException;
import io.coincalltrader.exchange.OutcomeUnknownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code coincalltrader} command and its subcommands. */
@Command(name = "coincalltrader", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Options trading workstation for the Coincall exchange.%n"
                + "With no API keys (COINCALL_API_KEY / COINCALL_API_SECRET) every command runs against the embedded paper exchange.",
        subcommands = {StatusCommand.class, ChainCommand.class, BookCommand.class, OrderCommand.class, TradeCommand.class,
                RfqCommand.class, OrdersCommand.class, FillsCommand.class, JournalCommand.class, ReconcileCommand.class,
                PaperExchangeCommand.class, ScreenshotsCommand.class})
public final class CoincallTraderCommand implements Runnable {
    static final int EXIT_EXCHANGE_ERROR = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_OUTCOME_UNKNOWN = 3;
    private static final Logger log = LoggerFactory.getLogger(CoincallTraderCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--env", paramLabel = "ENV", description = "the window's exchange: paper, testnet or production (default: paper without keys)")
    ConnectionOptions.Environment environment;

    @CommandLine.Option(names = "--base-url", paramLabel = "URL", description = "the window's exchange: a Coincall-compatible REST base URL")
    String baseUrl;

    /** With no subcommand: the workstation window. */
    @Override
    public void run() {
        java.nio.file.Path dir = io.coincalltrader.app.DataDirectory.resolve();
        io.coincalltrader.app.WorkstationLauncher.run(io.coincalltrader.app.WorkstationLauncher.context(environment, baseUrl, System.getenv(), dir,
                java.time.Clock.systemUTC()));
    }

    /** The command line wired to the process environment. */
    public static CommandLine commandLine() {
        return commandLine(new SessionFactory(System.getenv()));
    }

    /** The command line with a chosen way to open exchange sessions (tests pass their own environment). */
    public static CommandLine commandLine(SessionFactory sessions) {
        CommandLine cli = new CommandLine(new CoincallTraderCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                // Commands that talk to the exchange take the session factory in their constructor.
                try {
                    java.lang.reflect.Constructor<K> withSessions = cls.getDeclaredConstructor(SessionFactory.class);
                    withSessions.setAccessible(true);
                    return withSessions.newInstance(sessions);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        });
        cli.setExecutionExceptionHandler(CoincallTraderCommand::onError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** One clear line on standard error, never a stack trace; the details go to the log file. */
    private static int onError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof ExchangeException ex) {
            err.println("error: " + ex.traderMessage());
            log.warn("command failed: {}", ex.traderMessage(), ex);
            return ex instanceof OutcomeUnknownException ? EXIT_OUTCOME_UNKNOWN : EXIT_EXCHANGE_ERROR;
        }
        if (e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
            err.println("error: " + e.getMessage());
            return EXIT_USAGE;
        }
        err.println("error: unexpected failure: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        log.error("command failed", e);
        return EXIT_EXCHANGE_ERROR;
    }

}
