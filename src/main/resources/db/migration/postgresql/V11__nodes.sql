-- Several nodes over one database (SPEC §11).
--
-- Each node's search index follows what every node writes. Sequence numbers are handed out when a
-- row is inserted, not when its transaction commits, so a lower seq can become visible after a
-- higher one; the nodes therefore follow by transaction id instead: every change row carries the
-- id of the transaction that wrote it, and a node reads the rows of transactions older than the
-- oldest one still running (pg_snapshot_xmin), which are all finished: none can appear later.
ALTER TABLE history_event ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX history_event_txid ON history_event (txid);

-- Changes to what the index derives from records without changing them (embeddings, machine
-- suggestions, review decisions): which record, in which transaction. Only the nodes read it.
CREATE TABLE derived_change (
  seq        BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id  VARCHAR(300) NOT NULL,
  txid       xid8         NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX derived_change_txid ON derived_change (txid);

-- Background jobs run on one node at a time: the node holding a job's lease renews it before each
-- batch; a lease not renewed by its expiry (milliseconds since the epoch, the database's clock) is
-- free for another node to take.
CREATE TABLE job_lease (
  job         VARCHAR(100) PRIMARY KEY,
  holder      VARCHAR(200) NOT NULL,
  expires_at  BIGINT       NOT NULL
);
