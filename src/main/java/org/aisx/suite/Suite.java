package org.aisx.suite;

import java.time.Instant;

/**
 * A stored suite: its content, who may change it (the owning account, or the holder of the edit key
 * whose SHA-256 is {@code keyHash}), whether coordinators published it ({@code publishedVersion}
 * counts the publications), and {@code version}, bumped by every change (the ETag). Once published,
 * {@code content} is the editors' working copy: the public sees the latest publication ({@link
 * Suites#asPublished}) until a coordinator publishes again.
 */
public record Suite(
    String id,
    Content content,
    String ownerId,
    String keyHash,
    boolean published,
    int publishedVersion,
    int version,
    Instant created,
    Instant updated) {

  Suite changed(Content newContent, Instant at) {
    return new Suite(
        id, newContent, ownerId, keyHash, published, publishedVersion, version + 1, created, at);
  }

  /** This suite showing {@code p}'s content, as the public sees it (its other facts kept). */
  Suite showing(Publication p) {
    return new Suite(
        id,
        p.content(),
        ownerId,
        keyHash,
        published,
        publishedVersion,
        version,
        created,
        p.publishedAt());
  }

  Suite publishedAt(Instant at) {
    return new Suite(
        id, content, ownerId, keyHash, true, publishedVersion + 1, version + 1, created, at);
  }
}
