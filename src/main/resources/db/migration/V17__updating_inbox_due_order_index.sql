-- The inbox pages (/updates) list requests by deadline first (sort "due": due_at, then created_at, id;
-- ChangeRequestRepository.list). The V14 indexes are ordered by updated_at and do not carry created_at,
-- so every page sorted all requests of its inbox after reading them from the table: with 50 000 open
-- requests the district's "all" page spent 30 ms in a parallel sequential scan and "to-apply" 8 ms in a
-- bitmap heap scan (bench/README.md, "Pemutakhiran", baseline updating-load-2026-11-26b). In this order,
-- carrying the status and the scope column, a page is an index-only scan that stops after its rows (the
-- scope and status are checked in the index), and the "overdue" filter (due_at < now) is an index range.
CREATE INDEX change_request_due_idx
  ON change_request (due_at, created_at, id) INCLUDE (status, region_code);
