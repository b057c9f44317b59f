-- The files the platform gave as evidence of one measure (names of the case's evidence, one per line).
ALTER TABLE measure_confirmation ADD COLUMN evidence_files VARCHAR(4000);
