-- Submissions (SPEC §4, §6): a proposed new record or change, stored whole as the JSON of §1,
-- with its author, the record revision it was based on, and where the review stands.
CREATE TABLE submission (
  id             VARCHAR(40)  PRIMARY KEY,
  action         VARCHAR(20)  NOT NULL,
  record_id      VARCHAR(300) NOT NULL,
  base_revision  INTEGER,
  document       TEXT         NOT NULL,
  author_id      VARCHAR(40)  NOT NULL,
  author         VARCHAR(320) NOT NULL,
  state          VARCHAR(30)  NOT NULL,
  version        INTEGER      NOT NULL,
  created_at     VARCHAR(40)  NOT NULL,
  updated_at     VARCHAR(40)  NOT NULL,
  decided_by     VARCHAR(320),
  comment        TEXT
);
CREATE INDEX submission_state ON submission (state, updated_at);
CREATE INDEX submission_author ON submission (author_id, updated_at);

-- The required-field policy, one row per version (never updated): the fields beyond the
-- always-required ones, comma-separated, and who set them.
CREATE TABLE field_policy (
  version     INTEGER      PRIMARY KEY,
  required    TEXT         NOT NULL,
  changed_by  VARCHAR(320) NOT NULL,
  changed_at  VARCHAR(40)  NOT NULL
);
