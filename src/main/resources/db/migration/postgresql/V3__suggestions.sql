-- Machine classification (taxonomy suggestions). Derived data, like embeddings: a record's
-- suggestions are valid while text_hash equals the hash of its current embedded text and version
-- names the classifier that made them; otherwise they are recomputed. They never change the
-- record's revision. Confirmed labels live in the record itself.
CREATE TABLE classification (
  record_id     VARCHAR(300) PRIMARY KEY,
  text_hash     VARCHAR(64)  NOT NULL,
  version       VARCHAR(100) NOT NULL,
  classified_at VARCHAR(40)  NOT NULL
);

CREATE TABLE suggestion (
  record_id  VARCHAR(300) NOT NULL,
  dimension  VARCHAR(40)  NOT NULL,
  concept    VARCHAR(100) NOT NULL,
  score      DOUBLE PRECISION NOT NULL,
  evidence   TEXT         NOT NULL,
  terms      TEXT         NOT NULL,  -- the concept's words found in the evidence, U+001F between
  PRIMARY KEY (record_id, dimension, concept)
);
CREATE INDEX suggestion_concept ON suggestion (dimension, concept, score);
CREATE INDEX suggestion_score ON suggestion (score DESC, record_id);

-- What people decided about suggestions: a rejected concept is never suggested again for that
-- record; a confirmed one moves into the record (with a history event). Kept as the audit trail.
CREATE TABLE suggestion_decision (
  record_id  VARCHAR(300) NOT NULL,
  dimension  VARCHAR(40)  NOT NULL,
  concept    VARCHAR(100) NOT NULL,
  decision   VARCHAR(20)  NOT NULL,
  score      DOUBLE PRECISION,
  actor      VARCHAR(300) NOT NULL,
  at         VARCHAR(40)  NOT NULL,
  PRIMARY KEY (record_id, dimension, concept)
);
