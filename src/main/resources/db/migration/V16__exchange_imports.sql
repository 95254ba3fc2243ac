-- Bulk import of DTKS / village files. A job is one uploaded file (kept content-addressed by FileStore,
-- found again by sha256); every data row of the file is staged in import_row with its original cells,
-- the normalized values and its outcome, so that nothing is dropped and error rows can be downloaded
-- as a quarantine, corrected and imported again.
CREATE TABLE import_job (
  id            uuid PRIMARY KEY,
  -- the importer's scope: the job is seen by its importer and by those above
  region_code   text COLLATE "C" NOT NULL,
  sha256        text NOT NULL,
  file_name     text NOT NULL,
  file_size     bigint NOT NULL,
  format        text NOT NULL CHECK (format IN ('CSV', 'XLSX')),
  status        text NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
  phase         text NOT NULL DEFAULT 'QUEUED',
  total_rows    integer NOT NULL DEFAULT 0,
  rows_done     integer NOT NULL DEFAULT 0,
  accepted      integer NOT NULL DEFAULT 0,
  warnings      integer NOT NULL DEFAULT 0,
  errors        integer NOT NULL DEFAULT 0,
  households    integer NOT NULL DEFAULT 0,
  -- the file's header cells in order, and which canonical field each was read as (null: kept as is)
  columns       jsonb NOT NULL DEFAULT '[]',
  mapping       jsonb NOT NULL DEFAULT '{}',
  encoding      text,
  failure       text,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL,
  finished_at   timestamptz,
  cancelled_by  text,
  version       integer NOT NULL DEFAULT 0
);
-- Idempotency: the same file imported again in the same scope is recognised; a failed or cancelled
-- import changed nothing, so it may be run again.
CREATE UNIQUE INDEX import_job_file_idx ON import_job (region_code, sha256) WHERE status IN ('RUNNING', 'DONE');
CREATE INDEX import_job_list_idx ON import_job (region_code text_pattern_ops, created_at DESC);
CREATE INDEX import_job_creator_idx ON import_job (created_by, created_at DESC);

CREATE TABLE import_row (
  job_id        uuid NOT NULL REFERENCES import_job (id),
  row_no        integer NOT NULL,             -- 1-based data row (header not counted)
  region_code   text COLLATE "C" NOT NULL,    -- the row's desa, or the importer's scope when unknown or outside it
  household_key text NOT NULL,                -- No. KK + desa: the rows of one household
  nik           text,                         -- the NIK as 16 digits when readable, for set-based duplicate checks
  raw           jsonb NOT NULL,               -- every cell of the row, in the order of import_job.columns
  data          jsonb NOT NULL,               -- canonical field -> normalized value
  outcome       text CHECK (outcome IN ('ACCEPTED', 'WARNING', 'ERROR')),
  errors        jsonb NOT NULL DEFAULT '[]',  -- [{code, severity, column, args}]
  PRIMARY KEY (job_id, row_no)
);
CREATE INDEX import_row_household_idx ON import_row (job_id, household_key, row_no);
CREATE INDEX import_row_outcome_idx ON import_row (job_id, outcome, row_no);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['import_job', 'import_row'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (slrt_in_scope(region_code)) WITH CHECK (slrt_in_scope(region_code))',
                   t || '_in_scope', t);
  END LOOP;
END
$$;
