-- Evidence that holds up: an RFC 3161 time-stamp token of each hash, what an image says of itself
-- (capture date, camera, software) and a perceptual hash to find the same picture in other cases.
ALTER TABLE evidence ADD COLUMN timestamp_token BYTEA;
ALTER TABLE evidence ADD COLUMN timestamped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE evidence ADD COLUMN timestamp_authority VARCHAR(300);
ALTER TABLE evidence ADD COLUMN image_taken_at VARCHAR(40);
ALTER TABLE evidence ADD COLUMN image_camera VARCHAR(200);
ALTER TABLE evidence ADD COLUMN image_software VARCHAR(200);
ALTER TABLE evidence ADD COLUMN image_has_location BOOLEAN;
ALTER TABLE evidence ADD COLUMN perceptual_hash BIGINT;
CREATE INDEX ix_evidence_perceptual_hash ON evidence (perceptual_hash);
