-- CoincallTrader store, schema 2: what the RFQ history shows. Older rows keep NULL in the new columns.

-- The package's mark cost in USD when the RFQ was sent, for the structure as requested (positive = we pay).
ALTER TABLE rfqs ADD COLUMN package_mark TEXT;
-- The maker's account id as the exchange reports it (userId); NULL when not reported.
ALTER TABLE rfq_quotes ADD COLUMN maker TEXT;
-- The history reads the newest RFQs first.
CREATE INDEX rfqs_created ON rfqs (created_at);
