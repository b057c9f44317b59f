-- A victim enterprise's rebuttal (辟谣声明): published with the typical case once a case worker verified it.
ALTER TABLE complaint ADD COLUMN rebuttal VARCHAR(8000);
ALTER TABLE complaint ADD COLUMN rebuttal_verified_by VARCHAR(64);
