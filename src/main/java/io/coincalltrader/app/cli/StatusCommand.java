package io.coincalltrader.app.cli;

import io.coincalltrader.domain.account.AccountSummary;
import io.coincalltrader.domain.account.Position;
import picocli.CommandLine.Command;

import java.math.BigDecimal;
import java.util.List;

/** {@code status}: account equity and margin, and positions with P&L and Greeks. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Account summary and positions with Greeks.")
final class StatusCommand extends ExchangeCommand {

    StatusCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    int execute(ExchangeSession session, Output out) {
        AccountSummary account = session.gateway().account().summary();
        List<Position> positions = session.gateway().account().positions();
        if (out.json()) {
            out.json(new Status(session.label(), account, positions));
            return 0;
        }
        out.line("Exchange: " + session.label());
        out.line("Equity " + Output.num(account.equity(), 2) + " USD   Available " + Output.num(account.availableMargin(), 2)
                + " USD   Unrealised P&L " + Output.signed(account.unrealizedPnl(), 2) + " USD");
        out.line("Initial margin " + Output.num(account.initialMargin(), 2) + " USD (" + ratio(account.initialMarginRatio())
                + ")   Maintenance margin " + Output.num(account.maintenanceMargin(), 2) + " USD (" + ratio(account.maintenanceMarginRatio()) + ")");
        out.line("");
        if (positions.isEmpty()) {
            out.line("No open positions.");
            return 0;
        }
        Output.Table table = new Output.Table("Instrument", "Side", ">Size", ">Avg price USD", ">Mark USD", ">uP&L USD",
                ">Delta", ">Gamma", ">Vega USD", ">Theta USD/day");
        java.util.Map<String, double[]> greeksByCoin = new java.util.TreeMap<>();
        java.util.Map<String, BigDecimal> pnlByCoin = new java.util.TreeMap<>();
        for (Position p : positions) {
            table.row(p.symbol(), p.side() == io.coincalltrader.domain.order.Side.BUY ? "long" : "short", Output.num(p.quantity(), 2),
                    Output.num(p.averagePrice(), 2), Output.num(p.markPrice(), 2), Output.signed(p.unrealizedPnl(), 2),
                    Output.num(p.delta(), 4), Output.num(p.gamma(), 6), Output.num(p.vega(), 2), Output.num(p.theta(), 2));
            String coin = io.coincalltrader.domain.instrument.InstrumentName.parse(p.symbol()).base();
            double[] g = greeksByCoin.computeIfAbsent(coin, c -> new double[4]);
            g[0] += p.delta();
            g[1] += p.gamma();
            g[2] += p.vega();
            g[3] += p.theta();
            pnlByCoin.merge(coin, p.unrealizedPnl(), BigDecimal::add);
        }
        // Deltas of different coins do not add up: total per underlying.
        greeksByCoin.forEach((coin, g) -> table.row("Total " + coin, "", "", "", "", Output.signed(pnlByCoin.get(coin), 2),
                Output.num(g[0], 4), Output.num(g[1], 6), Output.num(g[2], 2), Output.num(g[3], 2)));
        table.print(out);
        return 0;
    }

    private static String ratio(BigDecimal r) {
        return r == null ? "-" : Output.pct(r.doubleValue()) + " of equity";
    }

    /** The JSON shape of {@code status --json}. */
    record Status(String exchange, AccountSummary account, List<Position> positions) {
    }
}
