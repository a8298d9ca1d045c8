-- Several nodes over one database (SPEC §11). The embedded store serves one node, so it has no
-- change log for other nodes to follow (see the PostgreSQL migration); background jobs still take
-- a lease, so that the same code runs on both.
--
-- Background jobs run on one node at a time: the node holding a job's lease renews it before each
-- batch; a lease not renewed by its expiry (milliseconds since the epoch, the database's clock) is
-- free for another node to take.
CREATE TABLE job_lease (
  job         VARCHAR(100) PRIMARY KEY,
  holder      VARCHAR(200) NOT NULL,
  expires_at  BIGINT       NOT NULL
);
