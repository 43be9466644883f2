package io.coincalltrader.store;

/** Where a fill was first heard of: the private WebSocket stream or a REST trade-history query. */
public enum FillSource {
    WS,
    REST
}
