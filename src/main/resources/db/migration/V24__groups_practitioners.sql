-- What was reported (an account, a piece of content, a group with its admin) and who stands behind it
-- (a practitioner: the person or agency running the account, 从业人员), for the registers.
ALTER TABLE complaint ADD COLUMN object_type VARCHAR(20) DEFAULT 'ACCOUNT' NOT NULL;
ALTER TABLE complaint ADD COLUMN group_admin VARCHAR(200);
ALTER TABLE complaint ADD COLUMN practitioner VARCHAR(200);
ALTER TABLE violation ADD COLUMN admin_key VARCHAR(200);
ALTER TABLE violation ADD COLUMN practitioner_key VARCHAR(200);
ALTER TABLE violation ADD COLUMN practitioner VARCHAR(200);
CREATE INDEX ix_violation_admin ON violation (platform_code, admin_key);
CREATE INDEX ix_violation_practitioner ON violation (practitioner_key);
