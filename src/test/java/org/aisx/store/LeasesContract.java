package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Job leases (migration V11) on each database: one holder at a time, lapsing when not renewed. */
abstract class LeasesContract {
  abstract Database db();

  @Test
  void oneNodeHoldsALeaseUntilItReleasesIt() {
    Leases.Lease a = new Leases(db(), "node-a").on("embedding", Duration.ofMinutes(5));
    Leases.Lease b = new Leases(db(), "node-b").on("embedding", Duration.ofMinutes(5));
    assertThat(a.hold()).isTrue();
    assertThat(b.hold()).isFalse();
    assertThat(a.hold()).as("renewed by its holder").isTrue();
    assertThat(b.holderNow()).contains("node-a");
    b.release(); // not b's: changes nothing
    assertThat(b.hold()).isFalse();
    a.release();
    assertThat(b.hold()).isTrue();
    assertThat(a.hold()).isFalse();
  }

  @Test
  void aLeaseNotRenewedLapsesAndAnotherNodeTakesIt() throws InterruptedException {
    // A node that took the lease and died: nothing renews it.
    Leases.Lease dead = new Leases(db(), "killed").on("embedding", Duration.ofMillis(200));
    Leases.Lease alive = new Leases(db(), "alive").on("embedding", Duration.ofMinutes(5));
    assertThat(dead.hold()).isTrue();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!alive.hold()) {
      assertThat(System.nanoTime()).as("the lease lapses").isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(alive.holderNow()).contains("alive");
    assertThat(dead.hold()).as("the dead node, back, finds it taken").isFalse();
  }

  @Test
  void leasesOnDifferentJobsAreIndependent() {
    Leases a = new Leases(db(), "node-a");
    Leases b = new Leases(db(), "node-b");
    assertThat(a.on("embedding", Duration.ofMinutes(1)).hold()).isTrue();
    assertThat(b.on("starter-corpus", Duration.ofMinutes(1)).hold()).isTrue();
  }

  @Test
  void aClearedLeaseIsFreeWhoeverHeldIt() {
    // A node killed a moment ago still holds it; the embedded store's next process clears it.
    Leases.Lease killed = new Leases(db(), "killed").on("import", Duration.ofMinutes(5));
    Leases.Lease next = new Leases(db(), "next").on("import", Duration.ofMinutes(5));
    Leases.Lease other = new Leases(db(), "next").on("embedding", Duration.ofMinutes(5));
    assertThat(killed.hold()).isTrue();
    assertThat(other.hold()).isTrue();
    assertThat(next.hold()).isFalse();
    next.clear();
    assertThat(next.holderNow()).isEmpty();
    assertThat(next.hold()).isTrue();
    assertThat(other.holderNow()).as("another job's lease").contains("next");
  }
}
