package org.aisx.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  final PasswordHasher hasher = new PasswordHasher();

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
    String a = hasher.hash("ünïcödé pässwörd".toCharArray());
    String b = hasher.hash("ünïcödé pässwörd".toCharArray());
    assertThat(a).isNotEqualTo(b);
    assertThat(hasher.verify("ünïcödé pässwörd".toCharArray(), a)).isTrue();
    assertThat(hasher.verify("ünïcödé pässwörd".toCharArray(), b)).isTrue();
  }

  @Test
  void aHashRecordsItsParametersSoTheyCanBeRaisedLater() {
    PasswordHasher cheap = new PasswordHasher(64, 1, new java.security.SecureRandom());
    String old = cheap.hash("an older password".toCharArray());
    assertThat(old).contains("m=64,t=1,p=1");
    assertThat(hasher.verify("an older password".toCharArray(), old)).isTrue();
  }

  @Test
  void damagedOrForeignHashesNeverVerify() {
    String hash = hasher.hash("password one two".toCharArray());
    char[] pw = "password one two".toCharArray();
    assertThat(hasher.verify(pw, null)).isFalse();
    assertThat(hasher.verify(pw, "")).isFalse();
    assertThat(hasher.verify(pw, hash.replace("argon2id", "argon2i"))).isFalse();
    assertThat(hasher.verify(pw, hash.replace("t=2", "t=3"))).isFalse();
    assertThat(hasher.verify(pw, hash.replace("m=19456", "m=99999999"))).isFalse();
    assertThat(hasher.verify(pw, hash.substring(0, hash.length() - 4) + "AAAA")).isFalse();
    assertThat(hasher.verify(pw, "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
  }

  @Test
  void oneHashTakesAMeasurableButShortTime() {
    char[] pw = "correct horse battery staple".toCharArray();
    hasher.hash(pw); // warm up
    long start = System.nanoTime();
    int n = 5;
    for (int i = 0; i < n; i++) {
      hasher.hash(pw);
    }
    long millis = (System.nanoTime() - start) / n / 1_000_000;
    System.out.println("Argon2id m=19 MiB t=2 p=1: " + millis + " ms per hash");
    assertThat(millis).isBetween(1L, 2_000L);
  }
}
