-- Learning resources removed by a coordinator (a dead link, a course withdrawn, spam): the resource
-- as it was, who removed it, when and why. Kept after the resource is gone; once any resource was
-- removed, the bundled seed is not loaded again into an empty list.
CREATE TABLE learning_resource_removed (
  id          VARCHAR(200)  NOT NULL,
  removed_at  VARCHAR(40)   NOT NULL,
  removed_by  VARCHAR(320)  NOT NULL,
  reason      TEXT,
  document    TEXT          NOT NULL,
  PRIMARY KEY (id, removed_at)
);
