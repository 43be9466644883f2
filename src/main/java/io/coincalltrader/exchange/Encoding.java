package io.coincalltrader.exchange;

/** How a POST body is sent. Most endpoints take JSON; some RFQ and account calls take a form. */
public enum Encoding {
    JSON,
    FORM
}
