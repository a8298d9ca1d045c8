package org.aisx.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Event times per key over a sliding window, the counting behind the rate limits. Not thread-safe:
 * its owner synchronises. The number of keys is bounded; past the bound, events are not recorded.
 */
final class SlidingWindow {
  static final int MAX_KEYS = 100_000;

  private final Duration window;
  private final Map<String, Deque<Instant>> events = new HashMap<>();

  SlidingWindow(Duration window) {
    this.window = window;
  }

  /**
   * How long until fewer than {@code limit} events of {@code key} lie in the window (zero when
   * already fewer).
   */
  Duration waitFor(String key, int limit, Instant now) {
    Deque<Instant> times = events.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    dropBefore(times, now.minus(window));
    if (times.isEmpty()) {
      events.remove(key);
      return Duration.ZERO;
    }
    if (times.size() < limit) {
      return Duration.ZERO;
    }
    // The event that would make room: the one `limit` places from the end leaves the window.
    Instant freed = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
    return Duration.between(now, freed.plus(window));
  }

  /** Records an event of each key at {@code now}. */
  void record(Instant now, String... keys) {
    if (events.size() >= MAX_KEYS) {
      prune(now);
    }
    if (events.size() < MAX_KEYS) {
      for (String key : keys) {
        events.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(now);
      }
    }
  }

  void clear(String key) {
    events.remove(key);
  }

  /** Takes back the latest event of {@code key}, if any. */
  void dropLatest(String key) {
    Deque<Instant> times = events.get(key);
    if (times != null) {
      times.pollLast();
      if (times.isEmpty()) {
        events.remove(key);
      }
    }
  }

  private void prune(Instant now) {
    Instant cutoff = now.minus(window);
    for (Iterator<Deque<Instant>> it = events.values().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next();
      dropBefore(times, cutoff);
      if (times.isEmpty()) {
        it.remove();
      }
    }
  }

  private static void dropBefore(Deque<Instant> times, Instant cutoff) {
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
  }

  /** The longer of two waits. */
  static Duration longest(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
