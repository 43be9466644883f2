package io.coincalltrader.app.cli;

import io.coincalltrader.domain.instrument.Instrument;
import io.coincalltrader.domain.instrument.InstrumentName;
import io.coincalltrader.domain.instrument.OptionType;
import io.coincalltrader.domain.market.OptionChain;
import io.coincalltrader.domain.market.OptionQuote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code chain BTC [--expiry 27MAR26]}: the option chain with marks, IV and Greeks, calls left and puts right. */
@Command(name = "chain", mixinStandardHelpOptions = true, description = "Option chain with marks, IV and Greeks.")
final class ChainCommand extends ExchangeCommand {
    @Parameters(index = "0", paramLabel = "COIN", description = "BTC or ETH")
    String coin;
    @Option(names = "--expiry", paramLabel = "DMMMYY", description = "expiry like 27MAR26 (default: the nearest)")
    String expiry;

    ChainCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    int execute(ExchangeSession session, Output out) {
        String base = coin.trim().toUpperCase(Locale.ROOT);
        TreeSet<Instant> expiries = new TreeSet<>();
        for (Instrument.Option o : session.gateway().market().optionInstruments(base)) {
            expiries.add(o.expiry());
        }
        if (expiries.isEmpty()) {
            throw new IllegalArgumentException("the exchange lists no " + base + " options");
        }
        Instant chosen = expiry == null ? expiries.first() : parseExpiry(base, expiry);
        if (!expiries.contains(chosen)) {
            throw new IllegalArgumentException("no " + base + " options expire on " + expiry.toUpperCase(Locale.ROOT)
                    + "; expiries: " + String.join(", ", expiries.stream().map(ChainCommand::label).toList()));
        }
        OptionChain chain = session.gateway().market().optionChain(base + "USD", chosen);
        if (out.json()) {
            out.json(chain);
            return 0;
        }
        print(out, chain, chosen);
        return 0;
    }

    private static Instant parseExpiry(String base, String text) {
        InstrumentName name = InstrumentName.parse(base + "USD-" + text.trim().toUpperCase(Locale.ROOT));
        return ((InstrumentName.Future) name).delivery();
    }

    private static String label(Instant expiry) {
        LocalDate d = expiry.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        // The expiry token as Coincall writes it in names, e.g. 27MAR26.
        return new InstrumentName.Future("BTC", d).text().substring("BTCUSD-".length());
    }

    private static void print(Output out, OptionChain chain, Instant expiry) {
        Map<BigDecimal, OptionQuote[]> byStrike = new TreeMap<>();
        BigDecimal underlying = null;
        for (OptionQuote q : chain.options()) {
            OptionQuote[] pair = byStrike.computeIfAbsent(q.strike(), k -> new OptionQuote[2]);
            pair[q.type() == OptionType.CALL ? 0 : 1] = q;
            if (q.underlyingPrice() != null) {
                underlying = q.underlyingPrice();
            }
        }
        out.line(chain.index() + " options expiring " + label(expiry) + " 08:00 UTC" + (underlying == null ? "" : "   underlying " + Output.num(underlying, 2) + " USD"));
        out.line("Prices in USD per 1 contract (1 coin); IV in %; delta per contract.");
        Output.Table t = new Output.Table(">C delta", ">C IV", ">C bid", ">C mark", ">C ask", ">Strike", ">P bid", ">P mark", ">P ask", ">P IV", ">P delta");
        byStrike.forEach((strike, pair) -> {
            OptionQuote c = pair[0];
            OptionQuote p = pair[1];
            t.row(c == null ? "" : Output.num(c.delta(), 3), c == null ? "" : Output.pct(c.markIv()),
                    c == null ? "" : Output.num(c.bid(), 1), c == null ? "" : Output.num(c.markPrice(), 1), c == null ? "" : Output.num(c.ask(), 1),
                    strike.stripTrailingZeros().toPlainString(),
                    p == null ? "" : Output.num(p.bid(), 1), p == null ? "" : Output.num(p.markPrice(), 1), p == null ? "" : Output.num(p.ask(), 1),
                    p == null ? "" : Output.pct(p.markIv()), p == null ? "" : Output.num(p.delta(), 3));
        });
        t.print(out);
    }
}
