-- The topic clusters and duplication signals as last computed (SPEC §8; org.aisx.landscape.Topics),
-- shared by every node over the database: one node computes them at a time (the "topics" job
-- lease) and the others serve its result, so a node added to a cluster spends nothing on them. One
-- row (id 1). version moves at every write, for the other nodes to notice a new computation
-- cheaply; store_mark is the store's last history event when the computation began; model the
-- embedding model of the vectors clustered; vectors how many vectors the store held then;
-- without_vector how many records the index held without one; computed_at (ISO-8601) and
-- took_millis when and how long. The computation itself is gzipped JSON.
CREATE TABLE topic_snapshot (
  id              INTEGER      PRIMARY KEY,
  version         BIGINT       NOT NULL,
  store_mark      BIGINT       NOT NULL,
  model           VARCHAR(100) NOT NULL,
  vectors         BIGINT       NOT NULL,
  without_vector  BIGINT       NOT NULL,
  computed_at     VARCHAR(40)  NOT NULL,
  took_millis     BIGINT       NOT NULL,
  computed_by     VARCHAR(200) NOT NULL,
  snapshot        BLOB        NOT NULL
);
