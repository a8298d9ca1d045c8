-- Glossary mappings (SPEC §9): machine suggestions between terms of different vocabularies, with
-- a score and evidence, and where each stands (pending, confirmed, rejected). The terms themselves
-- are bundled in the jar (/glossary/glossary.json); only what people decide needs the database.
CREATE TABLE glossary_mapping (
  from_term   VARCHAR(200) NOT NULL,
  to_term     VARCHAR(200) NOT NULL,
  type        VARCHAR(20)  NOT NULL,
  score       DOUBLE PRECISION NOT NULL,
  evidence    TEXT         NOT NULL,
  state       VARCHAR(20)  NOT NULL,
  actor       VARCHAR(320),
  decided_at  VARCHAR(40),
  PRIMARY KEY (from_term, to_term, type)
);
CREATE INDEX glossary_mapping_to ON glossary_mapping (to_term);

-- Every decision on a mapping, append-only: who confirmed or rejected what, when.
CREATE TABLE glossary_mapping_event (
  seq        BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  from_term  VARCHAR(200) NOT NULL,
  to_term    VARCHAR(200) NOT NULL,
  type       VARCHAR(20)  NOT NULL,
  decision   VARCHAR(20)  NOT NULL,
  actor      VARCHAR(320) NOT NULL,
  at         VARCHAR(40)  NOT NULL
);
CREATE INDEX glossary_mapping_event_from ON glossary_mapping_event (from_term, seq);
CREATE INDEX glossary_mapping_event_to ON glossary_mapping_event (to_term, seq);
