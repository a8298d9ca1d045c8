package org.aisx.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  final PasswordHasher hasher = new PasswordHasher();

  /** For what does not depend on the cost: the same code with cheaper parameters. */
  final PasswordHasher cheap = PasswordHasher.withCost(64, 1);

  @Test
  void aHashVerifiesItsPasswordAndNoOther() {
    String hash = hasher.hash("correct horse battery staple".toCharArray());
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hash).doesNotContain("correct");
    assertThat(hasher.verify("correct horse battery staple".toCharArray(), hash)).isTrue();
    assertThat(hasher.verify("correct horse battery stapler".toCharArray(), hash)).isFalse();
    assertThat(hasher.verify("".toCharArray(), hash)).isFalse();
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    String a = cheap.hash("ünïcödé pässwörd".toCharArray());
    String b = cheap.hash("ünïcödé pässwörd".toCharArray());
    assertThat(a).isNotEqualTo(b);
    assertThat(cheap.verify("ünïcödé pässwörd".toCharArray(), a)).isTrue();
    assertThat(cheap.verify("ünïcödé pässwörd".toCharArray(), b)).isTrue();
  }

  @Test
  void aHashRecordsItsParametersSoTheyCanBeRaisedLater() {
    String old = cheap.hash("an older password".toCharArray());
    assertThat(old).contains("m=64,t=1,p=1");
    assertThat(hasher.verify("an older password".toCharArray(), old)).isTrue();
  }

  @Test
  void damagedOrForeignHashesNeverVerify() {
    String hash = cheap.hash("password one two".toCharArray());
    char[] pw = "password one two".toCharArray();
    assertThat(cheap.verify(pw, hash)).isTrue();
    assertThat(cheap.verify(pw, null)).isFalse();
    assertThat(cheap.verify(pw, "")).isFalse();
    assertThat(cheap.verify(pw, hash.replace("argon2id", "argon2i"))).isFalse();
    assertThat(cheap.verify(pw, hash.replace("t=1", "t=3"))).isFalse();
    assertThat(cheap.verify(pw, hash.replace("m=64", "m=99999999"))).isFalse();
    assertThat(cheap.verify(pw, hash.substring(0, hash.length() - 4) + "AAAA")).isFalse();
    assertThat(cheap.verify(pw, "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
  }

  @Test
  void theParametersRecordedInTheHashAreTheOnesUsedAndAtLeastOwaspsMinimum() {
    char[] pw = "correct horse battery staple".toCharArray();
    String[] parts = hasher.hash(pw).split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    assertThat(parts).hasSize(6);
    assertThat(parts[1]).isEqualTo("argon2id");
    assertThat(parts[3]).isEqualTo("m=19456,t=2,p=1"); // OWASP: 19 MiB, 2 passes, 1 lane
    byte[] salt = Base64.getDecoder().decode(parts[4]);
    byte[] stored = Base64.getDecoder().decode(parts[5]);
    assertThat(salt).hasSize(16);
    assertThat(stored).hasSize(32);
    // Argon2id run directly with the recorded parameters gives the stored hash; with one of them
    // lowered it does not, so the record is what was spent. (How long a hash takes is measured by
    // bench/PasswordHashBenchmark, not asserted here.)
    assertThat(argon2id(pw, salt, 19_456, 2, 1)).isEqualTo(stored);
    assertThat(argon2id(pw, salt, 19_456, 1, 1)).isNotEqualTo(stored);
    assertThat(argon2id(pw, salt, 8_192, 2, 1)).isNotEqualTo(stored);
    assertThat(argon2id(pw, salt, 19_456, 2, 2)).isNotEqualTo(stored);
  }

  private static byte[] argon2id(
      char[] password, byte[] salt, int memoryKib, int iterations, int lanes) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(lanes)
            .withSalt(salt)
            .build());
    byte[] out = new byte[32];
    generator.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
