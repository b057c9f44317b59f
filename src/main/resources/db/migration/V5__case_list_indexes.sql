-- The case list pages newest first (by id) under optional channel and stage filters; these let
-- each filter combination read its page and count from one index (docs/performance.md).
CREATE INDEX ix_complaint_stage_id ON complaint (stage, id);
CREATE INDEX ix_complaint_source_id ON complaint (source, id);
CREATE INDEX ix_complaint_source_stage_id ON complaint (source, stage, id);
