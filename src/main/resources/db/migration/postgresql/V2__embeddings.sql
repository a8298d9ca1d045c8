-- Embeddings of records' text (semantic search, related work). Derived data: a vector is valid
-- while text_hash equals the hash of the record's current embedded text, and is recomputed
-- otherwise. One row per record and model.
CREATE TABLE embedding (
  id         VARCHAR(300) NOT NULL,
  model      VARCHAR(100) NOT NULL,
  text_hash  VARCHAR(64)  NOT NULL,
  vector     BYTEA         NOT NULL,
  PRIMARY KEY (id, model)
);
