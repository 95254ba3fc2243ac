-- The district's own copy of DTKS. Every table carries the desa's region_code and is scoped by
-- row-level security; nothing is deleted (status with date and reason instead).

CREATE TABLE household (
  id              uuid PRIMARY KEY,
  region_code     text COLLATE "C" NOT NULL REFERENCES region (code),
  no_kk           text,
  dtks_id         text,
  address         text,
  rt              text,
  rw              text,
  dusun           text,
  latitude        numeric(9, 6) CHECK (latitude BETWEEN -11 AND 6),
  longitude       numeric(9, 6) CHECK (longitude BETWEEN 94 AND 142),
  -- DTKS housing and welfare indicators, coded (see Household.java for the code lists)
  house_ownership text,
  floor_area_m2   numeric(7, 1) CHECK (floor_area_m2 >= 0),
  floor_type      text,
  wall_type       text,
  roof_type       text,
  water_source    text,
  lighting        text,
  cooking_fuel    text,
  toilet          text,
  desil           smallint CHECK (desil BETWEEN 1 AND 10),
  desil_as_of     date,
  status          text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'MOVED', 'DISSOLVED', 'DUPLICATE')),
  status_date     date,
  status_reason   text,
  quality         text NOT NULL DEFAULT 'OK' CHECK (quality IN ('OK', 'WARNING', 'ERROR')),
  version         integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL,
  created_by      text NOT NULL,
  updated_at      timestamptz NOT NULL,
  updated_by      text NOT NULL
);
CREATE INDEX household_region_idx ON household (region_code);
CREATE INDEX household_kk_idx ON household (no_kk);
CREATE INDEX household_dtks_idx ON household (dtks_id) WHERE dtks_id IS NOT NULL;
CREATE INDEX household_quality_idx ON household (region_code, quality) WHERE quality <> 'OK';

CREATE TABLE member (
  id             uuid PRIMARY KEY,
  household_id   uuid NOT NULL REFERENCES household (id),
  region_code    text COLLATE "C" NOT NULL REFERENCES region (code),
  nik            text,
  no_nik_reason  text,
  full_name      text NOT NULL,
  name_key       text GENERATED ALWAYS AS (slrt_name_key(full_name)) STORED,
  birth_place    text,
  birth_date     date,
  sex            char(1) CHECK (sex IN ('L', 'P')),
  relationship   text NOT NULL CHECK (relationship IN ('KEPALA', 'ISTRI_SUAMI', 'ANAK', 'MENANTU', 'CUCU',
                                                      'ORANG_TUA', 'PEMBANTU', 'LAINNYA')),
  marital_status text CHECK (marital_status IN ('BELUM_KAWIN', 'KAWIN', 'CERAI_HIDUP', 'CERAI_MATI')),
  education      text,
  occupation     text,
  disability     text NOT NULL DEFAULT 'NONE',
  mother_name    text,
  phone          text,
  status         text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DIED', 'MOVED_OUT', 'DUPLICATE')),
  status_date    date,
  status_reason  text,
  quality        text NOT NULL DEFAULT 'OK' CHECK (quality IN ('OK', 'WARNING', 'ERROR')),
  version        integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  created_by     text NOT NULL,
  updated_at     timestamptz NOT NULL,
  updated_by     text NOT NULL,
  CHECK (nik IS NOT NULL OR no_nik_reason IS NOT NULL)
);
CREATE INDEX member_household_idx ON member (household_id);
CREATE INDEX member_region_idx ON member (region_code);
-- Not unique: imported data may hold the same NIK twice, and such rows are kept for correction
-- (the validator refuses a new duplicate; the data-quality worklist shows the old ones).
CREATE INDEX member_nik_idx ON member (nik);
CREATE INDEX member_name_key_trgm_idx ON member USING gin (name_key gin_trgm_ops);

CREATE TABLE ppks_condition (
  id            uuid PRIMARY KEY,
  household_id  uuid NOT NULL REFERENCES household (id),
  member_id     uuid REFERENCES member (id),
  region_code   text COLLATE "C" NOT NULL REFERENCES region (code),
  category_code text NOT NULL REFERENCES ppks_category (code),
  since         date,
  note          text,
  active        boolean NOT NULL DEFAULT true,
  ended_at      date,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL
);
CREATE INDEX ppks_condition_household_idx ON ppks_condition (household_id);
CREATE INDEX ppks_condition_category_idx ON ppks_condition (region_code, category_code) WHERE active;

CREATE TABLE bank_account (
  id             uuid PRIMARY KEY,
  household_id   uuid NOT NULL REFERENCES household (id),
  member_id      uuid REFERENCES member (id),
  region_code    text COLLATE "C" NOT NULL REFERENCES region (code),
  bank_code      text NOT NULL,
  account_number text NOT NULL,
  holder_name    text NOT NULL,
  verified       boolean NOT NULL DEFAULT false,
  verified_at    timestamptz,
  verified_by    text,
  active         boolean NOT NULL DEFAULT true,
  version        integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  created_by     text NOT NULL,
  updated_at     timestamptz NOT NULL,
  updated_by     text NOT NULL
);
CREATE INDEX bank_account_household_idx ON bank_account (household_id);

