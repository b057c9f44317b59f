-- Search over all cases (/staff/cases): words of Chinese text have no spaces, so the text, the account
-- and the complainant are indexed by trigrams (pg_trgm, a trusted extension: the database owner may
-- create it), which serve ILIKE '%…%' for any term of three characters or more.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_complaint_description_trgm ON complaint USING gin (description gin_trgm_ops);
CREATE INDEX ix_complaint_account_trgm ON complaint USING gin (account_name gin_trgm_ops);
CREATE INDEX ix_complaint_complainant_trgm ON complaint USING gin ((complainant_name || ' ' || complainant_email) gin_trgm_ops);
CREATE INDEX ix_complaint_office_stage_id ON complaint (responsible_office, stage, id);
CREATE INDEX ix_complaint_platform_id ON complaint (platform_code, id);
CREATE INDEX ix_complaint_due ON complaint (rectification_due_at) WHERE stage = 'PLATFORM_NOTIFIED';
