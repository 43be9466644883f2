package io.coincalltrader.engine.execution;

/**
 * What a multi-leg trade does when some legs filled and others could not, after its retries: unwind the excess of
 * the filled legs (so the book holds only whole packages), or leave the exposure and raise an alert.
 */
public enum LeggingPolicy {
    FLATTEN,
    ALERT
}
