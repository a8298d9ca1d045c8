package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A read started in the background is waited for by whoever needs it, and fails as it failed. */
class BackgroundReadTest {
  @Test
  void theFirstCallerWaitsForTheReadAndEveryCallerGetsItsResult() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BackgroundRead<String> read =
        BackgroundRead.start(
            "test-read",
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "read";
            });
    String[] got = new String[1];
    Thread caller = new Thread(() -> got[0] = read.get());
    caller.start();
    caller.join(200);
    assertThat(caller.isAlive()).as("waiting for the read").isTrue();
    release.countDown();
    caller.join(10_000);
    assertThat(got[0]).isEqualTo("read");
    assertThat(read.get()).isEqualTo("read");
  }

  @Test
  void aFailedReadThrowsWhatItThrewToEveryCaller() {
    IllegalStateException failure = new IllegalStateException("the store is gone");
    BackgroundRead<String> read =
        BackgroundRead.start(
            "test-read",
            () -> {
              throw failure;
            });
    assertThatThrownBy(read::get).isSameAs(failure);
    assertThatThrownBy(read::get).isSameAs(failure);
  }
}
