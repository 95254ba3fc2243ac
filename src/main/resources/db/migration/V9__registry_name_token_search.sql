-- Faster tolerant name search (see bench/README.md). Trigram matching of whole names is slow when a
-- name is made of very common tokens (MUHAMAD …, SITI …): tens of thousands of candidates must be
-- rechecked. Instead: a dictionary of the tokens of every name key with how many people carry them;
-- the search looks up the tokens similar to each query token in that small dictionary, keeps the
-- rarest query token's similar tokens, reads only the people carrying one of them (array index), and
-- ranks those by whole-name similarity.

CREATE TABLE name_token (
  token  text PRIMARY KEY,
  people integer NOT NULL
);
CREATE INDEX name_token_trgm_idx ON name_token USING gin (token gin_trgm_ops);

INSERT INTO name_token (token, people)
SELECT tok, count(*) FROM member, unnest(string_to_array(name_key, ' ')) AS tok WHERE tok <> '' GROUP BY tok;

CREATE INDEX member_name_tokens_idx ON member USING gin (string_to_array(name_key, ' '));

-- Keeps the dictionary's counts with the members, one statement at a time (transition tables).
CREATE FUNCTION member_name_tokens_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO name_token (token, people)
  SELECT tok, count(*) FROM new_rows, unnest(string_to_array(name_key, ' ')) AS tok WHERE tok <> '' GROUP BY tok
  ON CONFLICT (token) DO UPDATE SET people = name_token.people + excluded.people;
  RETURN NULL;
END
$$;

CREATE FUNCTION member_name_tokens_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT o.name_key AS old_key, n.name_key AS new_key
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE o.name_key IS DISTINCT FROM n.name_key
  ), delta AS (
    SELECT tok, -1 AS d FROM changed, unnest(string_to_array(old_key, ' ')) AS tok
    UNION ALL
    SELECT tok, 1 FROM changed, unnest(string_to_array(new_key, ' ')) AS tok
  )
  INSERT INTO name_token (token, people)
  SELECT tok, sum(d) FROM delta WHERE tok <> '' GROUP BY tok HAVING sum(d) <> 0
  ON CONFLICT (token) DO UPDATE SET people = name_token.people + excluded.people;
  RETURN NULL;
END
$$;

CREATE TRIGGER member_name_tokens_ins AFTER INSERT ON member
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_name_tokens_inserted();
CREATE TRIGGER member_name_tokens_upd AFTER UPDATE ON member
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_name_tokens_updated();

-- Same contract as in V8 (scope applied here, fails closed), new strategy: people carrying a token close
-- to each of the two rarest query tokens (two array-index look-ups intersected); when they are fewer than
-- the limit, people carrying a token close to the rarest one only (a query may hold a word the person's
-- name lacks).
CREATE OR REPLACE FUNCTION slrt_search_people(p_key text, p_birth_from date, p_birth_to date, p_region text, p_limit int)
  RETURNS TABLE (member_id uuid, household_id uuid, full_name text, nik text, birth_date date, region_code text,
                 status text, score real)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  rarest      text[];
  second      text[];
  found_rows  int;
BEGIN
  IF slrt_scope() IS NULL OR p_key IS NULL OR p_key = '' THEN
    RETURN;
  END IF;
  -- Per token, a typo of one letter in five still leaves a trigram similarity of about 0.3.
  PERFORM set_config('pg_trgm.similarity_threshold', '0.3', true);
  SELECT max(close_tokens) FILTER (WHERE rank = 1), max(close_tokens) FILTER (WHERE rank = 2)
  INTO rarest, second
  FROM (
    SELECT q.close_tokens, row_number() OVER (ORDER BY q.carriers, q.ord) AS rank
    FROM (
      SELECT u.ord, array_agg(t.token) AS close_tokens, sum(t.people) AS carriers
      FROM unnest(string_to_array(p_key, ' ')) WITH ORDINALITY AS u(tok, ord)
      JOIN name_token t ON t.people > 0 AND (t.token % u.tok OR t.token = u.tok)
      GROUP BY u.ord
    ) q
  ) ranked;
  IF rarest IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT m.id, m.household_id, m.full_name, m.nik, m.birth_date, m.region_code::text, m.status,
           similarity(m.name_key, p_key)
    FROM member m
    WHERE string_to_array(m.name_key, ' ') && rarest
      AND (second IS NULL OR string_to_array(m.name_key, ' ') && second)
      AND similarity(m.name_key, p_key) >= 0.4
      AND slrt_in_scope(m.region_code)
      AND (p_region IS NULL OR (m.region_code >= p_region AND m.region_code < p_region || ':'))
      AND (p_birth_from IS NULL OR m.birth_date >= p_birth_from)
      AND (p_birth_to IS NULL OR m.birth_date < p_birth_to)
    ORDER BY 8 DESC, m.full_name
    LIMIT p_limit;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  IF found_rows >= p_limit OR second IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT m.id, m.household_id, m.full_name, m.nik, m.birth_date, m.region_code::text, m.status,
           similarity(m.name_key, p_key)
    FROM member m
    WHERE string_to_array(m.name_key, ' ') && rarest
      AND NOT (string_to_array(m.name_key, ' ') && second)
      AND similarity(m.name_key, p_key) >= 0.4
      AND slrt_in_scope(m.region_code)
      AND (p_region IS NULL OR (m.region_code >= p_region AND m.region_code < p_region || ':'))
      AND (p_birth_from IS NULL OR m.birth_date >= p_birth_from)
      AND (p_birth_to IS NULL OR m.birth_date < p_birth_to)
    ORDER BY 8 DESC, m.full_name
    LIMIT p_limit - found_rows;
END
$$;
