-- Every decision a coordinator made on a submission, in order (org.aisx.submission.ReviewDecision):
-- a submission asked for changes, resubmitted and then rejected keeps both decisions and both
-- comments. submission.decided_by and submission.comment keep the latest decision while the
-- submission stands decided.
CREATE TABLE submission_decision (
  submission_id  VARCHAR(40)  NOT NULL,
  seq            INTEGER      NOT NULL,
  decision       VARCHAR(30)  NOT NULL,
  decided_by     VARCHAR(320) NOT NULL,
  comment        TEXT,
  decided_at     VARCHAR(40),
  PRIMARY KEY (submission_id, seq)
);

-- The one decision each submission kept before this log: its time is the submission's last change
-- while it still stands decided; a submission resubmitted or withdrawn since was asked for changes
-- at a time no longer known (NULL).
INSERT INTO submission_decision (submission_id, seq, decision, decided_by, comment, decided_at)
SELECT id, 1,
       CASE state WHEN 'approved' THEN 'approve' WHEN 'rejected' THEN 'reject'
                  ELSE 'changes-requested' END,
       decided_by, comment,
       CASE WHEN state IN ('approved', 'rejected', 'changes-requested') THEN updated_at
            ELSE NULL END
FROM submission WHERE decided_by IS NOT NULL;
