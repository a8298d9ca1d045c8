package org.aisx.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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

  private final int perAccount;
  private final int perAddress;
  private final Clock clock;
  private final SlidingWindow failures;

  public SignInLimiter(Clock clock) {
    this(PER_ACCOUNT, PER_ADDRESS, WINDOW, clock);
  }

  SignInLimiter(int perAccount, int perAddress, Duration window, Clock clock) {
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.clock = clock;
    this.failures = new SlidingWindow(window);
  }

  /**
   * How long the caller must wait before trying to sign in as {@code email} from {@code address};
   * empty when it may try now.
   */
  public synchronized Optional<Duration> wait(String email, String address) {
    Instant now = clock.instant();
    Duration longest =
        SlidingWindow.longest(
            failures.waitFor(accountKey(email), perAccount, now),
            failures.waitFor(addressKey(address), perAddress, now));
    return longest.isZero() ? Optional.empty() : Optional.of(longest);
  }

  public synchronized void failed(String email, String address) {
    failures.record(clock.instant(), accountKey(email), addressKey(address));
  }

  public synchronized void succeeded(String email) {
    failures.clear(accountKey(email));
  }

  private static String accountKey(String email) {
    return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
