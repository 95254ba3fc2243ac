-- Import, second round (issue 7): an upload made on the pages waits in PREVIEW until its importer has
-- seen the detected mapping and the first rows and confirmed (the mapping may be corrected: columns
-- keeps it); what to do with people already in the registry is chosen at that step.
ALTER TABLE import_job DROP CONSTRAINT import_job_status_check;
ALTER TABLE import_job ADD CONSTRAINT import_job_status_check
  CHECK (status IN ('PREVIEW', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'));
ALTER TABLE import_job
  -- SKIP: households with people already registered are reported and left; UPDATE: changed fields are
  -- saved through the registry's own update (history, audit); REQUEST: one change request per household
  ADD COLUMN existing  text NOT NULL DEFAULT 'SKIP' CHECK (existing IN ('SKIP', 'UPDATE', 'REQUEST')),
  ADD COLUMN updated   integer NOT NULL DEFAULT 0,   -- households updated directly
  ADD COLUMN requested integer NOT NULL DEFAULT 0,   -- change requests made
  ADD COLUMN unchanged integer NOT NULL DEFAULT 0;   -- rows of registered people with nothing to change
-- What became of a row beyond its outcome: UPDATED, REQUESTED, UNCHANGED or SKIPPED; null: registered
-- as a new household (accepted or warning) or quarantined (error).
ALTER TABLE import_row ADD COLUMN action text
  CHECK (action IN ('UPDATED', 'REQUESTED', 'UNCHANGED', 'SKIPPED'));

-- Exports too large for one request run in the background: the file is written under the data
-- directory, downloaded by its maker while it is kept, and removed when it expires.
CREATE TABLE export_job (
  id            uuid PRIMARY KEY,
  region_code   text COLLATE "C" NOT NULL,   -- the exporter's scope (or the filtered desa inside it)
  format        text NOT NULL CHECK (format IN ('CSV', 'XLSX')),
  layout        text NOT NULL,
  filters       jsonb NOT NULL DEFAULT '{}',
  status        text NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED', 'EXPIRED')),
  households    bigint NOT NULL DEFAULT 0,   -- households in the filtered list when it started
  rows_done     bigint NOT NULL DEFAULT 0,
  file_name     text NOT NULL,
  file_size     bigint,
  failure       text,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL,
  finished_at   timestamptz,
  expires_at    timestamptz,
  version       integer NOT NULL DEFAULT 0
);
CREATE INDEX export_job_creator_idx ON export_job (created_by, created_at DESC);
CREATE INDEX export_job_expiry_idx ON export_job (expires_at) WHERE status = 'DONE';
ALTER TABLE export_job ENABLE ROW LEVEL SECURITY;
CREATE POLICY export_job_in_scope ON export_job USING (slrt_in_scope(region_code))
  WITH CHECK (slrt_in_scope(region_code));
