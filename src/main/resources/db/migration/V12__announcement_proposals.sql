-- A typical case's public summary as proposed (by the supervisor deciding enforcement, or by the case
-- worker who found a rectification adequate), and, where the approver changed it, who did.
ALTER TABLE complaint ADD COLUMN proposed_summary VARCHAR(4000);
ALTER TABLE announcement ADD COLUMN proposed_summary VARCHAR(4000);
ALTER TABLE announcement ADD COLUMN summary_edited_by VARCHAR(100);
