-- Pemutakhiran: change requests made in a desa, verified by the kecamatan supervisor, validated and
-- applied by the district. A request keeps the base values of what it changes and the proposed values,
-- both as flat field maps (key -> text); registry data changes only when a request is applied.
CREATE SEQUENCE change_request_number_seq;
GRANT USAGE ON SEQUENCE change_request_number_seq TO ${app_role};

CREATE TABLE change_request (
  id             uuid PRIMARY KEY,
  number         text NOT NULL UNIQUE,
  region_code    text COLLATE "C" NOT NULL REFERENCES region (code),
  kind           text NOT NULL CHECK (kind IN ('NEW_HOUSEHOLD', 'ADD_MEMBER', 'REMOVE_MEMBER', 'MOVE_HOUSEHOLD',
                   'CORRECT', 'PPKS', 'PROGRAM', 'DTKS_REMOVAL', 'SPLIT', 'MERGE')),
  status         text NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'APPLIED',
                   'REJECTED', 'WITHDRAWN', 'EXPORTED', 'CONFIRMED')),
  household_id   uuid,
  base_version   integer,
  base           jsonb NOT NULL DEFAULT '{}',
  proposed       jsonb NOT NULL DEFAULT '{}',
  subject        text NOT NULL,
  reason         text NOT NULL,
  issues         jsonb NOT NULL DEFAULT '[]',
  returns        jsonb NOT NULL DEFAULT '{}',
  musdes_id      uuid,
  batch_id       uuid,
  due_at         timestamptz,
  maker_id       uuid NOT NULL,
  maker          text NOT NULL,
  maker_role     text NOT NULL,
  submitted_at   timestamptz,
  verifier       text,
  verified_at    timestamptz,
  applier        text,
  applied_at     timestamptz,
  result_household_id uuid,
  version        integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  updated_by     text NOT NULL
);
CREATE INDEX change_request_inbox_idx ON change_request (status, region_code text_pattern_ops, created_at);
CREATE INDEX change_request_household_idx ON change_request (household_id);
CREATE INDEX change_request_maker_idx ON change_request (maker, status);
CREATE INDEX change_request_batch_idx ON change_request (batch_id) WHERE batch_id IS NOT NULL;

-- The request's timeline: every step with who, when, from -> to and why (per-field reasons in details).
CREATE TABLE change_request_event (
  id          uuid PRIMARY KEY,
  request_id  uuid NOT NULL REFERENCES change_request (id),
  region_code text COLLATE "C" NOT NULL,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  actor_role  text NOT NULL,
  action      text NOT NULL,
  from_status text,
  to_status   text,
  reason      text,
  details     jsonb
);
CREATE INDEX change_request_event_request_idx ON change_request_event (request_id, at);
CREATE INDEX change_request_event_actor_idx ON change_request_event (region_code text_pattern_ops, actor, at);
REVOKE UPDATE, DELETE, TRUNCATE ON change_request_event FROM ${app_role};

-- Evidence: files (content-addressed on disk) attached to a request.
CREATE TABLE change_request_file (
  id            uuid PRIMARY KEY,
  request_id    uuid NOT NULL REFERENCES change_request (id),
  region_code   text COLLATE "C" NOT NULL,
  evidence_type text NOT NULL,
  sha256        text NOT NULL,
  size_bytes    bigint NOT NULL,
  content_type  text NOT NULL,
  original_name text NOT NULL,
  taken_at      timestamp,
  latitude      double precision,
  longitude     double precision,
  uploaded_at   timestamptz NOT NULL,
  uploaded_by   text NOT NULL
);
CREATE INDEX change_request_file_request_idx ON change_request_file (request_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['change_request', 'change_request_event', 'change_request_file'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (slrt_in_scope(region_code)) WITH CHECK (slrt_in_scope(region_code))',
                   t || '_in_scope', t);
  END LOOP;
END
$$;
