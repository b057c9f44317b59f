-- Moments the public statistics and the status page need, and the complainant's review request.
ALTER TABLE complaint ADD COLUMN notified_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN responded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN deadline_missed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE complaint ADD COLUMN review_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN review_outcome VARCHAR(4000);
CREATE INDEX ix_complaint_created ON complaint (created_at);