CREATE TABLE program (
  code   text PRIMARY KEY,
  name   text NOT NULL,
  scope  text NOT NULL DEFAULT 'NATIONAL' CHECK (scope IN ('NATIONAL', 'LOCAL')),
  active boolean NOT NULL DEFAULT true
);
INSERT INTO program (code, name, scope) VALUES
  ('PKH', 'Program Keluarga Harapan', 'NATIONAL'),
  ('BPNT', 'Bantuan Pangan Non Tunai / Program Sembako', 'NATIONAL'),
  ('PBI_JK', 'Penerima Bantuan Iuran Jaminan Kesehatan (KIS)', 'NATIONAL'),
  ('KIP', 'Kartu Indonesia Pintar / PIP', 'NATIONAL'),
  ('ATENSI', 'Asistensi Rehabilitasi Sosial', 'NATIONAL'),
  ('ASLUT', 'Asistensi Sosial Lanjut Usia Terlantar', 'NATIONAL'),
  ('ASPDB', 'Asistensi Sosial Penyandang Disabilitas Berat', 'NATIONAL'),
  ('KUBE', 'Kelompok Usaha Bersama', 'NATIONAL'),
  ('RS_RTLH', 'Rehabilitasi Sosial Rumah Tidak Layak Huni', 'NATIONAL'),
  ('BST', 'Bantuan Sosial Tunai (2020–2021)', 'NATIONAL'),
  ('BLT_DD', 'BLT Dana Desa', 'LOCAL'),
  ('GURU_MENGAJI', 'Insentif guru mengaji', 'LOCAL');

CREATE TABLE program_participation (
  id           uuid PRIMARY KEY,
  household_id uuid NOT NULL REFERENCES household (id),
  member_id    uuid REFERENCES member (id),
  region_code  text COLLATE "C" NOT NULL REFERENCES region (code),
  program_code text NOT NULL REFERENCES program (code),
  since        date,
  until        date,
  status       text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'ENDED')),
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  updated_at   timestamptz NOT NULL,
  updated_by   text NOT NULL
);
CREATE INDEX program_participation_household_idx ON program_participation (household_id);
CREATE INDEX program_participation_program_idx ON program_participation (region_code, program_code) WHERE status = 'ACTIVE';

-- Validation findings kept with the data: the data-quality worklist reads them.
CREATE TABLE quality_issue (
  id           uuid PRIMARY KEY,
  household_id uuid NOT NULL REFERENCES household (id),
  member_id    uuid REFERENCES member (id),
  region_code  text COLLATE "C" NOT NULL REFERENCES region (code),
  code         text NOT NULL,
  severity     text NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
  field        text,
  args         text,
  accepted_reason text,
  open         boolean NOT NULL DEFAULT true,
  found_at     timestamptz NOT NULL
);
CREATE INDEX quality_issue_open_idx ON quality_issue (region_code, code) WHERE open;
CREATE INDEX quality_issue_household_idx ON quality_issue (household_id) WHERE open;
GRANT DELETE ON quality_issue TO ${app_role};

-- Field-by-field history of every registry change, shown on the household's history tab.
CREATE TABLE registry_history (
  id           uuid PRIMARY KEY,
  household_id uuid NOT NULL REFERENCES household (id),
  region_code  text COLLATE "C" NOT NULL,
  entity_type  text NOT NULL,
  entity_id    uuid NOT NULL,
  action       text NOT NULL,
  changes      jsonb,
  reason       text,
  at           timestamptz NOT NULL,
  actor        text NOT NULL
);
CREATE INDEX registry_history_household_idx ON registry_history (household_id, at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON registry_history FROM ${app_role};

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['household', 'member', 'ppks_condition', 'bank_account', 'program_participation',
                           'quality_issue', 'registry_history'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (slrt_in_scope(region_code)) WITH CHECK (slrt_in_scope(region_code))',
                   t || '_in_scope', t);
  END LOOP;
END
$$;

-- Who holds a NIK anywhere in the district, whatever the caller's scope: the duplicate check must
-- see across desa, but reveals only the id and desa; the caller decides what to show.
CREATE FUNCTION slrt_nik_holders(p_nik text)
  RETURNS TABLE (member_id uuid, household_id uuid, region_code text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT m.id, m.household_id, m.region_code::text FROM member m WHERE m.nik = p_nik AND m.status = 'ACTIVE'
$$;
REVOKE ALL ON FUNCTION slrt_nik_holders(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION slrt_nik_holders(text) TO ${app_role};
