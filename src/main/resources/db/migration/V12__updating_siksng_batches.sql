-- SIKS-NG export batches: the district SLRT operator gathers applied change requests into a numbered
-- batch, downloads it as CSV/XLSX for upload to SIKS-NG, and later imports Kemensos' result file, which
-- confirms each request or sends it back to the desa.
--
-- siksng_batch_item, not only change_request.batch_id: a request rejected by Kemensos goes back to the
-- desa, is fixed, applied again and exported in a later batch. change_request.batch_id then names the
-- latest batch, while each earlier batch keeps its own item with Kemensos' outcome and reason. The item
-- also keeps the exact rows written to the file (jsonb), so a batch downloaded twice gives the same file
-- even when the registry changed since the export.
CREATE SEQUENCE siksng_batch_number_seq;
GRANT USAGE ON SEQUENCE siksng_batch_number_seq TO ${app_role};

CREATE TABLE siksng_batch (
  id                  uuid PRIMARY KEY,
  number              text NOT NULL UNIQUE,
  -- the region the batch covers: the district, or the kecamatan/desa it was filtered to
  region_code         text COLLATE "C" NOT NULL REFERENCES region (code),
  kind_filter         text,
  status              text NOT NULL CHECK (status IN ('CREATED', 'DOWNLOADED', 'RESULT_IMPORTED', 'CLOSED')),
  item_count          integer NOT NULL DEFAULT 0,
  row_count           integer NOT NULL DEFAULT 0,
  confirmed_count     integer NOT NULL DEFAULT 0,
  rejected_count      integer NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL,
  created_by          text NOT NULL,
  downloaded_at       timestamptz,
  downloaded_by       text,
  result_imported_at  timestamptz,
  result_imported_by  text,
  result_sha256       text,
  result_file_name    text,
  result_summary      jsonb,
  version             integer NOT NULL DEFAULT 0
);
CREATE INDEX siksng_batch_list_idx ON siksng_batch (region_code text_pattern_ops, created_at DESC);

CREATE TABLE siksng_batch_item (
  batch_id       uuid NOT NULL REFERENCES siksng_batch (id),
  request_id     uuid NOT NULL REFERENCES change_request (id),
  region_code    text COLLATE "C" NOT NULL REFERENCES region (code),
  request_number text NOT NULL,
  kind           text NOT NULL,
  rows           jsonb NOT NULL,
  outcome        text CHECK (outcome IN ('CONFIRMED', 'REJECTED')),
  reason         text,
  result_line    integer,
  decided_at     timestamptz,
  decided_by     text,
  PRIMARY KEY (batch_id, request_id)
);
CREATE UNIQUE INDEX siksng_batch_item_number_idx ON siksng_batch_item (batch_id, request_number);
CREATE INDEX siksng_batch_item_request_idx ON siksng_batch_item (request_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['siksng_batch', 'siksng_batch_item'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (slrt_in_scope(region_code)) WITH CHECK (slrt_in_scope(region_code))',
                   t || '_in_scope', t);
  END LOOP;
END
$$;
