-- The application works through a role without BYPASSRLS and without DELETE rights, so that
-- row-level security and "nothing is hard-deleted" hold for every query it makes.
-- The login user (the owner of the schema) runs Flyway; the pool switches to ${app_role}.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS', '${app_role}');
  END IF;
  EXECUTE format('GRANT %I TO %I', '${app_role}', current_user);
END
$$;

GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- The region scope of the current transaction, set by the application with
-- set_config('slrt.scope', <prefix>, true). Unset or empty means: no rows (fail closed).
CREATE FUNCTION slrt_scope() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('slrt.scope', true), '') $$;

-- True when a region code lies under the current scope prefix. Written as a range on "C"
-- collation (':' follows '9') so that a plain b-tree index on region_code serves it.
CREATE FUNCTION slrt_in_scope(code text) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT code COLLATE "C" >= slrt_scope() AND code COLLATE "C" < slrt_scope() || ':' $$;

-- Spring Modulith event publication registry (v2 structure, from spring-modulith-events-jdbc 2.1.1)
CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
GRANT DELETE ON event_publication TO ${app_role};
