-- Eligibility (module eligibility): each program's criteria as named rules in a small rule language
-- (id.slrt.eligibility.lang), compiled to SQL and run over the registry to list, per desa, who is
-- eligible but not receiving (EXCLUSION) and who receives but is not eligible (INCLUSION).

-- A rule is identified by (program, name); every save adds a version and keeps the old ones, so a
-- past run stays explainable. Append-only: a rule taken out of use is a new version with active false.
CREATE TABLE eligibility_rule (
  id           uuid PRIMARY KEY,
  program_code text NOT NULL REFERENCES program (code),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  version      integer NOT NULL CHECK (version >= 1),
  text         text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  note         text CHECK (length(note) <= 1000),
  active       boolean NOT NULL,
  author       text NOT NULL,
  created_at   timestamptz NOT NULL,
  UNIQUE (program_code, name, version)
);
REVOKE UPDATE, DELETE, TRUNCATE ON eligibility_rule FROM ${app_role};

-- A run: which programs, which rule versions (copied with their text), which region, progress and counts
-- per program. Counts only, no personal data: no region scope on the run itself.
CREATE TABLE eligibility_run (
  id           uuid PRIMARY KEY,
  region_code  text COLLATE "C" NOT NULL REFERENCES region (code),
  programs     text[] NOT NULL,
  rules        jsonb NOT NULL,
  as_of        date NOT NULL,
  status       text NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
  steps_total  integer NOT NULL,
  steps_done   integer NOT NULL DEFAULT 0,
  counts       jsonb NOT NULL DEFAULT '{}',
  failure      text,
  started_at   timestamptz NOT NULL,
  started_by   text NOT NULL,
  finished_at  timestamptz
);
CREATE INDEX eligibility_run_started_idx ON eligibility_run (started_at DESC);

-- One household found by a run for one program, with the reason (the rule clauses that decided) and,
-- once someone acted on it, the change request made from it. Personal data: scoped by desa.
-- No foreign key to household: cases are written set-based by the hundred thousand, and households
-- are never deleted (a state, not a DELETE).
CREATE TABLE eligibility_case (
  run_id          uuid NOT NULL REFERENCES eligibility_run (id),
  program_code    text NOT NULL,
  household_id    uuid NOT NULL,
  region_code     text COLLATE "C" NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('EXCLUSION', 'INCLUSION')),
  reason          text NOT NULL,
  request_id      uuid,
  request_number  text,
  acted_by        text,
  acted_at        timestamptz,
  PRIMARY KEY (run_id, program_code, household_id)
);
CREATE INDEX eligibility_case_list_idx ON eligibility_case (run_id, region_code, program_code, kind);
ALTER TABLE eligibility_case ENABLE ROW LEVEL SECURITY;
CREATE POLICY eligibility_case_in_scope ON eligibility_case
  USING (slrt_in_scope(region_code)) WITH CHECK (slrt_in_scope(region_code));

-- A run step reads one program's active and proposed participations of one region; without this
-- index each of the 15 kecamatan steps of a district run scanned the whole table (830 000 rows at a
-- million people) once per program. Members need none: their grouping reads the whole region anyway,
-- and a covering index (76 MB at a million people) saved only a tenth of a preview.
CREATE INDEX program_participation_eligibility_idx ON program_participation (program_code, region_code)
  INCLUDE (household_id, status) WHERE status IN ('ACTIVE', 'PROPOSED');

-- Example rules, to be checked by the social office before use (DOMAIN.md §5; the registry records the
-- kind of disability, not its severity, so "severe" is approximated by GANDA, multiple disabilities).
INSERT INTO eligibility_rule (id, program_code, name, version, text, note, active, author, created_at) VALUES
('0190a000-0000-7000-8000-000000000001', 'PKH', 'Desil 1–4', 1,
 E'# Contoh: periksa oleh Dinas Sosial\nhousehold.desil <= 4',
 'Contoh awal, periksa oleh Dinas Sosial sebelum dipakai.', true, 'system', now()),
('0190a000-0000-7000-8000-000000000002', 'PKH', 'Komponen PKH', 1,
 E'# Contoh: periksa oleh Dinas Sosial. Ibu hamil tidak tercatat di registri.\nany member (age <= 6)\nor any member (age between 7 and 18)\nor any member (age >= 60)\nor any member (disability = ''GANDA'')',
 'Contoh awal, periksa oleh Dinas Sosial sebelum dipakai.', true, 'system', now()),
('0190a000-0000-7000-8000-000000000003', 'BPNT', 'Keluarga termiskin (desil 1–4)', 1,
 E'# Contoh: periksa oleh Dinas Sosial\nhousehold.desil <= 4',
 'Contoh awal, periksa oleh Dinas Sosial sebelum dipakai.', true, 'system', now()),
('0190a000-0000-7000-8000-000000000004', 'PBI_JK', 'Miskin dan rentan (desil 1–5)', 1,
 E'# Contoh: periksa oleh Dinas Sosial\nhousehold.desil <= 5',
 'Contoh awal, periksa oleh Dinas Sosial sebelum dipakai.', true, 'system', now()),
('0190a000-0000-7000-8000-000000000005', 'ASLUT', 'Lansia terlantar', 1,
 E'# Contoh: periksa oleh Dinas Sosial\nany member (age >= 60 and ppks = ''LUT'')',
 'Contoh awal, periksa oleh Dinas Sosial sebelum dipakai.', true, 'system', now()),
('0190a000-0000-7000-8000-000000000006', 'ASLUT', 'Desil 1–4', 1,
 E'# Contoh: periksa oleh Dinas Sosial\nhousehold.desil <= 4',
 'Contoh awal, periksa oleh Dinas Sosial sebelum dipakai.', true, 'system', now()),
('0190a000-0000-7000-8000-000000000007', 'ASPDB', 'Disabilitas berat', 1,
 E'# Contoh: periksa oleh Dinas Sosial. Registri mencatat jenis, bukan tingkat disabilitas:\n# GANDA (ganda) dipakai sebagai pendekatan "berat".\nany member (disability = ''GANDA'')',
 'Contoh awal, periksa oleh Dinas Sosial sebelum dipakai.', true, 'system', now()),
('0190a000-0000-7000-8000-000000000008', 'ASPDB', 'Desil 1–4', 1,
 E'# Contoh: periksa oleh Dinas Sosial\nhousehold.desil <= 4',
 'Contoh awal, periksa oleh Dinas Sosial sebelum dipakai.', true, 'system', now());
