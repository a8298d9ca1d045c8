package org.aisx.account;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format, e.g. {@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}. The defaults are OWASP's minimum recommendation (19
 * MiB, 2 passes, 1 lane); a hash records its own parameters, so they can be raised later without
 * invalidating existing passwords.
 */
public final class PasswordHasher {
  static final int DEFAULT_MEMORY_KIB = 19_456;
  static final int DEFAULT_ITERATIONS = 2;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  private final int memoryKib;
  private final int iterations;
  private final SecureRandom random;
  private final String dummy;

  public PasswordHasher() {
    this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, new SecureRandom());
  }

  /**
   * A hasher whose new hashes cost {@code memoryKib} KiB and {@code iterations} passes, below the
   * defaults: for tests, which sign in many times and test no password's strength. Hashes record
   * their parameters, so any hasher verifies them.
   */
  public static PasswordHasher withCost(int memoryKib, int iterations) {
    return new PasswordHasher(memoryKib, iterations, new SecureRandom());
  }

  PasswordHasher(int memoryKib, int iterations, SecureRandom random) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.random = random;
    this.dummy = dummyHash();
  }

  /**
   * A hash in the format of {@link #hash} with this hasher's parameters, of random bytes: verifying
   * against it costs what verifying against a real hash costs, and nothing matches it. Made without
   * deriving anything, so that opening the catalogue (every command) does not spend an Argon2 run.
   */
  private String dummyHash() {
    byte[] salt = new byte[SALT_BYTES];
    byte[] out = new byte[HASH_BYTES];
    random.nextBytes(salt);
    random.nextBytes(out);
    return encoded(salt, out);
  }

  /** A new hash of {@code password} with a fresh random salt. */
  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return encoded(salt, derive(password, salt, memoryKib, iterations, 1, HASH_BYTES));
  }

  private String encoded(byte[] salt, byte[] out) {
    return "$argon2id$v=19$m="
        + memoryKib
        + ",t="
        + iterations
        + ",p=1$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(out);
  }

  /** Whether {@code password} matches {@code encoded}; false for a hash it cannot read. */
  public boolean verify(char[] password, String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      int m = 0;
      int t = 0;
      int p = 0;
      for (String kv : parts[3].split(",")) {
        String[] pair = kv.split("=", 2);
        int v = Integer.parseInt(pair[1]);
        switch (pair[0]) {
          case "m" -> m = v;
          case "t" -> t = v;
          case "p" -> p = v;
          default -> {
            return false;
          }
        }
      }
      if (m < 8 || t < 1 || p < 1 || m > 4_194_304 || t > 100 || p > 64) {
        return false;
      }
      byte[] salt = B64D.decode(parts[4]);
      byte[] expected = B64D.decode(parts[5]);
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return false;
    }
  }

  /**
   * Spends the time of one verification without a hash to check, so that an unknown e-mail takes as
   * long to refuse as a wrong password.
   */
  public void verifyNothing(char[] password) {
    verify(password, dummy);
  }

  private static byte[] derive(
      char[] password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(lanes)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    byte[] out = new byte[length];
    try {
      generator.generateBytes(bytes, out);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
    return out;
  }
}
