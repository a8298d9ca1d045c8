-- Accounts (SPEC §6). Secrets are never stored: passwords as Argon2id hashes, session ids and API
-- tokens as the SHA-256 of their random value, so a copy of the database lets no one sign in.
CREATE TABLE account (
  id             VARCHAR(40)  PRIMARY KEY,
  email          VARCHAR(320) NOT NULL UNIQUE,
  role           VARCHAR(20)  NOT NULL,
  password_hash  VARCHAR(200) NOT NULL,
  created_at     VARCHAR(40)  NOT NULL
);

-- The standards bodies a contributor belongs to.
CREATE TABLE account_body (
  account_id  VARCHAR(40)  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  body        VARCHAR(100) NOT NULL,
  PRIMARY KEY (account_id, body)
);

CREATE TABLE account_session (
  id_hash     VARCHAR(64)  PRIMARY KEY,
  account_id  VARCHAR(40)  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  csrf        VARCHAR(64)  NOT NULL,
  created_at  VARCHAR(40)  NOT NULL,
  expires_at  VARCHAR(40)  NOT NULL
);
CREATE INDEX account_session_expiry ON account_session (expires_at);

CREATE TABLE api_token (
  id          VARCHAR(20)  PRIMARY KEY,
  account_id  VARCHAR(40)  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  token_hash  VARCHAR(64)  NOT NULL UNIQUE,
  label       VARCHAR(200),
  created_at  VARCHAR(40)  NOT NULL,
  revoked_at  VARCHAR(40)
);
CREATE INDEX api_token_account ON api_token (account_id);
