package io.coincalltrader.engine.risk;

/** How close the account is to its margin limit. */
public enum MarginLevel {
    NORMAL, WARN, CRITICAL
}
