-- E-mail complaints may name a site that is not registered; the case worker corrects the platform
-- at verification. Until then notices would go to the office's own mailbox.
INSERT INTO platform (code, name_zh, name_en, contact_email, domains) VALUES
 ('unregistered', '未登记平台', 'Unregistered platform', 'unregistered-platforms@qinglang.local', '');
