-- Referral (rujukan) to a Dinas Sosial program unit or a partner agency, from a complaint or a household.
-- Partners answer as MITRA users (who see only their own agency's referrals) or, without an account,
-- through an expiring single-referral link whose token is kept only as a SHA-256 hash.

-- Partner agencies and program units: reference data, not personal data (no region_code, no RLS).
-- accept_days / complete_days: the referral's service level in working days (local settings).
CREATE TABLE partner_agency (
  code          text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_]{2,30}$'),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 160),
  kind          text NOT NULL CHECK (kind IN ('CIVIL_REGISTRY', 'HEALTH_INSURANCE', 'EMPLOYMENT_INSURANCE', 'HEALTH',
                  'EDUCATION', 'ZAKAT', 'VILLAGE', 'SOCIAL_PROGRAM', 'OTHER')),
  email         text,
  phone         text,
  accept_days   integer NOT NULL DEFAULT 3 CHECK (accept_days BETWEEN 0 AND 60),
  complete_days integer NOT NULL DEFAULT 14 CHECK (complete_days BETWEEN 0 AND 365),
  active        boolean NOT NULL DEFAULT true,
  version       integer NOT NULL DEFAULT 0,
  updated_at    timestamptz NOT NULL,
  updated_by    text NOT NULL
);
INSERT INTO partner_agency (code, name, kind, accept_days, complete_days, updated_at, updated_by) VALUES
  ('DUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'CIVIL_REGISTRY', 3, 14, now(), 'system'),
  ('BPJS_KES', 'BPJS Kesehatan', 'HEALTH_INSURANCE', 3, 14, now(), 'system'),
  ('BPJS_TK', 'BPJS Ketenagakerjaan', 'EMPLOYMENT_INSURANCE', 3, 14, now(), 'system'),
  ('DINKES', 'Dinas Kesehatan', 'HEALTH', 2, 10, now(), 'system'),
  ('DISDIK', 'Dinas Pendidikan', 'EDUCATION', 3, 14, now(), 'system'),
  ('BAZNAS', 'Badan Amil Zakat Nasional (BAZNAS) kabupaten/kota', 'ZAKAT', 3, 14, now(), 'system'),
  ('PEMDES', 'Pemerintah Desa/Kelurahan', 'VILLAGE', 3, 14, now(), 'system'),
  ('DINSOS_PKH', 'Dinas Sosial: Program Keluarga Harapan (PKH)', 'SOCIAL_PROGRAM', 3, 14, now(), 'system'),
  ('DINSOS_BPNT', 'Dinas Sosial: Program Sembako/BPNT', 'SOCIAL_PROGRAM', 3, 14, now(), 'system'),
  ('DINSOS_PBI', 'Dinas Sosial: PBI Jaminan Kesehatan', 'SOCIAL_PROGRAM', 3, 14, now(), 'system'),
  ('DINSOS_ATENSI', 'Dinas Sosial: Rehabilitasi sosial / ATENSI', 'SOCIAL_PROGRAM', 3, 14, now(), 'system'),
  ('DINSOS_RTLH', 'Dinas Sosial: Rehabilitasi Rumah Tidak Layak Huni (RS-RTLH)', 'SOCIAL_PROGRAM', 5, 30, now(), 'system');

-- A MITRA user's agency is the agency's code (app_user.agency was free text): link existing partner
-- users whose text is an agency's name.
UPDATE app_user u SET agency = a.code
  FROM partner_agency a
 WHERE u.role = 'MITRA' AND lower(trim(u.agency)) = lower(a.name);

-- Readable numbers RJK/<year>/<desa>/<seq>: the sequence counts per year over the whole district.
CREATE TABLE referral_counter (
  year integer PRIMARY KEY,
  last integer NOT NULL
);

-- The partner-agency setting of the transaction, set beside slrt.scope by the application:
-- '*' = every agency (staff, system work), an agency code = that agency only (MITRA users),
-- unset or empty = none (fail closed).
CREATE FUNCTION slrt_agency_allows(agency text) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(current_setting('slrt.agency', true), '') = '*'
            OR agency = nullif(current_setting('slrt.agency', true), '') $$;

CREATE TABLE referral (
  id               uuid PRIMARY KEY,
  number           text NOT NULL UNIQUE,
  region_code      text COLLATE "C" NOT NULL REFERENCES region (code),
  agency_code      text NOT NULL REFERENCES partner_agency (code),
  source           text NOT NULL CHECK (source IN ('COMPLAINT', 'HOUSEHOLD')),
  complaint_id     uuid,
  household_id     uuid,
  member_id        uuid,
  -- Whom the referral is about, as the letter needs it (a copy: the partner has no registry access).
  subject_name     text NOT NULL,
  subject_nik      text,
  subject_address  text,
  reason           text NOT NULL,
  requested_action text NOT NULL,
  contact_name     text,
  contact_phone    text,
  status           text NOT NULL CHECK (status IN ('SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'CANCELLED')),
  accept_due       date NOT NULL,
  due_date         date NOT NULL,
  accepted_at      timestamptz,
  answered_at      timestamptz,
  decline_reason   text,
  completed_at     timestamptz,
  outcome          text CHECK (outcome IN ('RESOLVED', 'NOT_RESOLVED', 'NEEDS_OTHER_AGENCY')),
  outcome_note     text,
  outcome_sha256   text,
  outcome_file     text,
  outcome_type     text,
  outcome_size     bigint,
  cancelled_at     timestamptz,
  cancel_reason    text,
  previous_id      uuid REFERENCES referral (id),
  next_id          uuid REFERENCES referral (id),
  version          integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  created_by       text NOT NULL,
  updated_at       timestamptz NOT NULL,
  updated_by       text NOT NULL,
  CHECK (complaint_id IS NOT NULL OR household_id IS NOT NULL)
);
CREATE INDEX referral_list_idx ON referral (status, region_code text_pattern_ops, due_date);
CREATE INDEX referral_agency_idx ON referral (agency_code, status, due_date);
CREATE INDEX referral_complaint_idx ON referral (complaint_id) WHERE complaint_id IS NOT NULL;
CREATE INDEX referral_household_idx ON referral (household_id) WHERE household_id IS NOT NULL;

-- The referral's timeline. agency_code is copied so that the same policy limits partners.
CREATE TABLE referral_event (
  id          uuid PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral (id),
  region_code text COLLATE "C" NOT NULL,
  agency_code text NOT NULL,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  actor_role  text,
  action      text NOT NULL,
  from_status text,
  to_status   text,
  note        text
);
CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, at);
REVOKE UPDATE, DELETE, TRUNCATE ON referral_event FROM ${app_role};

-- Single-referral links for agencies without an account: only the SHA-256 of the token is kept.
CREATE TABLE referral_link (
  id          uuid PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral (id),
  region_code text COLLATE "C" NOT NULL,
  agency_code text NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  revoked_by  text,
  last_used_at timestamptz
);
CREATE INDEX referral_link_referral_idx ON referral_link (referral_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['referral', 'referral_event', 'referral_link'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (slrt_in_scope(region_code) AND slrt_agency_allows(agency_code))'
                   ' WITH CHECK (slrt_in_scope(region_code) AND slrt_agency_allows(agency_code))',
                   t || '_in_scope', t);
  END LOOP;
END
$$;
