-- States that pemutakhiran (module updating) applies to the registry: a household taken out of DTKS
-- (no longer eligible, not found, merged into another KK) and a program participation that is only
-- proposed (usulan) until Kemensos confirms it.
ALTER TABLE household DROP CONSTRAINT household_status_check;
ALTER TABLE household ADD CONSTRAINT household_status_check
  CHECK (status IN ('ACTIVE', 'MOVED', 'DISSOLVED', 'DUPLICATE', 'NOT_ELIGIBLE', 'NOT_FOUND', 'MERGED'));

ALTER TABLE program_participation DROP CONSTRAINT program_participation_status_check;
ALTER TABLE program_participation ADD CONSTRAINT program_participation_status_check
  CHECK (status IN ('PROPOSED', 'ACTIVE', 'SUSPENDED', 'ENDED'));
