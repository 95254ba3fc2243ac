-- Inbox lists and counts under row-level security (bench/README.md, "Pemutakhiran"). The scope policy
-- compares region_code with >= and < on "C" collation; the V11 index used text_pattern_ops, which serves
-- LIKE but not those operators, so every inbox read all rows of its status and filtered the scope
-- afterwards. These indexes put the scope range in the index condition and carry what a page of ids
-- needs (order key, id), so the count and the page are index-only scans; the full rows of the 25 ids on
-- the page are read afterwards (ChangeRequestRepository.list). A plain b-tree on a "C" column serves
-- LIKE 'prefix%' too, so the V11 index is dropped.
CREATE INDEX change_request_status_scope_idx
  ON change_request (status, region_code, updated_at DESC, id) INCLUDE (due_at);
CREATE INDEX change_request_scope_idx
  ON change_request (region_code, updated_at DESC, id) INCLUDE (status, due_at);
DROP INDEX change_request_inbox_idx;

-- Operator monitoring: steps of a period under the scope (same reason: a range on plain "C" order).
CREATE INDEX change_request_event_scope_at_idx
  ON change_request_event (region_code, at) INCLUDE (action, actor, request_id);
