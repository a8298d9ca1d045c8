-- Learning resources (SPEC §10): courses, workshops, guides, toolkits and webinars, each stored whole
-- as its JSON, with who wrote it last and from where (an import, the seed, a submission).
CREATE TABLE learning_resource (
  id          VARCHAR(200) PRIMARY KEY,
  document    TEXT         NOT NULL,
  source      VARCHAR(300) NOT NULL,
  updated_by  VARCHAR(320) NOT NULL,
  updated_at  VARCHAR(40)  NOT NULL
);

-- What each resource teaches, to find a record's resources without reading them all:
-- kind 'standard' (target: a record id) or 'concept' (target: a taxonomy concept id).
CREATE TABLE learning_resource_link (
  resource_id VARCHAR(200) NOT NULL REFERENCES learning_resource (id) ON DELETE CASCADE,
  kind        VARCHAR(20)  NOT NULL,
  target      VARCHAR(300) NOT NULL,
  PRIMARY KEY (resource_id, kind, target)
);
CREATE INDEX learning_resource_link_target ON learning_resource_link (kind, target);

-- A submission proposes a record (the catalogue's) or a learning resource.
ALTER TABLE submission ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'record';
