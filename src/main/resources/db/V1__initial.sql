-- CoincallTrader store, schema 1.
-- Amounts are TEXT holding BigDecimal plain strings (never REAL: binary floating point cannot hold 0.1 exactly).
-- Times are epoch milliseconds (INTEGER, UTC).

CREATE TABLE orders (
    id                INTEGER PRIMARY KEY,
    client_order_id   INTEGER UNIQUE,            -- ours, persisted before the request leaves; NULL for some adopted orders
    product           TEXT    NOT NULL,          -- OPTION | FUTURE | SPOT
    symbol            TEXT    NOT NULL,
    side              TEXT    NOT NULL CHECK (side IN ('BUY', 'SELL')),
    type              TEXT    NOT NULL,
    qty               TEXT    NOT NULL,
    price             TEXT,
    tif               TEXT,
    reduce_only       INTEGER NOT NULL DEFAULT 0 CHECK (reduce_only IN (0, 1)),
    trigger_price     TEXT,
    state             TEXT    NOT NULL,
    exchange_order_id INTEGER,
    filled_qty        TEXT    NOT NULL DEFAULT '0',
    avg_price         TEXT,
    purpose           TEXT,
    structure_id      TEXT,
    lifecycle_id      TEXT,
    external          INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1)), -- adopted from the exchange, not placed by us
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
-- The exchange's id is unique too: adopting the same order twice must be a no-op.
CREATE UNIQUE INDEX orders_exchange_order_id ON orders (exchange_order_id) WHERE exchange_order_id IS NOT NULL;
CREATE INDEX orders_state ON orders (state);

CREATE TABLE order_events (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    from_state TEXT,                             -- NULL for the first event
    to_state   TEXT    NOT NULL,
    cause      TEXT    NOT NULL CHECK (cause IN ('USER', 'RULE', 'EXCHANGE', 'SYSTEM')),
    detail     TEXT,
    at         INTEGER NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, id);

CREATE TABLE fills (
    id                INTEGER PRIMARY KEY,
    trade_id          TEXT    NOT NULL UNIQUE,   -- WS and REST both deliver fills: the second copy is ignored
    client_order_id   INTEGER,
    exchange_order_id INTEGER NOT NULL,
    product           TEXT,
    symbol            TEXT    NOT NULL,
    side              TEXT    NOT NULL CHECK (side IN ('BUY', 'SELL')),
    price             TEXT    NOT NULL,
    qty               TEXT    NOT NULL,
    fee               TEXT,
    taker             INTEGER NOT NULL CHECK (taker IN (0, 1)),
    at                INTEGER NOT NULL,          -- exchange time of the trade
    source            TEXT    NOT NULL CHECK (source IN ('WS', 'REST')),
    recorded_at       INTEGER NOT NULL
);
CREATE INDEX fills_at ON fills (at, id);
CREATE INDEX fills_product_at ON fills (product, at, id);
CREATE INDEX fills_client_order ON fills (client_order_id);

CREATE TABLE rfqs (
    request_id        TEXT    PRIMARY KEY,
    legs              TEXT    NOT NULL,          -- JSON array of {instrument, side, qty}
    state             TEXT    NOT NULL,
    created_at        INTEGER,
    expires_at        INTEGER,
    accepted_quote_id TEXT,                      -- set before the accept is sent; never a second one
    accepted_at       INTEGER,
    result            TEXT,                      -- JSON: the block trade or the outcome
    updated_at        INTEGER NOT NULL
);
CREATE INDEX rfqs_state ON rfqs (state);

-- Every quote received, and each change of its state; no foreign key, so a quote is kept even if its RFQ row is late.
CREATE TABLE rfq_quotes (
    id          INTEGER PRIMARY KEY,
    quote_id    TEXT    NOT NULL,
    request_id  TEXT    NOT NULL,
    state       TEXT    NOT NULL,
    legs        TEXT    NOT NULL,                -- JSON array of {instrument, makerSide, price, qty}
    created_at  INTEGER,
    expires_at  INTEGER,
    received_at INTEGER NOT NULL,
    UNIQUE (quote_id, state)
);
CREATE INDEX rfq_quotes_request ON rfq_quotes (request_id, received_at);

CREATE TABLE account_snapshots (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    equity    TEXT    NOT NULL,
    available TEXT    NOT NULL,
    im        TEXT    NOT NULL,
    mm        TEXT    NOT NULL,
    upnl      TEXT    NOT NULL
);
CREATE INDEX account_snapshots_at ON account_snapshots (at);

CREATE TABLE settings (
    key        TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE journal (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,   -- AUTOINCREMENT: ids are never reused
    at      INTEGER NOT NULL,
    kind    TEXT    NOT NULL,
    cause   TEXT    NOT NULL CHECK (cause IN ('USER', 'RULE', 'EXCHANGE', 'SYSTEM')),
    subject TEXT,
    message TEXT    NOT NULL,
    detail  TEXT                                 -- JSON
);
CREATE INDEX journal_at ON journal (at, id);

-- The journal is the record of what happened and why: append-only, enforced here rather than trusted to code.
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;
