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
      assertThat(limiter.begin("a@x.org", "10.0.0.1")).isEmpty();
      clock.now = clock.now.plusSeconds(60);
    }
    assertThat(limiter.begin("A@X.org ", "10.0.0.2")).contains(Duration.ofMinutes(7));
    assertThat(limiter.begin("b@x.org", "10.0.0.2")).isEmpty();
    clock.now = clock.now.plus(Duration.ofMinutes(7));
    assertThat(limiter.begin("a@x.org", "10.0.0.1")).isEmpty();
  }

  @Test
  void anAddressIsHeldAfterFailuresOnManyAccounts() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.begin("user" + i + "@x.org", "10.0.0.9")).isEmpty();
    }
    assertThat(limiter.begin("someone-else@x.org", "10.0.0.9")).isPresent();
    assertThat(limiter.begin("someone-else@x.org", "10.0.0.8")).isEmpty();
  }

  @Test
  void successClearsTheAccountsFailuresAndTakesBackItsAttemptFromTheAddress() {
    limiter.begin("a@x.org", "10.0.0.1");
    limiter.begin("a@x.org", "10.0.0.1");
    limiter.begin("a@x.org", "10.0.0.1");
    limiter.succeeded("a@x.org", "10.0.0.1");
    limiter.begin("a@x.org", "10.0.0.1");
    assertThat(limiter.begin("a@x.org", "10.0.0.3")).isEmpty();
    // The address took back the attempt that succeeded: 2 before it and 1 after make 3 of 5.
    assertThat(limiter.begin("c@x.org", "10.0.0.1")).isEmpty();
    assertThat(limiter.begin("d@x.org", "10.0.0.1")).isEmpty();
    assertThat(limiter.begin("e@x.org", "10.0.0.1")).isPresent();
  }

  @Test
  void parallelAttemptsCannotAllPassTheCheckBeforeAnyFailureIsCounted() throws Exception {
    int threads = 32;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      tries.add(
          pool.submit(
              () -> {
                go.await();
                return limiter.begin("a@x.org", "10.0.1." + n).isEmpty();
              }));
    }
    go.countDown();
    int allowed = 0;
    for (var f : tries) {
      allowed += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(allowed).isEqualTo(3);
  }
}
