-- Relations a person wrote into one body's record that change how another body's record reads
-- (replaces, amends, updates), held until the target's body or a coordinator decides
-- (org.aisx.catalog.RelationReview). One row per relation (source, type, target); a held relation
-- that is not approved is left out of the target's incoming relations. The decision itself is also
-- an event in the target's history.
CREATE TABLE relation_review (
  id                VARCHAR(40)  PRIMARY KEY,
  source_id         VARCHAR(300) NOT NULL,
  type              VARCHAR(40)  NOT NULL,
  target_id         VARCHAR(300) NOT NULL,
  target            VARCHAR(300) NOT NULL,
  source_body       VARCHAR(300),
  target_body       VARCHAR(300),
  state             VARCHAR(20)  NOT NULL,
  requested_by      VARCHAR(320) NOT NULL,
  requested_source  VARCHAR(300),
  requested_at      VARCHAR(40)  NOT NULL,
  decided_by        VARCHAR(320),
  decided_at        VARCHAR(40),
  comment           TEXT,
  UNIQUE (source_id, type, target_id)
);
CREATE INDEX relation_review_target ON relation_review (target_id);
CREATE INDEX relation_review_state ON relation_review (state, requested_at);
