package io.coincalltrader.app.cli;

import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.coincalltrader.app.DataDirectory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    @Option(names = "--credentials-file", paramLabel = "PATH",
            description = "where to write this exchange's throwaway keys (default: paper-exchange.env in the data directory)")
    Path credentialsFile;

    @Override
    public Integer call() throws InterruptedException {
        PaperConfig config = PaperConfig.defaults().withPort(port).withSeed(seed).withSpeed(speed).withDemoBook(!noDemoBook);
        CountDownLatch stopped = new CountDownLatch(1);
        try (PaperExchange paper = PaperExchange.start(config)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Paper exchange listening on " + paper.baseUrl() + " (WebSocket " + paper.optionsWebSocketUrl() + ")");
            out.println("Seed " + seed + ", speed " + speed + "x, started in " + paper.startupMillis() + " ms.");
            Path file = credentialsFile != null ? credentialsFile : DataDirectory.resolve().resolve("paper-exchange.env");
            writeCredentials(file, paper);
            out.println("Its throwaway keys are in " + file + " (readable only by you). To use them:");
            out.println("  set -a; . " + file + "; set +a");
            out.println("  java -jar coincalltrader.jar status --base-url " + paper.baseUrl());
            out.println("Press Ctrl+C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "paper-exchange-stop"));
            stopped.await();
        }
        return 0;
    }

    /** Secrets are never printed: the keys go to a file only the user can read, in shell "export" form. */
    private static void writeCredentials(Path file, PaperExchange paper) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, SessionFactory.KEY_VARIABLE + "=" + paper.apiKey() + "\n" + SessionFactory.SECRET_VARIABLE + "="
                    + paper.apiSecret() + "\n");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the paper exchange's keys to " + file + ": " + e.getMessage());
        }
    }
}
