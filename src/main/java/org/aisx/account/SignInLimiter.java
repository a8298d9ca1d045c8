package org.aisx.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Limits failed sign-ins, per account and per client address, over a sliding window: after {@code
 * perAccount} failures for one e-mail, or {@code perAddress} from one address, within {@code
 * window}, every attempt is refused until the oldest failure leaves the window. A successful
 * sign-in clears its account's failures. Kept in memory (one process serves the site); the number
 * of keys is bounded.
 */
public final class SignInLimiter {
  public static final int PER_ACCOUNT = 5;
  public static final int PER_ADDRESS = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  static final int MAX_KEYS = 100_000;

  private final int perAccount;
  private final int perAddress;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  public SignInLimiter(Clock clock) {
    this(PER_ACCOUNT, PER_ADDRESS, WINDOW, clock);
  }

  SignInLimiter(int perAccount, int perAddress, Duration window, Clock clock) {
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.window = window;
    this.clock = clock;
  }

  /**
   * How long the caller must wait before trying to sign in as {@code email} from {@code address};
   * empty when it may try now.
   */
  public synchronized Optional<Duration> wait(String email, String address) {
    Instant now = clock.instant();
    Duration a = waitFor(accountKey(email), perAccount, now);
    Duration b = waitFor(addressKey(address), perAddress, now);
    Duration longest = a.compareTo(b) >= 0 ? a : b;
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  public synchronized void failed(String email, String address) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_KEYS) {
      prune(now);
    }
    if (failures.size() < MAX_KEYS) {
      failures.computeIfAbsent(accountKey(email), k -> new ArrayDeque<>()).addLast(now);
      failures.computeIfAbsent(addressKey(address), k -> new ArrayDeque<>()).addLast(now);
    }
  }

  public synchronized void succeeded(String email) {
    failures.remove(accountKey(email));
  }

  private Duration waitFor(String key, int limit, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    Instant cutoff = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return Duration.ZERO;
    }
    if (times.size() < limit) {
      return Duration.ZERO;
    }
    // The attempt that would make room: the one `limit` places from the end leaves the window.
    Instant freed = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
    return Duration.between(now, freed.plus(window));
  }

  private void prune(Instant now) {
    Instant cutoff = now.minus(window);
    for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next();
      while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
        times.removeFirst();
      }
      if (times.isEmpty()) {
        it.remove();
      }
    }
  }

  private static String accountKey(String email) {
    return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
