package org.aisx.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.aisx.catalog.Bodies;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;

/**
 * Accounts, sign-in sessions and API tokens. Passwords are kept as Argon2id hashes; session ids and
 * tokens are 32 random bytes whose SHA-256 is all that is stored.
 */
public final class Accounts {
  /** A session ends this long after sign-in. */
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  public static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD = 1_000;
  static final String TOKEN_PREFIX = "aisx_";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Base64.Encoder URL64 = Base64.getUrlEncoder().withoutPadding();

  private final AccountStore store;
  private final Supplier<List<String>> catalogueBodies;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final SecureRandom random;

  /**
   * @param catalogueBodies every {@code sdo} the catalogue's records have ({@code
   *     CatalogStore.bodies}), asked when an account's bodies are checked
   */
  public Accounts(
      AccountStore store,
      Supplier<List<String>> catalogueBodies,
      PasswordHasher hasher,
      Clock clock,
      SecureRandom random) {
    this.store = store;
    this.catalogueBodies = catalogueBodies;
    this.hasher = hasher;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Creates an account. Contributors belong to at least one body; the other roles to none. Throws
   * {@link CatalogException.Invalid} naming each field that is wrong.
   */
  public User addUser(String email, Role role, Collection<String> bodies, char[] password) {
    List<Problem> problems = new ArrayList<>();
    String address = normaliseEmail(email);
    if (address.isEmpty()) {
      problems.add(Problem.of("email", "invalid.required"));
    } else if (address.length() > 320 || !EMAIL.matcher(address).matches()) {
      problems.add(Problem.of("email", "account.problem.notEmail"));
    } else if (store.findByEmail(address).isPresent()) {
      problems.add(Problem.of("email", "account.problem.emailTaken"));
    }
    Set<String> clean = roleAndBodies(role, bodies, problems);
    checkPassword(password, problems);
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("account", problems);
    }
    User user = new User(UUID.randomUUID().toString(), address, role, clean, now());
    store.addUser(user, hasher.hash(password));
    return user;
  }

  /**
   * The bodies of an account of {@code role}, each as the catalogue writes it (a record's {@code
   * sdo}, else a body {@link Bodies} knows; matched case aside), with what is wrong added to
   * problems: a body the catalogue does not know is named with the known ones that come close.
   */
  private Set<String> roleAndBodies(Role role, Collection<String> bodies, List<Problem> problems) {
    Set<String> clean = new LinkedHashSet<>();
    List<String> known = null;
    boolean unknown = false;
    for (String b : bodies) {
      if (b == null || b.isBlank()) {
        problems.add(Problem.of("bodies", "account.problem.bodyEmpty"));
      } else if (b.strip().length() > 100) {
        problems.add(Problem.of("bodies", "invalid.tooLong", "100"));
      } else {
        if (known == null) {
          known = knownBodies();
        }
        String body = spelled(b.strip(), known);
        if (body != null) {
          clean.add(body);
        } else {
          unknown = true;
          List<String> close = close(b.strip(), known);
          problems.add(
              close.isEmpty()
                  ? Problem.of("bodies", "account.problem.unknownBody", b.strip())
                  : Problem.of(
                      "bodies",
                      "account.problem.unknownBodyClose",
                      b.strip(),
                      String.join(", ", close)));
        }
      }
    }
    if (role == null || role == Role.PUBLIC) {
      problems.add(Problem.of("role", "account.problem.role"));
    } else if (role == Role.CONTRIBUTOR && clean.isEmpty() && !unknown) {
      // (A body given but not known is reported as such, not as none given.)
      problems.add(Problem.of("bodies", "account.problem.contributorNeedsBody"));
    } else if (role != Role.CONTRIBUTOR && !clean.isEmpty()) {
      problems.add(Problem.of("bodies", "account.problem.onlyContributorsHaveBodies"));
    }
    return clean;
  }

  /** The bodies an account may belong to: the records' {@code sdo}, then those Bodies knows. */
  private List<String> knownBodies() {
    Set<String> known = new java.util.TreeSet<>(catalogueBodies.get());
    known.addAll(Bodies.KNOWN);
    return List.copyOf(known);
  }

  /** {@code body} as a record's {@code sdo} or {@link Bodies} writes it; null when unknown. */
  private static String spelled(String body, List<String> known) {
    String wanted = User.normalise(body);
    for (String k : known) {
      if (User.normalise(k).equals(wanted)) {
        return k;
      }
    }
    return Bodies.known(body);
  }

  /** How many close bodies an unknown one is offered. */
  private static final int CLOSE_BODIES = 5;

