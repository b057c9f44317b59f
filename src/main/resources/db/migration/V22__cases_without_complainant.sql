-- Cases staff open themselves (media investigation, proactive screening) or a platform reports from
-- its own inspection: no complainant, an origin, and for a media investigation a confidential source.
ALTER TABLE complaint ALTER COLUMN complainant_name DROP NOT NULL;
ALTER TABLE complaint ALTER COLUMN complainant_email DROP NOT NULL;
ALTER TABLE complaint ADD COLUMN origin VARCHAR(40) DEFAULT 'COMPLAINT' NOT NULL;
ALTER TABLE complaint ADD COLUMN source_note VARCHAR(4000);
ALTER TABLE complaint ADD COLUMN opened_by VARCHAR(64);
