-- What a request changed when it was applied, so that a request Kemensos sends back can be fixed and
-- applied again as a correction of what it did: the values applied (field key -> text) and, for the
-- members it added, which registry member each new row became (row index -> member id).
ALTER TABLE change_request ADD COLUMN applied_values jsonb;
ALTER TABLE change_request ADD COLUMN applied_members jsonb;
