-- Append-only audit trail. The application role may read and insert, never change or remove.
CREATE TABLE audit_event (
  id          uuid PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor       text NOT NULL,
  actor_id    uuid,
  actor_role  text,
  client_ip   text,
  action      text NOT NULL,
  entity_type text,
  entity_id   text,
  region_code text COLLATE "C" NOT NULL,
  changes     jsonb,
  detail      text
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, at DESC);
CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, at DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, at DESC);
CREATE INDEX audit_event_region_idx ON audit_event (region_code);

REVOKE ALL ON audit_event FROM ${app_role};
GRANT SELECT, INSERT ON audit_event TO ${app_role};

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_event_read ON audit_event FOR SELECT USING (slrt_in_scope(region_code));
CREATE POLICY audit_event_append ON audit_event FOR INSERT WITH CHECK (true);

-- Belt and braces: even the owner cannot rewrite history without dropping this trigger.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
