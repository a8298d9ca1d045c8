-- The Coordination Committee's edits of the taxonomy, on top of the vocabularies bundled in the jar
-- (taxonomy/taxonomy.json, version 0): version N is version N - 1 with this one change applied
-- (add, rename, move, define, retire). Append-only: the history of the taxonomy, and what every
-- earlier version is rebuilt from. The primary key makes two processes editing at once conflict.
CREATE TABLE taxonomy_edit (
  version    INTEGER      PRIMARY KEY,
  at         VARCHAR(40)  NOT NULL,
  actor      VARCHAR(320) NOT NULL,
  kind       VARCHAR(20)  NOT NULL,
  dimension  VARCHAR(40)  NOT NULL,
  concept    VARCHAR(100) NOT NULL,
  detail     TEXT         NOT NULL  -- parent, labels and definitions as the change gives them (JSON)
);
