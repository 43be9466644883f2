package io.coincalltrader.paper;

import io.coincalltrader.domain.order.ProductType;
import io.coincalltrader.paper.rfq.RfqDesk;
import io.coincalltrader.paper.trading.PaperLedger;
import io.coincalltrader.paper.trading.PaperOrder;
import io.coincalltrader.paper.trading.PaperTrade;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The paper exchange's ledger as the truth a test checks the app against (RELIABILITY.md's oracle). */
public final class PaperOracle {
    private final Object lock;
    private final PaperLedger ledger;
    private final RfqDesk desk;

    PaperOracle(Object lock, PaperLedger ledger, RfqDesk desk) {
        this.lock = lock;
        this.ledger = ledger;
        this.desk = desk;
    }

    /** How many orders carry this client order id (must never exceed one). */
    public long ordersWithClientId(ProductType product, String clientOrderId) {
        synchronized (lock) {
            return ledger.orders(product).stream().filter(o -> clientOrderId.equals(o.clientOrderId())).count();
        }
    }

    public List<PaperOrder> orders(ProductType product) {
        synchronized (lock) {
            return ledger.orders(product);
        }
    }

    public List<PaperTrade> trades() {
        synchronized (lock) {
            return ledger.trades();
        }
    }

    /** Signed position per symbol. */
    public Map<String, BigDecimal> positions() {
        synchronized (lock) {
            Map<String, BigDecimal> out = new LinkedHashMap<>();
            ledger.positions().forEach(p -> out.put(p.symbol(), p.quantity()));
            return out;
        }
    }

    public List<RfqDesk.BlockTradeRecord> blockTrades() {
        synchronized (lock) {
            return desk.blockTrades();
        }
    }
}
