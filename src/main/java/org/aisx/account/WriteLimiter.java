package org.aisx.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Limits writes (every request that is not a read), per account or API token and per client
 * address, over a sliding window, like {@link SignInLimiter}: past {@code perAccount} writes of one
 * caller, or {@code perAddress} from one address, within {@code window}, further writes are refused
 * until the oldest leaves the window. Refused attempts are not counted, so a client that waits as
 * told gets through. Kept in memory; the number of keys is bounded.
 */
public final class WriteLimiter {
  public static final int PER_ACCOUNT = 120;
  public static final int PER_ADDRESS = 300;
  public static final Duration WINDOW = Duration.ofMinutes(1);
  static final int MAX_KEYS = 100_000;

  private final int perAccount;
  private final int perAddress;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> writes = new HashMap<>();

  public WriteLimiter(Clock clock) {
    this(PER_ACCOUNT, PER_ADDRESS, WINDOW, clock);
  }

  public WriteLimiter(int perAccount, int perAddress, Duration window, Clock clock) {
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Counts one write by {@code caller} (an account or token key; null for the public) from {@code
   * address} and returns empty, or, when a limit is reached, counts nothing and returns how long to
   * wait.
   */
  public synchronized Optional<Duration> tryWrite(String caller, String address) {
    Instant now = clock.instant();
    String accountKey = caller == null ? null : "caller:" + caller;
    String addressKey = "address:" + address;
    Duration a = accountKey == null ? Duration.ZERO : waitFor(accountKey, perAccount, now);
    Duration b = waitFor(addressKey, perAddress, now);
    Duration longest = a.compareTo(b) >= 0 ? a : b;
    if (!longest.isZero()) {
      return Optional.of(longest);
    }
    if (writes.size() >= MAX_KEYS) {
      prune(now);
    }
    if (writes.size() < MAX_KEYS) {
      if (accountKey != null) {
        writes.computeIfAbsent(accountKey, k -> new ArrayDeque<>()).addLast(now);
      }
      writes.computeIfAbsent(addressKey, k -> new ArrayDeque<>()).addLast(now);
    }
    return Optional.empty();
  }

  private Duration waitFor(String key, int limit, Instant now) {
    Deque<Instant> times = writes.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    Instant cutoff = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      writes.remove(key);
      return Duration.ZERO;
    }
    if (times.size() < limit) {
      return Duration.ZERO;
    }
    Instant freed = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
    return Duration.between(now, freed.plus(window));
  }

  private void prune(Instant now) {
    Instant cutoff = now.minus(window);
    for (Iterator<Deque<Instant>> it = writes.values().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next();
      while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
        times.removeFirst();
      }
      if (times.isEmpty()) {
        it.remove();
      }
    }
  }
}
