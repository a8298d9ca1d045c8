-- The newest harvest of each body's catalogue that gave a record (org.aisx.catalog.Harvest): per
-- record and feed (the source name without its snapshot date, FieldSources.feedOf: relaton-ieee
-- for relaton-ieee and relaton-ieee-2025), the source name of that harvest, its schema version and
-- its fetched date. An import of an older harvest of the same feed leaves the record as the newer
-- one gave it.
CREATE TABLE record_harvest (
  record_id       VARCHAR(300) NOT NULL REFERENCES standard (id) ON DELETE CASCADE,
  feed            VARCHAR(300) NOT NULL,
  source          VARCHAR(300) NOT NULL,
  schema_version  VARCHAR(40),
  fetched         VARCHAR(40),
  PRIMARY KEY (record_id, feed)
);
