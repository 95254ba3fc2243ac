-- Complaints and needs (pengaduan, keluhan): filed by a citizen on the public form, by a Puskesos/SLRT
-- operator for a walk-in, or through the API. The public sees a complaint only through its tracking code,
-- and then only its stage and expected date; everything else is personal data, scoped by desa.
CREATE TABLE complaint (
  id                 uuid PRIMARY KEY,
  tracking_code      text NOT NULL UNIQUE,
  region_code        text COLLATE "C" NOT NULL REFERENCES region (code),
  channel            text NOT NULL CHECK (channel IN ('WEB_PUBLIC', 'OPERATOR', 'API')),
  complainant_name   text NOT NULL,
  complainant_phone  text,
  complainant_nik    text,
  -- For whom: the person concerned when not the complainant; their registry member/household when found.
  subject_nik        text,
  member_id          uuid,
  household_id       uuid,
  category           text NOT NULL CHECK (category IN ('PROGRAM_NOT_RECEIVED', 'PAYMENT_PROBLEM', 'DATA_ERROR',
                       'NEED_HEALTH', 'NEED_EDUCATION', 'NEED_DISABILITY_AID', 'NEED_FOOD', 'NEED_HOUSING',
                       'NEED_ID_DOCUMENTS', 'OTHER')),
  type               text NOT NULL CHECK (type IN ('PERTANYAAN', 'SARAN', 'PENGADUAN')),
  description        text NOT NULL,
  status             text NOT NULL CHECK (status IN ('RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED',
                       'RESOLVED', 'CLOSED')),
  assignee           text,
  acknowledge_due    date NOT NULL,
  resolve_due        date NOT NULL,
  acknowledged_at    timestamptz,
  resolved_at        timestamptz,
  closed_at          timestamptz,
  resolution         text,
  version            integer NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL,
  created_by         text NOT NULL,
  updated_at         timestamptz NOT NULL,
  updated_by         text NOT NULL
);
CREATE INDEX complaint_list_idx ON complaint (status, region_code text_pattern_ops, resolve_due);
CREATE INDEX complaint_region_idx ON complaint (region_code text_pattern_ops, created_at);
-- Possible duplicates: the same person (subject, else complainant) and category while still open.
CREATE INDEX complaint_person_idx ON complaint ((coalesce(subject_nik, complainant_nik)), category)
  WHERE status NOT IN ('RESOLVED', 'CLOSED');

-- The complaint's timeline: every step with who, when, from -> to and why.
CREATE TABLE complaint_event (
  id           uuid PRIMARY KEY,
  complaint_id uuid NOT NULL REFERENCES complaint (id),
  region_code  text COLLATE "C" NOT NULL,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  actor_role   text,
  action       text NOT NULL,
  from_status  text,
  to_status    text,
  note         text
);
CREATE INDEX complaint_event_complaint_idx ON complaint_event (complaint_id, at);
REVOKE UPDATE, DELETE, TRUNCATE ON complaint_event FROM ${app_role};

-- Attachments (content-addressed on disk by FileStore).
CREATE TABLE complaint_file (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaint (id),
  region_code   text COLLATE "C" NOT NULL,
  sha256        text NOT NULL,
  size_bytes    bigint NOT NULL,
  content_type  text NOT NULL,
  original_name text NOT NULL,
  uploaded_at   timestamptz NOT NULL,
  uploaded_by   text NOT NULL
);
CREATE INDEX complaint_file_complaint_idx ON complaint_file (complaint_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['complaint', 'complaint_event', 'complaint_file'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (slrt_in_scope(region_code)) WITH CHECK (slrt_in_scope(region_code))',
                   t || '_in_scope', t);
  END LOOP;
END
$$;

-- Service levels per category, in working days: to acknowledge and to resolve. SLRT times are local
-- (DOMAIN.md §7): these are starting values for the district to set, not a national rule.
CREATE TABLE complaint_sla (
  category         text PRIMARY KEY,
  acknowledge_days integer NOT NULL CHECK (acknowledge_days >= 0),
  resolve_days     integer NOT NULL CHECK (resolve_days >= 0)
);
INSERT INTO complaint_sla (category, acknowledge_days, resolve_days) VALUES
  ('PROGRAM_NOT_RECEIVED', 2, 14),
  ('PAYMENT_PROBLEM', 2, 10),
  ('DATA_ERROR', 2, 10),
  ('NEED_HEALTH', 1, 5),
  ('NEED_EDUCATION', 2, 14),
  ('NEED_DISABILITY_AID', 2, 14),
  ('NEED_FOOD', 1, 5),
  ('NEED_HOUSING', 3, 30),
  ('NEED_ID_DOCUMENTS', 2, 14),
  ('OTHER', 3, 14);

-- Days that are not working days besides Saturday and Sunday. Fixed-date national holidays are
-- certain; dates of the lunar and Balinese calendars follow the government's yearly decree (SKB 3
-- Menteri) and are marked verified = false until checked against it.
CREATE TABLE holiday (
  date     date PRIMARY KEY,
  name     text NOT NULL,
  verified boolean NOT NULL DEFAULT true
);
INSERT INTO holiday (date, name, verified) VALUES
  ('2026-01-01', 'Tahun Baru Masehi', true),
  ('2026-03-19', 'Hari Suci Nyepi', false),
  ('2026-03-20', 'Idulfitri 1447 H', false),
  ('2026-03-21', 'Idulfitri 1447 H (hari kedua)', false),
  ('2026-04-03', 'Wafat Yesus Kristus', false),
  ('2026-05-01', 'Hari Buruh Internasional', true),
  ('2026-05-14', 'Kenaikan Yesus Kristus', false),
  ('2026-05-27', 'Iduladha 1447 H', false),
  ('2026-06-01', 'Hari Lahir Pancasila', true),
  ('2026-08-17', 'Hari Kemerdekaan Republik Indonesia', true),
  ('2026-12-25', 'Hari Raya Natal', true),
  ('2027-01-01', 'Tahun Baru Masehi', true),
  ('2027-03-10', 'Idulfitri 1448 H', false),
  ('2027-03-11', 'Idulfitri 1448 H (hari kedua)', false),
  ('2027-05-01', 'Hari Buruh Internasional', true),
  ('2027-05-17', 'Iduladha 1448 H', false),
  ('2027-06-01', 'Hari Lahir Pancasila', true),
  ('2027-08-17', 'Hari Kemerdekaan Republik Indonesia', true),
  ('2027-12-25', 'Hari Raya Natal', true);
