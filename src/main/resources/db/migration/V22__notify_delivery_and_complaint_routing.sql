-- Issue 6, items 3 and 5: delivery of the outbox (email, SMS, WhatsApp) with retries, routing rules per
-- complaint category, and escalation of overdue complaints.

-- --- notify: channels, retries, delivery status -----------------------------------------------------
-- PENDING: not tried yet (or waiting for a transport to be configured); FAILED: tried, will be retried at
-- next_attempt_at; SENT; DEAD: given up after the maximum number of attempts (an administrator may retry).
ALTER TABLE notify_outbox DROP CONSTRAINT notify_outbox_channel_check;
ALTER TABLE notify_outbox ADD CONSTRAINT notify_outbox_channel_check CHECK (channel IN ('EMAIL', 'SMS', 'WHATSAPP'));
ALTER TABLE notify_outbox DROP CONSTRAINT notify_outbox_status_check;
ALTER TABLE notify_outbox ADD CONSTRAINT notify_outbox_status_check
  CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'DEAD'));
-- A text message (SMS, WhatsApp) has no subject.
ALTER TABLE notify_outbox ALTER COLUMN subject DROP NOT NULL;
ALTER TABLE notify_outbox ADD COLUMN recipient_phone text;
ALTER TABLE notify_outbox ADD COLUMN next_attempt_at timestamptz;
-- A sender that claimed a message owns it until then (it sends outside the claiming transaction); a
-- sender that died mid-way leaves it to be claimed again after the lease.
ALTER TABLE notify_outbox ADD COLUMN claimed_until timestamptz;
ALTER TABLE notify_outbox ADD COLUMN last_attempt_at timestamptz;
UPDATE notify_outbox SET next_attempt_at = created_at WHERE next_attempt_at IS NULL;
ALTER TABLE notify_outbox ALTER COLUMN next_attempt_at SET NOT NULL;
DROP INDEX notify_outbox_pending_idx;
CREATE INDEX notify_outbox_due_idx ON notify_outbox (channel, next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX notify_outbox_list_idx ON notify_outbox (status, channel, created_at);

-- --- complaint: routing rules per category ---------------------------------------------------------
-- Where a new complaint of a category goes: DESA_OPERATOR (an operator of the complaint's desa),
-- BACK_OFFICE (the district's SLRT operators) or AGENCY (a partner agency, by the referral module's
-- agency code, kept as text; the district's SLRT operators follow it up). Reference data, not scoped.
CREATE TABLE complaint_routing (
  category    text PRIMARY KEY CHECK (category IN ('PROGRAM_NOT_RECEIVED', 'PAYMENT_PROBLEM', 'DATA_ERROR',
                'NEED_HEALTH', 'NEED_EDUCATION', 'NEED_DISABILITY_AID', 'NEED_FOOD', 'NEED_HOUSING',
                'NEED_ID_DOCUMENTS', 'OTHER')),
  target      text NOT NULL CHECK (target IN ('DESA_OPERATOR', 'BACK_OFFICE', 'AGENCY')),
  agency_code text,
  updated_at  timestamptz NOT NULL,
  updated_by  text NOT NULL,
  CHECK ((target = 'AGENCY') = (agency_code IS NOT NULL))
);
-- Starting values: program and payment problems need the district's data and the bank; the rest start in
-- the desa, where the Puskesos knows the family.
INSERT INTO complaint_routing (category, target, agency_code, updated_at, updated_by) VALUES
  ('PROGRAM_NOT_RECEIVED', 'BACK_OFFICE', NULL, now(), 'system'),
  ('PAYMENT_PROBLEM', 'BACK_OFFICE', NULL, now(), 'system'),
  ('DATA_ERROR', 'DESA_OPERATOR', NULL, now(), 'system'),
  ('NEED_HEALTH', 'DESA_OPERATOR', NULL, now(), 'system'),
  ('NEED_EDUCATION', 'DESA_OPERATOR', NULL, now(), 'system'),
  ('NEED_DISABILITY_AID', 'DESA_OPERATOR', NULL, now(), 'system'),
  ('NEED_FOOD', 'DESA_OPERATOR', NULL, now(), 'system'),
  ('NEED_HOUSING', 'DESA_OPERATOR', NULL, now(), 'system'),
  ('NEED_ID_DOCUMENTS', 'DESA_OPERATOR', NULL, now(), 'system'),
  ('OTHER', 'DESA_OPERATOR', NULL, now(), 'system');

-- How the complaint was routed at filing, and how far it has been escalated (0 none, 1 the kecamatan's
-- supervisors, 2 the district's managers) and when the last level was reached.
ALTER TABLE complaint ADD COLUMN route_target text CHECK (route_target IN ('DESA_OPERATOR', 'BACK_OFFICE', 'AGENCY'));
ALTER TABLE complaint ADD COLUMN agency_code text;
ALTER TABLE complaint ADD COLUMN escalation_level integer NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2);
ALTER TABLE complaint ADD COLUMN escalated_at timestamptz;
-- The escalation job reads open complaints past a due date, a few at a time.
CREATE INDEX complaint_escalation_idx ON complaint (acknowledge_due, resolve_due)
  WHERE status IN ('RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED') AND escalation_level < 2;
-- Least-loaded handler at routing: open complaints per assignee.
CREATE INDEX complaint_assignee_open_idx ON complaint (assignee)
  WHERE status IN ('RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED');

-- Steps of one complaint taken in the same instant (filed and routed; a test clock that stands still) keep
-- the order they were written in: ids (UUID v7) order only to the millisecond.
ALTER TABLE complaint_event ADD COLUMN seq bigserial;
