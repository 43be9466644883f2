package io.coincalltrader.app.cli;

import picocli.CommandLine.Option;

/** Options every exchange command shares: where to connect and how to print. */
public final class ConnectionOptions {
    /** Which exchange to trade with. */
    public enum Environment { PAPER, TESTNET, PRODUCTION }

    @Option(names = "--env", paramLabel = "ENV", description = "paper, testnet or production (default: paper without keys)")
    Environment environment;

    @Option(names = "--base-url", paramLabel = "URL", description = "REST base URL of a Coincall-compatible exchange")
    String baseUrl;

    @Option(names = "--json", description = "print JSON instead of tables")
    boolean json;
}
