package io.coincalltrader.app.cli;

import io.coincalltrader.app.DataDirectory;
import io.coincalltrader.app.WorkstationLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code screenshots --out DIR}: opens the workstation on live data, writes PNGs of its screens, and quits. */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Open the workstation (paper by default), wait for live data, write PNG screenshots of its screens to a folder, and quit.")
final class ScreenshotsCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the PNG files")
    Path out;
    @Option(names = "--env", paramLabel = "ENV", description = "paper, testnet or production (default: paper without keys)")
    ConnectionOptions.Environment environment;
    @Option(names = "--base-url", paramLabel = "URL", description = "a Coincall-compatible REST base URL")
    String baseUrl;
    @Option(names = "--on-screen", description = "render on the display instead of headless (Monocle, software pipeline)")
    boolean onScreen;

    @Override
    public Integer call() {
        if (!onScreen) {
            // Before the toolkit starts: no display needed, the same pixels on every machine.
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("prism.text", "t2k");
            System.setProperty("headless.geometry", "1600x1000-32");
        }
        WorkstationLauncher.run(WorkstationLauncher.context(environment, baseUrl, System.getenv(), DataDirectory.resolve(), Clock.systemUTC())
                .withScreenshots(out.toAbsolutePath()));
        return 0;
    }
}
