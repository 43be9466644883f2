package io.coincalltrader.app.cli;

import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.OrderBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code book INSTRUMENT}: the order book of an option, perpetual or spot pair. */
@Command(name = "book", mixinStandardHelpOptions = true, description = "Order book of an option, perpetual or spot pair.")
final class BookCommand implements Callable<Integer> {
    @Mixin
    ConnectionOptions connection;
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "INSTRUMENT", description = "e.g. BTCUSD-27MAR26-100000-C, BTCUSD, BTCUSDT")
    String instrument;
    @Option(names = "--depth", defaultValue = "10", description = "levels per side (default ${DEFAULT-VALUE})")
    int depth;
    private final SessionFactory sessions;

    BookCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() {
        if (depth < 1) {
            throw new IllegalArgumentException("--depth must be at least 1");
        }
        Output out = new Output(spec.commandLine().getOut(), connection.json);
        try (ExchangeSession session = sessions.open(connection)) {
            OrderBook book = session.gateway().market().orderBook(instrument.trim());
            if (out.json()) {
                out.json(book);
                return 0;
            }
            out.line(book.symbol() + " order book (prices in USD, sizes in contracts)"
                    + book.mid().map(m -> "   mid " + Output.num(m, 2)).orElse(""));
            Output.Table t = new Output.Table(">Bid size", ">Bid", ">Ask", ">Ask size");
            for (int i = 0; i < depth && (i < book.bids().size() || i < book.asks().size()); i++) {
                BookLevel b = i < book.bids().size() ? book.bids().get(i) : null;
                BookLevel a = i < book.asks().size() ? book.asks().get(i) : null;
                t.row(b == null ? "" : b.size().toPlainString(), b == null ? "" : b.price().toPlainString(),
                        a == null ? "" : a.price().toPlainString(), a == null ? "" : a.size().toPlainString());
            }
            t.print(out);
            return 0;
        }
    }
}
