package org.aisx.semantic;

import java.util.List;
import org.aisx.catalog.Standard;

/**
 * Work that needs records' vectors (classification), done by the {@link EmbeddingJob} once a
 * record's vector is current and before the record is re-indexed, so the index gets both at once.
 */
public interface VectorFollower {
  /** Whether the work on {@code record} is up to date for its text with {@code textHash}. */
  boolean current(Standard record, String textHash);

  /** Does the work for records whose vectors are current. */
  void follow(List<Embedded> batch);

  /** A record, the hash of its embedded text, and its vector. */
  record Embedded(Standard record, String textHash, float[] vector) {}

  VectorFollower NONE =
      new VectorFollower() {
        @Override
        public boolean current(Standard record, String textHash) {
          return true;
        }

        @Override
        public void follow(List<Embedded> batch) {}
      };
}
