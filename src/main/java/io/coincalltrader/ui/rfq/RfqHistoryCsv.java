package io.coincalltrader.ui.rfq;

import io.coincalltrader.store.StoredRfq;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The RFQ history as CSV (RFC 4180: CRLF lines, fields with commas, quotes or line breaks quoted): a header, then one
 * row per quote received (each quote once, in its latest state), and one row with empty quote columns for an RFQ that
 * received none. Amounts are plain decimals (no grouping, a point), times ISO-8601 UTC, so any spreadsheet reads it.
 */
public final class RfqHistoryCsv {
    static final List<String> HEADER = List.of("request_id", "rfq_created_utc", "structure", "rfq_state", "package_mark_usd",
            "quote_id", "maker", "direction", "package_cost_usd", "edge_usd", "quote_created_utc", "received_utc", "quote_state",
            "accepted");

    private RfqHistoryCsv() {
    }

    /** What was written. */
    public record Written(int rfqs, int quotes) {
    }

    /** Writes the history (the caller closes the writer). */
    public static Written write(List<StoredRfq> rfqs, Writer out) throws IOException {
        line(out, HEADER);
        int quotes = 0;
        for (StoredRfq s : rfqs) {
            List<String> rfq = Arrays.asList(s.rfq().requestId(), time(s.rfq().createTime()), RfqHistory.structure(s.rfq().legs()),
                    s.rfq().state().name(), plain(s.packageMark()));
            List<RfqHistory.QuoteLine> lines = RfqHistory.quotes(s);
            if (lines.isEmpty()) {
                List<String> row = new ArrayList<>(rfq);
                while (row.size() < HEADER.size()) {
                    row.add("");
                }
                line(out, row);
                continue;
            }
            for (RfqHistory.QuoteLine q : lines) {
                List<String> row = new ArrayList<>(rfq);
                row.addAll(Arrays.asList(q.quoteId(), q.maker(), q.ourSide() == io.coincalltrader.domain.order.Side.BUY ? "as requested" : "reversed", plain(q.packageCost()), plain(q.edgeUsd()),
                        time(q.created()), time(q.received()), q.state().name(), q.accepted() ? "yes" : "no"));
                line(out, row);
                quotes++;
            }
        }
        out.flush();
        return new Written(rfqs.size(), quotes);
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** A field, quoted (inner quotes doubled) when it holds a comma, a quote or a line break; null is empty. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }
}
