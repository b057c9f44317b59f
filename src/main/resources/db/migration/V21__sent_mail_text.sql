-- The text of every mail as it left, for the case file's timeline.
ALTER TABLE sent_mail ADD COLUMN body VARCHAR(20000);
