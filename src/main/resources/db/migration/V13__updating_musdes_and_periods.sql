-- Musyawarah desa/kelurahan: the village deliberation that agrees on the desa's proposals. Requests
-- (change_request.musdes_id) are grouped under the deliberation that agreed them; the minutes
-- (berita acara) are a file in the content-addressed store, found by its sha256.
CREATE TABLE musdes (
  id               uuid PRIMARY KEY,
  region_code      text COLLATE "C" NOT NULL REFERENCES region (code),
  kind             text NOT NULL CHECK (kind IN ('MUSDES', 'MUSKEL')),
  held_on          date NOT NULL,
  place            text NOT NULL,
  attendance_count integer NOT NULL CHECK (attendance_count > 0),
  chaired_by       text NOT NULL,
  minutes_sha256   text,
  minutes_name     text,
  minutes_type     text,
  minutes_size     bigint,
  notes            text,
  version          integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  created_by       text NOT NULL,
  updated_at       timestamptz NOT NULL,
  updated_by       text NOT NULL
);
CREATE INDEX musdes_region_idx ON musdes (region_code text_pattern_ops, held_on);
CREATE INDEX change_request_musdes_idx ON change_request (musdes_id) WHERE musdes_id IS NOT NULL;

ALTER TABLE musdes ENABLE ROW LEVEL SECURITY;
CREATE POLICY musdes_in_scope ON musdes USING (slrt_in_scope(region_code)) WITH CHECK (slrt_in_scope(region_code));

-- The district's pemutakhiran periods with their cut-off dates (last day, in the district's time
-- zone): desa submit, kecamatan supervisors verify, the district applies. Periods of one region
-- never overlap. Everyone under the district reads them; only district-scope users write them.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE update_period (
  id               uuid PRIMARY KEY,
  region_code      text COLLATE "C" NOT NULL REFERENCES region (code),
  name             text NOT NULL,
  opens_on         date NOT NULL,
  desa_cutoff      date NOT NULL,
  kecamatan_cutoff date NOT NULL,
  district_cutoff  date NOT NULL,
  version          integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  created_by       text NOT NULL,
  updated_at       timestamptz NOT NULL,
  updated_by       text NOT NULL,
  CHECK (opens_on <= desa_cutoff AND desa_cutoff <= kecamatan_cutoff AND kecamatan_cutoff <= district_cutoff),
  CONSTRAINT update_period_no_overlap EXCLUDE USING gist (
    region_code WITH =, daterange(opens_on, district_cutoff, '[]') WITH &&)
);
ALTER TABLE update_period ENABLE ROW LEVEL SECURITY;
CREATE POLICY update_period_visible ON update_period
  USING (slrt_in_scope(region_code) OR starts_with(slrt_scope(), region_code))
  WITH CHECK (slrt_in_scope(region_code));

-- Outgoing messages of the notify module (email for now): written in the same transaction as what
-- caused them, sent later; dedup_key makes "one reminder per request per day" a constraint.
CREATE TABLE notify_outbox (
  id                 uuid PRIMARY KEY,
  region_code        text COLLATE "C" NOT NULL,
  channel            text NOT NULL CHECK (channel IN ('EMAIL')),
  recipient_username text,
  recipient_email    text,
  subject            text NOT NULL,
  body               text NOT NULL,
  template_key       text NOT NULL,
  dedup_key          text NOT NULL UNIQUE,
  status             text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts           integer NOT NULL DEFAULT 0,
  last_error         text,
  created_at         timestamptz NOT NULL,
  sent_at            timestamptz
);
CREATE INDEX notify_outbox_pending_idx ON notify_outbox (created_at) WHERE status = 'PENDING';
CREATE INDEX notify_outbox_dedup_prefix_idx ON notify_outbox (dedup_key text_pattern_ops);
ALTER TABLE notify_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY notify_outbox_in_scope ON notify_outbox
  USING (slrt_in_scope(region_code)) WITH CHECK (slrt_in_scope(region_code));
