package org.aisx.bench;

import java.util.concurrent.TimeUnit;
import org.aisx.account.PasswordHasher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one sign-in costs the server: an Argon2id hash (a new password) and a verification (a
 * sign-in; an unknown e-mail spends the same), with the shipped parameters (19 MiB, 2 passes, 1
 * lane). Formerly printed by {@code PasswordHasherTest}; a speed is measured here, not asserted.
 * See BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class PasswordHashBenchmark {
  static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  PasswordHasher hasher;
  String hash;

  @Setup
  public void setUp() {
    hasher = new PasswordHasher();
    hash = hasher.hash(PASSWORD);
  }

  @Benchmark
  public String hash() {
    return hasher.hash(PASSWORD);
  }

  @Benchmark
  public boolean verify() {
    return hasher.verify(PASSWORD, hash);
  }
}
