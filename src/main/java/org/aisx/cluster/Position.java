package org.aisx.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far this node's search index has followed the store's change log: it has every change of the
 * transactions below this horizon ({@link org.aisx.store.ChangeLog}). Each index commit carries it,
 * so that a restarted node goes on from there.
 */
public final class Position {
  private final AtomicLong horizon = new AtomicLong();

  public long get() {
    return horizon.get();
  }

  void set(long value) {
    horizon.set(value);
  }

  /** Starts from {@code value}: the horizon of the committed index, or of a rebuild. */
  public void startAt(long value) {
    horizon.set(value);
  }
}
