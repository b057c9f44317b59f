-- Who decided enforcement, kept in the case file where task variables cannot change it (four eyes).
ALTER TABLE complaint ADD COLUMN enforcement_decided_by VARCHAR(100);
-- Who moved a case to another office by a correction, and from which office: the move grants them nothing.
ALTER TABLE complaint ADD COLUMN office_changed_by VARCHAR(100);
ALTER TABLE complaint ADD COLUMN office_before VARCHAR(100);
-- Set while a case moved by a correction waits to be verified again, for the office it moved to.
ALTER TABLE complaint ADD COLUMN handover_pending BOOLEAN DEFAULT FALSE NOT NULL;
-- The deadlines triage gave (ISO-8601 durations): notices read them here, not from process variables.
ALTER TABLE complaint ADD COLUMN rectification_deadline VARCHAR(40);
ALTER TABLE complaint ADD COLUMN reminder_before VARCHAR(40);
