-- Imports uploaded through the admin page (org.aisx.ingest.ImportJobs), so that every node shows
-- them and they outlive a restart: written when the job starts, at most about once a second while
-- it runs (and at each step), and when it ends, with its summary (JSON) or error. The running job
-- and the last finished ones are kept (seq: the order they started in). Times are milliseconds since
-- the epoch, the starting node's clock. A row still in a running phase (starting, importing) whose
-- node no longer holds the "import" lease (job_lease) was cut off: its node died or restarted.
CREATE TABLE import_job (
  seq            BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id             VARCHAR(40)  NOT NULL UNIQUE,
  file_name      TEXT         NOT NULL,
  file_path      TEXT         NOT NULL,
  format         VARCHAR(40)  NOT NULL,
  source         TEXT,
  started_by     VARCHAR(320) NOT NULL,
  node           VARCHAR(200) NOT NULL,
  phase          VARCHAR(20)  NOT NULL,
  step           VARCHAR(20),
  bytes_total    BIGINT       NOT NULL,
  bytes_read     BIGINT       NOT NULL,
  records        BIGINT       NOT NULL,
  processed      BIGINT       NOT NULL,
  records_total  BIGINT       NOT NULL,
  started_at     BIGINT       NOT NULL,
  updated_at     BIGINT       NOT NULL,
  ended_at       BIGINT,
  summary        TEXT,
  error          TEXT
);
CREATE INDEX import_job_phase ON import_job (phase);
