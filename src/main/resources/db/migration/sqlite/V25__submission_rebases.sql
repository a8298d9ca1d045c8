-- Every time an author brought a pending submission up to date on its record's current revision
-- (org.aisx.submission.SubmissionRebase), in order: from which revision to which, by whom, when, and
-- for each field both the record and the submission had changed, which value the author chose
-- (kept: the submission's own; taken: the record's), as comma-separated field names.
CREATE TABLE submission_rebase (
  submission_id  VARCHAR(40)  NOT NULL,
  seq            INTEGER      NOT NULL,
  from_revision  INTEGER      NOT NULL,
  to_revision    INTEGER      NOT NULL,
  rebased_by     VARCHAR(320) NOT NULL,
  rebased_at     VARCHAR(40)  NOT NULL,
  kept           TEXT         NOT NULL,
  taken          TEXT         NOT NULL,
  PRIMARY KEY (submission_id, seq)
);
