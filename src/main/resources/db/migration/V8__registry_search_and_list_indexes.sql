-- Name search. Row-level security cannot use the trigram index: pg_trgm's % operator is not
-- LEAKPROOF, so under a policy PostgreSQL must filter every row by scope before testing the name
-- (a sequential scan of all members, about 1 s at 1 million people). This function therefore runs
-- as the owner and applies the very same scope predicate, slrt_in_scope(region_code), itself; it is
-- the only registry read that does so, and RegistryApiTest proves it stays inside the caller's scope.
-- Strong matches (similarity >= 0.6) first; only when they are fewer than the limit, weaker ones
-- (>= 0.45) follow. Common names then stay fast, rare names keep their tolerance for typos.
CREATE FUNCTION slrt_search_people(p_key text, p_birth_from date, p_birth_to date, p_region text, p_limit int)
  RETURNS TABLE (member_id uuid, household_id uuid, full_name text, nik text, birth_date date, region_code text,
                 status text, score real)
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  found_rows int;
BEGIN
  IF slrt_scope() IS NULL THEN
    RETURN;
  END IF;
  PERFORM set_config('pg_trgm.similarity_threshold', '0.6', true);
  RETURN QUERY
    SELECT m.id, m.household_id, m.full_name, m.nik, m.birth_date, m.region_code::text, m.status,
           similarity(m.name_key, p_key)
    FROM member m
    WHERE m.name_key % p_key
      AND slrt_in_scope(m.region_code)
      AND (p_region IS NULL OR (m.region_code >= p_region AND m.region_code < p_region || ':'))
      AND (p_birth_from IS NULL OR m.birth_date >= p_birth_from)
      AND (p_birth_to IS NULL OR m.birth_date < p_birth_to)
    ORDER BY 8 DESC, m.full_name
    LIMIT p_limit;
  GET DIAGNOSTICS found_rows = ROW_COUNT;
  IF found_rows >= p_limit THEN
    RETURN;
  END IF;
  PERFORM set_config('pg_trgm.similarity_threshold', '0.45', true);
  RETURN QUERY
    SELECT m.id, m.household_id, m.full_name, m.nik, m.birth_date, m.region_code::text, m.status,
           similarity(m.name_key, p_key)
    FROM member m
    WHERE m.name_key % p_key
      AND similarity(m.name_key, p_key) < 0.6
      AND slrt_in_scope(m.region_code)
      AND (p_region IS NULL OR (m.region_code >= p_region AND m.region_code < p_region || ':'))
      AND (p_birth_from IS NULL OR m.birth_date >= p_birth_from)
      AND (p_birth_to IS NULL OR m.birth_date < p_birth_to)
    ORDER BY 8 DESC, m.full_name
    LIMIT p_limit - found_rows;
END
$$;
REVOKE ALL ON FUNCTION slrt_search_people(text, date, date, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION slrt_search_people(text, date, date, text, int) TO ${app_role};

-- The household list: newest changes first without sorting the district, and counting from an index.
CREATE INDEX household_updated_idx ON household (updated_at DESC, id);
CREATE INDEX household_region_status_idx ON household (region_code, status);
