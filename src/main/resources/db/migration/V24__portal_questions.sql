-- Public questions and answers (module portal): anyone asks without an account, staff answer, and an
-- answered question is published in the wording staff chose. Everything here is treated as personal
-- data: what the asker typed may name people, and the contact (name, email, phone) certainly does.
-- So all three tables carry region_code (the district: a question is not about a desa) and the
-- row-level security policy; public pages read published rows through the district scope and only
-- ever select the public columns. Contact details live in their own table that no public query joins.
CREATE TABLE question (
  id             uuid PRIMARY KEY,
  reference      text NOT NULL UNIQUE,
  region_code    text COLLATE "C" NOT NULL REFERENCES region (code),
  program_code   text REFERENCES program (code),
  asked_text     text NOT NULL CHECK (length(asked_text) BETWEEN 1 AND 2000),
  public_text    text NOT NULL CHECK (length(public_text) BETWEEN 1 AND 2000),
  asker_initials text CHECK (length(asker_initials) <= 12),
  answer         text CHECK (length(answer) <= 8000),
  status         text NOT NULL CHECK (status IN ('NEW', 'PUBLISHED', 'REJECTED', 'UNPUBLISHED')),
  reject_reason  text CHECK (reject_reason IN ('SPAM', 'PERSONAL_CASE', 'DUPLICATE', 'OFF_TOPIC')),
  status_note    text,
  answered_at    timestamptz,
  answered_by    text,
  published_at   timestamptz,
  published_by   text,
  -- 'simple': PostgreSQL has no Indonesian stemmer; words match as written, and the search adds prefix
  -- matching so that "sekol" finds "sekolah".
  search         tsvector GENERATED ALWAYS AS (to_tsvector('simple', public_text || ' ' || coalesce(answer, ''))) STORED,
  version        integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL,
  created_by     text NOT NULL,
  updated_at     timestamptz NOT NULL,
  updated_by     text NOT NULL,
  CHECK ((status = 'REJECTED') = (reject_reason IS NOT NULL)),
  CHECK (status <> 'PUBLISHED' OR (answer IS NOT NULL AND published_at IS NOT NULL))
);
CREATE INDEX question_queue_idx ON question (status, created_at);
CREATE INDEX question_published_idx ON question (published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX question_program_idx ON question (program_code, published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX question_search_idx ON question USING gin (search);

-- Who asked and how to tell them: never shown publicly; every staff read is audited.
CREATE TABLE question_contact (
  question_id uuid PRIMARY KEY REFERENCES question (id),
  region_code text COLLATE "C" NOT NULL,
  name        text CHECK (length(name) <= 80),
  email       text CHECK (length(email) <= 254),
  phone       text CHECK (length(phone) <= 20),
  created_at  timestamptz NOT NULL
);

-- Every moderation step: who, when, what, from -> to.
CREATE TABLE question_event (
  id          uuid PRIMARY KEY,
  question_id uuid NOT NULL REFERENCES question (id),
  region_code text COLLATE "C" NOT NULL,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  actor_role  text,
  action      text NOT NULL,
  from_status text,
  to_status   text,
  note        text
);
CREATE INDEX question_event_question_idx ON question_event (question_id, at);
REVOKE UPDATE, DELETE, TRUNCATE ON question_event FROM ${app_role};

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['question', 'question_contact', 'question_event'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (slrt_in_scope(region_code)) WITH CHECK (slrt_in_scope(region_code))',
                   t || '_in_scope', t);
  END LOOP;
END
$$;
