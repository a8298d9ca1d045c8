package org.aisx.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WriteLimiterTest {
  final SignInLimiterTest.Hands clock = new SignInLimiterTest.Hands();
  final WriteLimiter limiter = new WriteLimiter(3, 5, Duration.ofMinutes(1), clock);

  @Test
  void aCallerIsHeldUntilItsOldestWriteLeavesTheWindowAndRefusalsAreNotCounted() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryWrite("account:a", "10.0.0.1")).isEmpty();
      clock.now = clock.now.plusSeconds(10);
    }
    assertThat(limiter.tryWrite("account:a", "10.0.0.1")).contains(Duration.ofSeconds(30));
    assertThat(limiter.tryWrite("account:a", "10.0.0.1")).contains(Duration.ofSeconds(30));
    // Another caller from the same address still writes.
    assertThat(limiter.tryWrite("account:b", "10.0.0.1")).isEmpty();
    clock.now = clock.now.plusSeconds(31);
    assertThat(limiter.tryWrite("account:a", "10.0.0.1")).isEmpty();
  }

  @Test
  void anAddressIsHeldWhateverCallersItUses() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryWrite(i % 2 == 0 ? null : "token:" + i, "10.0.0.2")).isEmpty();
    }
    assertThat(limiter.tryWrite("token:new", "10.0.0.2")).isPresent();
    assertThat(limiter.tryWrite(null, "10.0.0.2")).isPresent();
    assertThat(limiter.tryWrite(null, "10.0.0.3")).isEmpty();
  }
}
