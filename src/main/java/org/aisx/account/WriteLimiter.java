package org.aisx.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

  private final int perAccount;
  private final int perAddress;
  private final Clock clock;
  private final SlidingWindow writes;

  public WriteLimiter(Clock clock) {
    this(PER_ACCOUNT, PER_ADDRESS, WINDOW, clock);
  }

  public WriteLimiter(int perAccount, int perAddress, Duration window, Clock clock) {
    this.perAccount = perAccount;
    this.perAddress = perAddress;
    this.clock = clock;
    this.writes = new SlidingWindow(window);
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
    Duration longest =
        SlidingWindow.longest(
            accountKey == null ? Duration.ZERO : writes.waitFor(accountKey, perAccount, now),
            writes.waitFor(addressKey, perAddress, now));
    if (!longest.isZero()) {
      return Optional.of(longest);
    }
    if (accountKey != null) {
      writes.record(now, accountKey, addressKey);
    } else {
      writes.record(now, addressKey);
    }
    return Optional.empty();
  }
}
