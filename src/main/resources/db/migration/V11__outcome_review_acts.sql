-- Who made the decision an outcome rests on (the verifier, the reviewer of the rectification, or the
-- supervisor who decided enforcement): no one reviews their own decision. And a case reopened after
-- review: when, and why (the reviewer's reason).
ALTER TABLE complaint ADD COLUMN outcome_decided_by VARCHAR(100);
ALTER TABLE complaint ADD COLUMN reopened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint ADD COLUMN reopen_reason VARCHAR(4000);
