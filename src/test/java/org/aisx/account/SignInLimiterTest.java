package org.aisx.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInLimiterTest {
  /** A clock the test moves by hand. */
  static final class Hands extends Clock {
    Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final Hands clock = new Hands();
  final SignInLimiter limiter = new SignInLimiter(3, 5, Duration.ofMinutes(10), clock);

  @Test
  void anAccountIsHeldAfterItsFailuresUntilTheOldestLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.wait("a@x.org", "10.0.0.1")).isEmpty();
      limiter.failed("a@x.org", "10.0.0.1");
      clock.now = clock.now.plusSeconds(60);
    }
    assertThat(limiter.wait("A@X.org ", "10.0.0.2")).contains(Duration.ofMinutes(7));
    assertThat(limiter.wait("b@x.org", "10.0.0.2")).isEmpty();
    clock.now = clock.now.plus(Duration.ofMinutes(7));
    assertThat(limiter.wait("a@x.org", "10.0.0.1")).isEmpty();
  }

  @Test
  void anAddressIsHeldAfterFailuresOnManyAccounts() {
    for (int i = 0; i < 5; i++) {
      limiter.failed("user" + i + "@x.org", "10.0.0.9");
    }
    assertThat(limiter.wait("someone-else@x.org", "10.0.0.9")).isPresent();
    assertThat(limiter.wait("someone-else@x.org", "10.0.0.8")).isEmpty();
  }

  @Test
  void successClearsTheAccountsFailures() {
    limiter.failed("a@x.org", "10.0.0.1");
    limiter.failed("a@x.org", "10.0.0.1");
    limiter.succeeded("a@x.org");
    limiter.failed("a@x.org", "10.0.0.1");
    limiter.failed("a@x.org", "10.0.0.1");
    assertThat(limiter.wait("a@x.org", "10.0.0.3")).isEmpty();
  }
}
