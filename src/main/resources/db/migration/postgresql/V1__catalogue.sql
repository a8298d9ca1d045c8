-- Records are stored whole, as the JSON of SPEC §1, with the columns needed to find them.
CREATE TABLE standard (
  id          VARCHAR(300) PRIMARY KEY,
  identifier  VARCHAR(300) NOT NULL,
  revision    INTEGER      NOT NULL,
  document    TEXT         NOT NULL,
  created_at  VARCHAR(40)  NOT NULL,
  updated_at  VARCHAR(40)  NOT NULL
);

-- Outgoing relations, so a record can show the relations others hold towards it.
CREATE TABLE relation (
  source_id  VARCHAR(300) NOT NULL REFERENCES standard (id) ON DELETE CASCADE,
  type       VARCHAR(40)  NOT NULL,
  target     VARCHAR(300) NOT NULL,
  target_id  VARCHAR(300) NOT NULL,
  PRIMARY KEY (source_id, type, target_id)
);
CREATE INDEX relation_target ON relation (target_id);

-- Append-only event log: never updated, never deleted.
CREATE TABLE history_event (
  seq        BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id  VARCHAR(300) NOT NULL,
  at         VARCHAR(40)  NOT NULL,
  kind       VARCHAR(40)  NOT NULL,
  field      VARCHAR(100),
  old_value  TEXT,
  new_value  TEXT,
  actor      VARCHAR(300),
  source     VARCHAR(300),
  revision   INTEGER      NOT NULL
);
CREATE INDEX history_event_record ON history_event (record_id, seq);
