-- Kemendagri region codes (reference data, not personal: no row-level security).
CREATE TABLE region (
  code        text COLLATE "C" PRIMARY KEY,
  parent_code text COLLATE "C" REFERENCES region (code),
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 4), -- 1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa/kelurahan
  name        text NOT NULL,
  CHECK (length(code) = CASE level WHEN 1 THEN 2 WHEN 2 THEN 4 WHEN 3 THEN 6 ELSE 10 END)
);
CREATE INDEX region_parent_idx ON region (parent_code, name);
CREATE INDEX region_name_trgm_idx ON region USING gin (lower(name) gin_trgm_ops);

-- Codes that existed in an earlier decree and no longer do (NIKs keep them after pemekaran).
CREATE TABLE region_historical (
  code         text COLLATE "C" PRIMARY KEY,
  name         text NOT NULL,
  last_seen_in text NOT NULL
);
