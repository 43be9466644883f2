package io.coincalltrader.paper.rfq;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A paper RFQ and every quote made on it. Mutated under the exchange's lock. */
public final class PaperRfq {
    /** One leg as requested: instrument, the taker's side, quantity. */
    public record Leg(String instrumentName, String side, BigDecimal quantity) {
    }

    /** One leg of a quote: the MAKER's side and price. */
    public record QuoteLeg(String instrumentName, String side, BigDecimal price, BigDecimal quantity) {
    }

    /** A maker's quote. */
    public static final class Quote {
        final String quoteId;
        final String maker;
        final List<QuoteLeg> legs;
        final Instant createTime;
        final Instant expiryTime;
        String state = "OPEN";
        Instant updateTime;

        final String makerUserId;

        Quote(String quoteId, String maker, String makerUserId, List<QuoteLeg> legs, Instant now, Instant expiry) {
            this.quoteId = quoteId;
            this.maker = maker;
            this.makerUserId = makerUserId;
            this.legs = List.copyOf(legs);
            this.createTime = now;
            this.updateTime = now;
            this.expiryTime = expiry;
        }

        public String quoteId() {
            return quoteId;
        }

        public String maker() {
            return maker;
        }

        public String makerUserId() {
            return makerUserId;
        }

        public List<QuoteLeg> legs() {
            return legs;
        }

        public String state() {
            return state;
        }

        public Instant createTime() {
            return createTime;
        }

        public Instant updateTime() {
            return updateTime;
        }

        public Instant expiryTime() {
            return expiryTime;
        }
    }

    final String requestId;
    final List<Leg> legs;
    final Instant createTime;
    final Instant expiryTime;
    final List<Quote> quotes = new ArrayList<>();
    String state = "ACTIVE";
    Instant updateTime;

    PaperRfq(String requestId, List<Leg> legs, Instant now, Instant expiry) {
        this.requestId = requestId;
        this.legs = List.copyOf(legs);
        this.createTime = now;
        this.updateTime = now;
        this.expiryTime = expiry;
    }

    public String requestId() {
        return requestId;
    }

    public List<Leg> legs() {
        return legs;
    }

    public String state() {
        return state;
    }

    public Instant createTime() {
        return createTime;
    }

    public Instant expiryTime() {
        return expiryTime;
    }

    public Instant updateTime() {
        return updateTime;
    }

    public List<Quote> quotes() {
        return List.copyOf(quotes);
    }
}
