-- The complaint oversight list at 1 000 000 complaints (issue 6, bench/README.md "Pengaduan").
-- "Overdue first" was computed per row from today's date (open and resolve_due < today, or received and
-- acknowledge_due < today), so every page sorted all complaints of its scope: 1.2 s for the district's open
-- list and 2.6 s for all statuses. next_due is the deadline a complaint waits on now: the acknowledgement
-- while it is RECEIVED (never later than the resolution), the resolution while it is otherwise open, none
-- once it is resolved or closed. Ordering by it (nulls last) puts the overdue first, most overdue on top,
-- then the rest by how soon they are due, then the finished; "overdue" is next_due < today, and "open" is
-- next_due IS NOT NULL.
ALTER TABLE complaint ADD COLUMN next_due date GENERATED ALWAYS AS (
  CASE WHEN status = 'RECEIVED' THEN acknowledge_due
       WHEN status IN ('ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED') THEN resolve_due END) STORED;

-- A page of ids in list order straight from an index, with what the filters and row-level security need
-- (status, category, scope column) carried in it, so count and page are index-only scans that stop early;
-- the 25 full rows are read afterwards by id. The scope policy is a range on "C" order, which a plain
-- b-tree serves; the V18 indexes used text_pattern_ops, which it cannot.
CREATE INDEX complaint_next_due_idx ON complaint (next_due, created_at, id) INCLUDE (status, category, region_code);
CREATE INDEX complaint_created_idx ON complaint (created_at, id) INCLUDE (status, category, region_code, next_due);
CREATE INDEX complaint_scope_idx ON complaint (region_code, next_due) INCLUDE (status, category);
DROP INDEX complaint_list_idx;
DROP INDEX complaint_region_idx;

-- The escalation job (V22) looks for open complaints past their deadline that are not at the top level:
-- that is next_due < today, read in deadline order from this index.
DROP INDEX complaint_escalation_idx;
CREATE INDEX complaint_escalation_idx ON complaint (next_due, id) WHERE escalation_level < 2 AND next_due IS NOT NULL;
