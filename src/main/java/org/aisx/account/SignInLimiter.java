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
   * Starts an attempt to sign in as {@code email} from {@code address}: how long the caller must
   * wait first, or empty when it may try now. An attempt that may go on counts as failed from this
   * moment, in the same step as the check, so that parallel attempts cannot all pass the check
   * before any failure is counted; {@link #succeeded} takes it back.
   */
  public synchronized Optional<Duration> begin(String email, String address) {
    Instant now = clock.instant();
    Duration longest =
        SlidingWindow.longest(
            failures.waitFor(accountKey(email), perAccount, now),
            failures.waitFor(addressKey(address), perAddress, now));
    if (!longest.isZero()) {
      return Optional.of(longest);
    }
    failures.record(now, accountKey(email), addressKey(address));
    return Optional.empty();
  }

  /**
   * The attempt begun for {@code email} from {@code address} succeeded: the account's failures are
   * cleared and the address no longer counts this attempt.
   */
  public synchronized void succeeded(String email, String address) {
    failures.clear(accountKey(email));
    failures.dropLatest(addressKey(address));
  }

  private static String accountKey(String email) {
    return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
