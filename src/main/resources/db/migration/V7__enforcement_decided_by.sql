-- Who decided enforcement, kept in the case file where task variables cannot change it (four eyes).
ALTER TABLE complaint ADD COLUMN enforcement_decided_by VARCHAR(100);
