-- The audit trail: who did what and when (sign-ins, failed sign-ins, tokens, imports,
-- classification decisions, every write over HTTP, accounts changed on the command line).
-- Append-only, like history_event: never updated, never deleted by the application.
CREATE TABLE audit_event (
  seq      BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at       VARCHAR(40)  NOT NULL,
  actor    VARCHAR(320),
  role     VARCHAR(20),
  via      VARCHAR(20)  NOT NULL,
  action   VARCHAR(100) NOT NULL,
  target   VARCHAR(500),
  outcome  VARCHAR(20)  NOT NULL,
  status   INTEGER,
  address  VARCHAR(100),
  detail   TEXT
);
CREATE INDEX audit_event_actor ON audit_event (actor, seq);

-- The change feeds look for creations and status changes across the catalogue.
CREATE INDEX history_event_kind ON history_event (kind, seq);
