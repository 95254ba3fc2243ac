CREATE TABLE app_user (
  id                   uuid PRIMARY KEY,
  username             text NOT NULL UNIQUE CHECK (username = lower(username) AND username ~ '^[a-z0-9._-]{3,40}$'),
  full_name            text NOT NULL,
  email                text,
  phone                text,
  role                 text NOT NULL CHECK (role IN ('ADMIN','MANAGER','OPERATOR_SLRT','SUPERVISOR','FASILITATOR','OPERATOR_DESA','MITRA')),
  region_code          text COLLATE "C" NOT NULL REFERENCES region (code),
  agency               text,
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  enabled              boolean NOT NULL DEFAULT true,
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  version              integer NOT NULL DEFAULT 0,
  created_at           timestamptz NOT NULL,
  created_by           text NOT NULL,
  updated_at           timestamptz NOT NULL,
  updated_by           text NOT NULL
);
CREATE INDEX app_user_region_idx ON app_user (region_code);

-- Users are scoped like personal data: a supervisor sees the users of their kecamatan only.
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
CREATE POLICY app_user_in_scope ON app_user
  USING (slrt_in_scope(region_code))
  WITH CHECK (slrt_in_scope(region_code));

CREATE TABLE api_token (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES app_user (id),
  kind         text NOT NULL CHECK (kind IN ('LOGIN','NAMED')),
  name         text,
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  expires_at   timestamptz,
  revoked_at   timestamptz,
  revoked_by   text,
  last_used_at timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_id);
