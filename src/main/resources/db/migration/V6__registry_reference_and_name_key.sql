-- Registry reference data and the name key shared with Java (id.slrt.registry.Names).

-- Banks that pay bansos, with the account length each uses (DOMAIN.md §6; admin data, unverified).
CREATE TABLE bank (
  code           text PRIMARY KEY,
  name           text NOT NULL,
  account_length smallint CHECK (account_length BETWEEN 5 AND 20),
  active         boolean NOT NULL DEFAULT true
);
INSERT INTO bank (code, name, account_length) VALUES
  ('BRI', 'Bank Rakyat Indonesia', 15),
  ('BNI', 'Bank Negara Indonesia', 10),
  ('MANDIRI', 'Bank Mandiri', 13),
  ('BTN', 'Bank Tabungan Negara', 16),
  ('BSI', 'Bank Syariah Indonesia', 10);

-- PPKS categories (Permensos 8/2012 order) plus local ones; admin-editable.
CREATE TABLE ppks_category (
  code       text PRIMARY KEY,
  number     smallint,
  name       text NOT NULL,
  gloss_en   text NOT NULL,
  applies_to text NOT NULL DEFAULT 'BOTH' CHECK (applies_to IN ('PERSON', 'HOUSEHOLD', 'BOTH')),
  synonyms   text[] NOT NULL DEFAULT '{}',
  active     boolean NOT NULL DEFAULT true
);
INSERT INTO ppks_category (code, number, name, gloss_en, applies_to) VALUES
  ('ABT', 1, 'Anak Balita Terlantar', 'neglected child under 5', 'PERSON'),
  ('AT', 2, 'Anak Terlantar', 'neglected child', 'PERSON'),
  ('ABH', 3, 'Anak yang Berhadapan dengan Hukum', 'child in conflict with the law', 'PERSON'),
  ('AJ', 4, 'Anak Jalanan', 'street child', 'PERSON'),
  ('ADK', 5, 'Anak dengan Kedisabilitasan', 'child with disability', 'PERSON'),
  ('AKTK', 6, 'Anak yang Menjadi Korban Tindak Kekerasan / Diperlakukan Salah', 'abused child', 'PERSON'),
  ('AMPK', 7, 'Anak yang Memerlukan Perlindungan Khusus', 'child needing special protection', 'PERSON'),
  ('LUT', 8, 'Lanjut Usia Terlantar', 'neglected elderly', 'PERSON'),
  ('PD', 9, 'Penyandang Disabilitas', 'person with disability', 'PERSON'),
  ('TS', 10, 'Tuna Susila', 'sex worker', 'PERSON'),
  ('GEL', 11, 'Gelandangan', 'homeless', 'PERSON'),
  ('PGM', 12, 'Pengemis', 'beggar', 'PERSON'),
  ('PML', 13, 'Pemulung', 'scavenger', 'PERSON'),
  ('KM', 14, 'Kelompok Minoritas', 'minority group', 'BOTH'),
  ('BWBLP', 15, 'Bekas Warga Binaan Lembaga Pemasyarakatan', 'ex-prisoner', 'PERSON'),
  ('ODHA', 16, 'Orang dengan HIV/AIDS', 'living with HIV', 'PERSON'),
  ('NAPZA', 17, 'Korban Penyalahgunaan NAPZA', 'drug-abuse victim', 'PERSON'),
  ('KTR', 18, 'Korban Trafficking', 'trafficking victim', 'PERSON'),
  ('KTK', 19, 'Korban Tindak Kekerasan', 'violence victim', 'PERSON'),
  ('PMBS', 20, 'Pekerja Migran Bermasalah Sosial', 'migrant worker in trouble', 'PERSON'),
  ('KBA', 21, 'Korban Bencana Alam', 'natural-disaster victim', 'BOTH'),
  ('KBS', 22, 'Korban Bencana Sosial', 'social-disaster/conflict victim', 'BOTH'),
  ('PRSE', 23, 'Perempuan Rawan Sosial Ekonomi', 'vulnerable woman', 'PERSON'),
  ('FM', 24, 'Fakir Miskin', 'poor', 'HOUSEHOLD'),
  ('KBSP', 25, 'Keluarga Bermasalah Sosial Psikologis', 'family with psycho-social problems', 'HOUSEHOLD'),
  ('KAT', 26, 'Komunitas Adat Terpencil', 'remote indigenous community', 'HOUSEHOLD'),
  ('ODGJ', NULL, 'Orang dengan Gangguan Jiwa', 'person with a mental disorder', 'PERSON'),
  ('KR', NULL, 'Keluarga Rentan', 'vulnerable family', 'HOUSEHOLD'),
  ('RTLH', NULL, 'Keluarga Berumah Tidak Layak Huni', 'family in an uninhabitable house', 'HOUSEHOLD');
