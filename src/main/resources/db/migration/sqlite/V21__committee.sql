-- The register of technical committees (org.aisx.committee): ISO Open Data's committees list
-- (ODC-By 1.0) as the import and the bundled register put it in. One row per committee, keyed by
-- the slug of its reference (ISO/IEC JTC 1/SC 42 is iso-iec-jtc-1-sc-42, as its page's address);
-- iso_id and parent_id are ISO's numeric ids (a subcommittee's parent_id is its committee's
-- iso_id), sort_key the register's order. The committee itself is JSON (Committee), as records are.
CREATE TABLE committee (
  slug       VARCHAR(300) PRIMARY KEY,
  iso_id     BIGINT,
  parent_id  BIGINT,
  sort_key   VARCHAR(300) NOT NULL,
  document   TEXT         NOT NULL
);
CREATE INDEX committee_iso_id ON committee (iso_id);
CREATE INDEX committee_parent_id ON committee (parent_id);
