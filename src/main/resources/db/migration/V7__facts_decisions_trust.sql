-- Who decided enforcement, kept in the case file where task variables cannot change it (four eyes).
ALTER TABLE complaint ADD COLUMN enforcement_decided_by VARCHAR(100);
-- Who moved a case to another office by a correction, and from which office: the move grants them nothing.
ALTER TABLE complaint ADD COLUMN office_changed_by VARCHAR(100);
ALTER TABLE complaint ADD COLUMN office_before VARCHAR(100);
