package io.coincalltrader.bench;

import io.coincalltrader.exchange.CoincallClient;
import io.coincalltrader.exchange.CoincallConfig;
import io.coincalltrader.exchange.Credentials;
import io.coincalltrader.paper.PaperConfig;
import io.coincalltrader.paper.PaperExchange;

import java.util.Arrays;

/**
 * Prints how long the paper exchange takes from start() to answering its first signed request, cold (first in a
 * fresh JVM) and warm (later starts in the same JVM). Run: see docs/PERFORMANCE.md.
 */
public final class PaperStartupHarness {
    private PaperStartupHarness() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long[] millis = new long[runs];
        long firstStart = -1;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            try (PaperExchange paper = PaperExchange.start(PaperConfig.defaults().withSeed(i + 1));
                 CoincallClient client = CoincallClient.create(CoincallConfig.of(paper.baseUrl(), new Credentials(paper.apiKey(), paper.apiSecret())))) {
                if (i == 0) {
                    firstStart = paper.startupMillis();
                }
                client.account().summary();
                millis[i] = (System.nanoTime() - t0) / 1_000_000;
            }
        }
        long[] warm = Arrays.copyOfRange(millis, 1, runs);
        Arrays.sort(warm);
        System.out.printf("paper exchange start to first signed answer: cold %d ms (exchange itself %d ms); warm median %d ms, max %d ms (%d runs)%n",
                millis[0], firstStart, warm[warm.length / 2], warm[warm.length - 1], warm.length);
    }
}
