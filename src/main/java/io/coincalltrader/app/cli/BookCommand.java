package io.coincalltrader.app.cli;

import io.coincalltrader.domain.market.BookLevel;
import io.coincalltrader.domain.market.OrderBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/** {@code book INSTRUMENT}: the order book of an option, perpetual or spot pair. */
@Command(name = "book", mixinStandardHelpOptions = true, description = "Order book of an option, perpetual or spot pair.")
final class BookCommand extends ExchangeCommand {
    @Parameters(index = "0", paramLabel = "INSTRUMENT", description = "e.g. BTCUSD-27MAR26-100000-C, BTCUSD, BTCUSDT")
    String instrument;
    @Option(names = "--depth", defaultValue = "10", description = "levels per side (default ${DEFAULT-VALUE})")
    int depth;

    BookCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    void validate() {
        if (depth < 1) {
            throw new IllegalArgumentException("--depth must be at least 1");
        }
    }

    @Override
    int execute(ExchangeSession session, Output out) {
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