  /**
   * The known bodies that come close to {@code body}, closest first: a few letters apart, or one
   * holding the other ("ISOO": ISO, ISO/IEC).
   */
  static List<String> close(String body, List<String> known) {
    String wanted = User.normalise(body);
    int within = Math.max(1, wanted.length() / 3);
    record Near(String body, int distance) {}
    List<Near> near = new ArrayList<>();
    for (String k : known) {
      String candidate = User.normalise(k);
      int d = distance(wanted, candidate);
      if (d <= within) {
        near.add(new Near(k, d));
      } else if (candidate.contains(wanted) || wanted.contains(candidate)) {
        near.add(new Near(k, within + 1 + Math.abs(candidate.length() - wanted.length())));
      }
    }
    return near.stream()
        .sorted(java.util.Comparator.comparingInt(Near::distance).thenComparing(Near::body))
        .limit(CLOSE_BODIES)
        .map(Near::body)
        .toList();
  }

  /** The edit distance of two texts (insertions, deletions, substitutions). */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int swap = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + swap);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static void checkPassword(char[] password, List<Problem> problems) {
    if (password == null || password.length < MIN_PASSWORD) {
      problems.add(
          Problem.of("password", "account.problem.passwordTooShort", String.valueOf(MIN_PASSWORD)));
    } else if (password.length > MAX_PASSWORD) {
      problems.add(
          Problem.of("password", "account.problem.passwordTooLong", String.valueOf(MAX_PASSWORD)));
    }
  }

  /**
   * The account whose e-mail and password these are; empty for any mismatch, and for a disabled
   * account even with its right password (the password is checked all the same, so that the answer
   * takes as long and says nothing of whether the password was right).
   */
  public Optional<User> authenticate(String email, char[] password) {
    Optional<User> user = store.findByEmail(normaliseEmail(email));
    if (user.isEmpty() || password == null || password.length > MAX_PASSWORD) {
      hasher.verifyNothing(password == null ? new char[0] : password);
      return Optional.empty();
    }
    String hash = store.passwordHash(user.get().id()).orElse(null);
    return hasher.verify(password, hash) && user.get().active() ? user : Optional.empty();
  }

  /** The account with this id, or else with this e-mail. */
  public Optional<User> find(String idOrEmail) {
    if (idOrEmail == null || idOrEmail.isBlank() || idOrEmail.length() > 320) {
      return Optional.empty();
    }
    return idOrEmail.contains("@")
        ? store.findByEmail(normaliseEmail(idOrEmail))
        : store.findById(idOrEmail.strip());
  }

  /**
   * Gives an account another role and bodies (a contributor at least one body, the other roles
   * none) and signs it out everywhere, so that it signs in again under its new rights; its tokens
   * carry the new rights from the next request. The last active admin keeps the admin role. Throws
   * {@link CatalogException.Invalid} naming what is wrong.
   */
  public User changeRole(User user, Role role, Collection<String> bodies) {
    List<Problem> problems = new ArrayList<>();
    Set<String> clean = roleAndBodies(role, bodies, problems);
    if (problems.isEmpty() && role != Role.ADMIN && isLastActiveAdmin(user)) {
      problems.add(Problem.of("role", "account.problem.lastAdminRole"));
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("account", problems);
    }
    if (!store.changeRole(user.id(), role, clean)) {
      throw new CatalogException.NotFound("account " + user.email());
    }
    return reread(user);
  }

  /**
   * Disables an account: it can no longer sign in, its sessions end and its tokens are revoked at
   * once, on every node. The account is kept, so that history and the audit trail still name it.
   * The last active admin cannot be disabled. Returns the account as it now is.
   */
  public User disable(User user) {
    if (isLastActiveAdmin(user)) {
      throw new CatalogException.Invalid(
          "account", List.of(Problem.of("disabled", "account.problem.lastAdminDisabled")));
    }
    store.disable(user.id(), now());
    return reread(user);
  }

  /**
   * Lets a disabled account sign in again. Its tokens stay revoked: new ones are issued if needed.
   */
  public User enable(User user) {
    store.enable(user.id());
    return reread(user);
  }

  /** Sets a new password for an account and signs it out everywhere. */
  public void setPassword(User user, char[] password) {
    List<Problem> problems = new ArrayList<>();
    checkPassword(password, problems);
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("account", problems);
    }
    if (!store.changePassword(user.id(), hasher.hash(password))) {
      throw new CatalogException.NotFound("account " + user.email());
    }
  }

  /** Ends every session of an account; returns how many. */
  public int endSessions(User user) {
    return store.deleteSessions(user.id());
  }

  /** When each account last signed in, by account id (accounts that never did are missing). */
  public Map<String, Instant> lastSignIns() {
    return store.lastSignIns();
  }

  /** An account's tokens, revoked ones included, oldest first. */
  public List<TokenInfo> tokensOf(User user) {
    return store.tokens(user.id());
  }

  /** What a change of role or bodies changed, for the audit trail. */
  public static String describeChange(User before, User after) {
    return "role "
        + before.role().wire()
        + " -> "
        + after.role().wire()
        + "; bodies ["
        + String.join(", ", before.bodies())
        + "] -> ["
        + String.join(", ", after.bodies())
        + "]; sessions ended";
  }

  private boolean isLastActiveAdmin(User user) {
    User current = store.findById(user.id()).orElse(user);
    return current.role() == Role.ADMIN
        && current.active()
        && store.users().stream()
            .noneMatch(u -> u.role() == Role.ADMIN && u.active() && !u.id().equals(user.id()));
  }

  private User reread(User user) {
    return store
        .findById(user.id())
        .orElseThrow(() -> new CatalogException.NotFound("account " + user.email()));
  }

  public Optional<User> user(String email) {
    return store.findByEmail(normaliseEmail(email));
  }

  public List<User> users() {
    return store.users();
  }

  /** Issues a new API token for the account with this e-mail. */
  public IssuedToken createToken(String email, String label) {
    User user = existing(email);
    if (!user.active()) {
      throw new CatalogException.Invalid(
          "token", List.of(Problem.of("email", "account.problem.disabled")));
    }
    if (label != null && label.length() > 200) {
      throw new CatalogException.Invalid(
          "token", List.of(Problem.of("label", "invalid.tooLong", "200")));
    }
    String secret = TOKEN_PREFIX + URL64.encodeToString(randomBytes(32));
    byte[] idBytes = randomBytes(8);
    TokenInfo info =
        new TokenInfo(HexFormat.of().formatHex(idBytes), user.id(), label, now(), null);
    store.addToken(info, sha256(secret));
    return new IssuedToken(info, secret);
  }

  /**
   * The account a live token belongs to; empty for an unknown or revoked token, and for a token of
   * a disabled account.
   */
  public Optional<User> userForToken(String secret) {
    if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    return store
        .tokenByHash(sha256(secret))
        .filter(TokenInfo::live)
        .flatMap(t -> store.findById(t.userId()))
        .filter(User::active);
  }

  /** The token a secret stands for, revoked or not. */
  public Optional<TokenInfo> tokenInfo(String secret) {
    if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    return store.tokenByHash(sha256(secret));
  }

  /** A token by its id (not its secret). */
  public Optional<TokenInfo> token(String tokenId) {
    return tokenId == null || tokenId.length() > 20 ? Optional.empty() : store.tokenById(tokenId);
  }

  /** Revokes a token by its id; false when it was already revoked or does not exist. */
  public boolean revokeToken(String tokenId) {
    return store.revokeToken(tokenId, now());
  }

  public List<TokenInfo> tokens(String email) {
    return store.tokens(existing(email).id());
  }

  /** Revokes one token of the account with this e-mail; false if it has no such live token. */
  public boolean revokeToken(String email, String tokenId) {
    User user = existing(email);
    boolean owned = store.tokens(user.id()).stream().anyMatch(t -> t.id().equals(tokenId));
    return owned && store.revokeToken(tokenId, now());
  }

  /** Revokes every live token of the account with this e-mail; returns how many. */
  public int revokeAllTokens(String email) {
    return store.revokeTokens(existing(email).id(), now());
  }

  /** Signs {@code user} in: a new session with its own CSRF token. */
  public Session startSession(User user) {
    if (!user.active()) {
      throw new IllegalStateException("a disabled account has no session: " + user.email());
    }
    Instant now = now();
    store.deleteSessionsExpiredBefore(now);
    store.signedIn(user.id(), now);
    String id = URL64.encodeToString(randomBytes(32));
    String csrf = URL64.encodeToString(randomBytes(32));
    Instant expires = now.plus(SESSION_LIFETIME);
    store.addSession(sha256(id), user.id(), csrf, now, expires);
    return new Session(id, csrf, user, expires);
  }

  /** The live session a cookie value stands for; none for a disabled account. */
  public Optional<Session> session(String id) {
    if (id == null || id.isEmpty() || id.length() > 100) {
      return Optional.empty();
    }
    Instant now = now();
    return store
        .session(sha256(id))
        .filter(s -> s.expires().isAfter(now))
        .flatMap(
            s ->
                store
                    .findById(s.userId())
                    .filter(User::active)
                    .map(u -> new Session(id, s.csrf(), u, s.expires())));
  }

  /** Signs a session out. */
  public void endSession(String id) {
    if (id != null && !id.isEmpty() && id.length() <= 100) {
      store.deleteSession(sha256(id));
    }
  }

  /** A random value for a CSRF token outside a session (the sign-in form). */
  public String randomToken() {
    return URL64.encodeToString(randomBytes(32));
  }

  private User existing(String email) {
    return store
        .findByEmail(normaliseEmail(email))
        .orElseThrow(() -> new CatalogException.NotFound("account " + email));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  static String normaliseEmail(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
