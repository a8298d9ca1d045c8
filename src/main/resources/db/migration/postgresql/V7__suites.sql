-- Standards suites (SPEC §7): a named, ordered set of records for a purpose, stored whole as
-- JSON (title, purpose, sectors, concerns, members with notes). An anonymous author holds an edit
-- key, of which only the SHA-256 is kept; a signed-in author owns the suite. version is the ETag.
CREATE TABLE suite (
  id          VARCHAR(40)  PRIMARY KEY,
  document    TEXT         NOT NULL,
  owner_id    VARCHAR(40),
  key_hash    VARCHAR(64),
  published   INTEGER      NOT NULL,
  published_version INTEGER NOT NULL,
  version     INTEGER      NOT NULL,
  created_at  VARCHAR(40)  NOT NULL,
  updated_at  VARCHAR(40)  NOT NULL
);
CREATE INDEX suite_owner ON suite (owner_id, updated_at);
CREATE INDEX suite_published ON suite (published, updated_at);

-- Each publication of a suite by a coordinator, never updated: the suite as it was published.
CREATE TABLE suite_publication (
  suite_id      VARCHAR(40)  NOT NULL,
  version       INTEGER      NOT NULL,
  document      TEXT         NOT NULL,
  published_by  VARCHAR(320) NOT NULL,
  published_at  VARCHAR(40)  NOT NULL,
  PRIMARY KEY (suite_id, version)
);
