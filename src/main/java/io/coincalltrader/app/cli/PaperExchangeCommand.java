package io.coincalltrader.app.cli;

import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code paper-exchange}: serves the paper exchange alone on 127.0.0.1 until stopped (Ctrl+C). */
@Command(name = "paper-exchange", mixinStandardHelpOptions = true,
        description = "Serve the paper exchange alone on 127.0.0.1 (for tests, scripts and other clients) until stopped.")
final class PaperExchangeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--port", defaultValue = "0", description = "port on 127.0.0.1 (default: any free port)")
    int port;
    @Option(names = "--seed", defaultValue = "1", description = "random seed of the market (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--speed", defaultValue = "1", description = "simulated time runs this many times faster (default ${DEFAULT-VALUE})")
    double speed;
    @Option(names = "--no-demo-book", description = "start the paper account without the demo positions")
    boolean noDemoBook;

    @Override
    public Integer call() throws InterruptedException {
        PaperConfig config = PaperConfig.defaults().withPort(port).withSeed(seed).withSpeed(speed).withDemoBook(!noDemoBook);
        CountDownLatch stopped = new CountDownLatch(1);
        try (PaperExchange paper = PaperExchange.start(config)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Paper exchange listening on " + paper.baseUrl() + " (WebSocket " + paper.optionsWebSocketUrl() + ")");
            out.println("Seed " + seed + ", speed " + speed + "x, started in " + paper.startupMillis() + " ms.");
            // The paper account's credentials are printed on purpose: they are throwaway keys valid only on this loopback server.
            out.println("API key " + paper.apiKey());
            out.println("API secret " + paper.apiSecret());
            out.println("Press Ctrl+C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "paper-exchange-stop"));
            stopped.await();
        }
        return 0;
    }
}
