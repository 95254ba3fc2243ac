-- Set-based form of slrt_nik_holders (V7) for registering many households at once (bulk import): who
-- holds any of these NIKs anywhere in the district, whatever the caller's scope, in one statement
-- instead of one call per member. Reveals the same as V7: the NIK's member and household ids and desa.
CREATE FUNCTION slrt_nik_holders_any(p_niks text[])
  RETURNS TABLE (nik text, member_id uuid, household_id uuid, region_code text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT m.nik, m.id, m.household_id, m.region_code::text FROM member m
     WHERE m.nik = ANY (p_niks) AND m.status = 'ACTIVE'
$$;
REVOKE ALL ON FUNCTION slrt_nik_holders_any(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION slrt_nik_holders_any(text[]) TO ${app_role};
