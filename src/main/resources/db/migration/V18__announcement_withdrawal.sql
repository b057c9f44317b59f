-- A typical case is taken off the board when the decision it reports is revoked on objection.
ALTER TABLE announcement ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE announcement ADD COLUMN withdrawn_reason VARCHAR(500);
