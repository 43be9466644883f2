package io.coincalltrader.domain.order;

/** The exchange's answer for one item of a batch: an order id, or an error code and message. */
public record BatchResult(Long clientOrderId, Long orderId, int code, String message) {
    public boolean ok() {
        return code == 0;
    }
}
