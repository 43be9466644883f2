-- CoincallTrader store, schema 3: the quote armed for an accept. Older rows keep NULL.

-- The quote the trader armed (the first click of arm-then-confirm), written durably before the confirm may send the
-- accept at once. Until the RFQ's result is recorded, restart recovery treats it as an accept that may have been sent.
ALTER TABLE rfqs ADD COLUMN armed_quote_id TEXT;
