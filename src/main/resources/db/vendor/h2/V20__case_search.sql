-- Search over all cases (/staff/cases). H2 has no trigram index: text terms are matched by scanning,
-- which the embedded installation's case numbers allow; filters use these indexes.
CREATE INDEX ix_complaint_office_stage_id ON complaint (responsible_office, stage, id);
CREATE INDEX ix_complaint_platform_id ON complaint (platform_code, id);