UPDATE ppks_category SET synonyms = '{"Wanita Rawan Sosial Ekonomi","WRSE"}' WHERE code = 'PRSE';
UPDATE ppks_category SET synonyms = '{"PMKS Fakir Miskin","Miskin"}' WHERE code = 'FM';

-- The matching key of a person's name: must equal id.slrt.registry.Names.key (property-tested).
CREATE FUNCTION slrt_name_key(name text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $fn$
DECLARE
  s      text;
  tokens text[];
  result text[] := '{}';
  t      text;
  i      int := 1;
  n      int;
BEGIN
  s := translate(name, 'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖòóôõöÙÚÛÜùúûüÑñÇçÝýÿ', 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCcYyy');
  s := regexp_replace(s, '[''’`]', '', 'g');
  s := regexp_replace(s, '[^\x01-\x7F]', ' ', 'g');
  IF position(',' IN s) > 0 THEN
    s := substr(s, 1, position(',' IN s) - 1);
  END IF;
  s := regexp_replace(s, '(\s+[SMAsma]\.\s?[A-Za-z]{1,5}\.?)+\s*$', '');
  s := regexp_replace(s, '(^|[^A-Za-z])[Kk]\.\s*[Hh]\.', '\1KH ', 'g');
  s := btrim(regexp_replace(upper(s), '[^A-Z]+', ' ', 'g'));
  IF s = '' THEN
    RETURN '';
  END IF;
  tokens := string_to_array(s, ' ');
  n := array_length(tokens, 1);
  WHILE i < n AND tokens[i] = ANY (ARRAY['IR','DRS','DRA','DR','DRG','DRH','EC','H','HJ','KH','PROF','TGK','TEUKU','RADEN','R','HAJI','HAJJAH']) LOOP
    i := i + 1;
  END LOOP;
  FOR j IN i..n LOOP
    t := tokens[j];
    CONTINUE WHEN t IN ('BIN', 'BINTI');
    t := CASE
           WHEN t IN ('MUHAMMAD','MUHAMAD','MOHAMMAD','MOHAMAD','MOCHAMMAD','MOCHAMAD','MUCHAMMAD','MUCHAMAD',
                      'MUHAMMED','MOHAMMED','MOH','MOCH','MUH','MHD','MD','M') THEN 'MUHAMMAD'
           WHEN t IN ('ACHMAD','AKHMAD','AHMED') THEN 'AHMAD'
           WHEN t = 'ABD' THEN 'ABDUL'
           ELSE t
         END;
    -- y→j first, as in Java: old spelling wrote today's y as j (Prasetyo = Prasetjo) before tj→c.
    t := replace(replace(replace(replace(replace(replace(replace(t, 'Y', 'J'), 'OE', 'U'), 'DJ', 'J'), 'TJ', 'C'),
                 'CH', 'KH'), 'DH', 'D'), 'TH', 'T');
    t := regexp_replace(t, '([A-Z])\1+', '\1', 'g');
    result := result || t;
  END LOOP;
  RETURN array_to_string(result, ' ');
END
$fn$;
