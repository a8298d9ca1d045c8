package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.aisx.Fixtures;
import org.aisx.account.AccountStore;
import org.aisx.account.Accounts;
import org.aisx.account.IssuedToken;
import org.aisx.account.Role;
import org.aisx.account.Session;
import org.aisx.account.TokenInfo;
import org.aisx.account.User;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What accounts, sessions and tokens must do on every database the store runs on. */
abstract class AccountStoreContract {
  static final char[] PASSWORD = "correct horse battery staple".toCharArray();

  /** A clock the test moves by hand. */
  static final class Hands extends Clock {
    Instant now = Instant.parse("2025-03-01T09:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final Hands clock = new Hands();
  Accounts accounts;
  private AccountStore store;

  /** Opens a fresh, empty store for one test. */
  abstract AccountStore openStore() throws Exception;

  AccountStore store() {
    return store;
  }

  @BeforeEach
  void accounts() throws Exception {
    store = openStore();
    // An empty catalogue: the bodies an account may have are those catalog.Bodies knows.
    accounts = new Accounts(store, List::of, Fixtures.HASHER, clock, new SecureRandom());
  }

  @Test
  void anAccountIsStoredWithItsBodiesAndSignsInWithItsPasswordOnly() {
    User added =
        accounts.addUser(" Sec@ITU.int ", Role.CONTRIBUTOR, List.of("ITU-T", "ITU-R"), PASSWORD);
    assertThat(added.email()).isEqualTo("sec@itu.int");

    User found = accounts.user("SEC@itu.int").orElseThrow();
    assertThat(found).isEqualTo(added);
    assertThat(found.bodies()).containsExactly("ITU-R", "ITU-T");
    assertThat(found.role()).isEqualTo(Role.CONTRIBUTOR);

    assertThat(accounts.authenticate("sec@itu.int", PASSWORD)).contains(added);
    assertThat(accounts.authenticate("sec@itu.int", "wrong password!!".toCharArray())).isEmpty();
    assertThat(accounts.authenticate("nobody@itu.int", PASSWORD)).isEmpty();
    assertThat(accounts.users()).containsExactly(added);
  }

  @Test
  void invalidAccountsAreRefusedNamingTheField() {
    accounts.addUser("admin@example.org", Role.ADMIN, List.of(), PASSWORD);
    assertThat(
            problems(() -> accounts.addUser("admin@example.org", Role.ADMIN, List.of(), PASSWORD)))
        .containsExactly(new Problem("email", "an account with this e-mail already exists"));
    assertThat(problems(() -> accounts.addUser("not-an-email", Role.ADMIN, List.of(), PASSWORD)))
        .extracting(Problem::field)
        .containsExactly("email");
    assertThat(problems(() -> accounts.addUser("c@x.org", Role.CONTRIBUTOR, List.of(), PASSWORD)))
        .extracting(Problem::field)
        .containsExactly("bodies");
    assertThat(
            problems(() -> accounts.addUser("k@x.org", Role.COORDINATOR, List.of("ISO"), PASSWORD)))
        .extracting(Problem::field)
        .containsExactly("bodies");
    assertThat(
            problems(
                () -> accounts.addUser("p@x.org", Role.ADMIN, List.of(), "short".toCharArray())))
        .containsExactly(new Problem("password", "at least 12 characters"));
    assertThat(accounts.users()).hasSize(1);
  }

  @Test
  void aContributorsBodyIsOneTheCatalogueKnowsInItsSpellingElseRefusedWithTheCloseOnes() {
    User low = accounts.addUser("low@iso.org", Role.CONTRIBUTOR, List.of(" iso/iec "), PASSWORD);
    assertThat(low.bodies()).containsExactly("ISO/IEC");
    assertThat(
            problems(
                () ->
                    accounts.addUser("typo@iso.org", Role.CONTRIBUTOR, List.of("ISOO"), PASSWORD)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("bodies");
              assertThat(p.problem()).contains("'ISOO'").contains("close: ISO");
            });
    assertThat(accounts.find("typo@iso.org")).isEmpty();
    assertThat(problems(() -> accounts.changeRole(low, Role.CONTRIBUTOR, List.of("Nowhere Inst."))))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("bodies");
              assertThat(p.problem()).contains("'Nowhere Inst.'");
            });
    assertThat(accounts.find("low@iso.org").orElseThrow().bodies()).containsExactly("ISO/IEC");
  }

  static List<Problem> problems(Runnable r) {
    try {
      r.run();
    } catch (CatalogException.Invalid e) {
      return e.problems();
    }
    throw new AssertionError("expected a validation failure");
  }

  @Test
  void aTokenIdentifiesItsAccountUntilRevokedAndOnlyItsHashIsKept() {
    User user = accounts.addUser("dev@example.org", Role.COORDINATOR, List.of(), PASSWORD);
    IssuedToken one = accounts.createToken("dev@example.org", "laptop");
    IssuedToken two = accounts.createToken("dev@example.org", null);

    assertThat(one.secret()).startsWith("aisx_").hasSizeGreaterThan(40);
    assertThat(one.secret()).isNotEqualTo(two.secret());
    assertThat(accounts.userForToken(one.secret())).contains(user);
    assertThat(accounts.userForToken(two.secret())).contains(user);
    assertThat(accounts.userForToken(one.secret() + "x")).isEmpty();
    assertThat(accounts.userForToken("aisx_guess")).isEmpty();
    assertThat(accounts.tokens("dev@example.org"))
        .extracting(TokenInfo::label)
        .containsExactlyInAnyOrder("laptop", null);

    assertThat(accounts.revokeToken("dev@example.org", one.info().id())).isTrue();
    assertThat(accounts.revokeToken("dev@example.org", one.info().id())).isFalse();
    assertThat(accounts.userForToken(one.secret())).isEmpty();
    assertThat(accounts.userForToken(two.secret())).contains(user);
    assertThat(accounts.token(one.info().id()).orElseThrow().live()).isFalse();

    assertThat(accounts.revokeAllTokens("dev@example.org")).isEqualTo(1);
    assertThat(accounts.userForToken(two.secret())).isEmpty();
    assertThatThrownBy(() -> accounts.createToken("nobody@example.org", null))
        .isInstanceOf(CatalogException.NotFound.class);
  }

  @Test
  void aTokenOfAnotherAccountCannotBeRevokedInItsName() {
    accounts.addUser("a@example.org", Role.ADMIN, List.of(), PASSWORD);
    accounts.addUser("b@example.org", Role.ADMIN, List.of(), PASSWORD);
    IssuedToken bs = accounts.createToken("b@example.org", null);
    assertThat(accounts.revokeToken("a@example.org", bs.info().id())).isFalse();
    assertThat(accounts.userForToken(bs.secret())).isPresent();
  }

  @Test
  void aSessionLastsItsLifetimeAndEndsOnSignOut() {
    User user = accounts.addUser("s@example.org", Role.ADMIN, List.of(), PASSWORD);
    Session s = accounts.startSession(user);
    assertThat(s.id()).isNotEqualTo(s.csrf());
    Session found = accounts.session(s.id()).orElseThrow();
    assertThat(found.user()).isEqualTo(user);
    assertThat(found.csrf()).isEqualTo(s.csrf());
    assertThat(accounts.session(s.id() + "x")).isEmpty();
    assertThat(accounts.session(null)).isEmpty();

    clock.now = clock.now.plus(Accounts.SESSION_LIFETIME).minusSeconds(1);
    assertThat(accounts.session(s.id())).isPresent();
    clock.now = clock.now.plusSeconds(1);
    assertThat(accounts.session(s.id())).isEmpty();

    Session next = accounts.startSession(user); // also clears the expired one
    assertThat(accounts.session(next.id())).isPresent();
    accounts.endSession(next.id());
    assertThat(accounts.session(next.id())).isEmpty();
  }

  @Test
  void expiredSessionsAreDeleted() {
    User user = accounts.addUser("e@example.org", Role.ADMIN, List.of(), PASSWORD);
    accounts.startSession(user);
    accounts.startSession(user);
    assertThat(store().deleteSessionsExpiredBefore(clock.now)).isZero();
    assertThat(store().deleteSessionsExpiredBefore(clock.now.plus(Duration.ofHours(13))))
        .isEqualTo(2);
  }

  @Test
  void aDisabledAccountIsKeptButCannotSignInAndItsSessionsAndTokensEndAtOnce() {
    accounts.addUser("boss@example.org", Role.ADMIN, List.of(), PASSWORD);
    User user = accounts.addUser("left@ieee.org", Role.CONTRIBUTOR, List.of("IEEE"), PASSWORD);
    Session one = accounts.startSession(user);
    Session two = accounts.startSession(user);
    IssuedToken token = accounts.createToken("left@ieee.org", "ci");

    User disabled = accounts.disable(user);

    assertThat(disabled.active()).isFalse();
    assertThat(disabled.disabled()).isEqualTo(clock.now);
    assertThat(accounts.users()).extracting(User::email).contains("left@ieee.org");
    assertThat(accounts.session(one.id())).isEmpty();
    assertThat(accounts.session(two.id())).isEmpty();
    assertThat(accounts.userForToken(token.secret())).isEmpty();
    assertThat(accounts.token(token.info().id()).orElseThrow().live()).isFalse();
    assertThat(accounts.authenticate("left@ieee.org", PASSWORD)).isEmpty();
    assertThat(problems(() -> accounts.createToken("left@ieee.org", null)))
        .extracting(Problem::field)
        .containsExactly("email");

    User enabled = accounts.enable(disabled);
    assertThat(enabled.active()).isTrue();
    assertThat(accounts.authenticate("left@ieee.org", PASSWORD)).contains(enabled);
    assertThat(accounts.userForToken(token.secret())).as("revoked tokens stay revoked").isEmpty();
  }

  @Test
  void aSessionWhoseAccountIsDisabledBehindItsBackIsRefused() {
    User user = accounts.addUser("race@example.org", Role.COORDINATOR, List.of(), PASSWORD);
    accounts.addUser("boss@example.org", Role.ADMIN, List.of(), PASSWORD);
    Session s = accounts.startSession(user);
    // Disabled with the session row left in place (as a node racing the disable might leave it):
    // the account's state alone refuses it.
    store().disable(user.id(), clock.now);
    store().addSession("f".repeat(64), user.id(), "csrf", clock.now, clock.now.plusSeconds(60));
    assertThat(accounts.session(s.id())).isEmpty();
    assertThat(store().session("f".repeat(64))).isPresent();
    assertThat(accounts.find(user.id()).orElseThrow().active()).isFalse();
  }

  @Test
  void changingTheRoleOrBodiesEndsTheSessionsAndTakesEffectForTokensAtOnce() {
    User user = accounts.addUser("move@example.org", Role.CONTRIBUTOR, List.of("ISO"), PASSWORD);
    Session s = accounts.startSession(user);
    IssuedToken token = accounts.createToken("move@example.org", null);

    User moved = accounts.changeRole(user, Role.CONTRIBUTOR, List.of("IEC", " ITU-T "));
    assertThat(moved.bodies()).containsExactly("IEC", "ITU-T");
    assertThat(accounts.session(s.id())).isEmpty();
    assertThat(accounts.userForToken(token.secret())).contains(moved);

    User coordinator = accounts.changeRole(moved, Role.COORDINATOR, List.of());
    assertThat(coordinator.role()).isEqualTo(Role.COORDINATOR);
    assertThat(coordinator.bodies()).isEmpty();
    assertThat(accounts.user("move@example.org")).contains(coordinator);

    assertThat(problems(() -> accounts.changeRole(coordinator, Role.CONTRIBUTOR, List.of())))
        .extracting(Problem::field)
        .containsExactly("bodies");
    assertThat(problems(() -> accounts.changeRole(coordinator, Role.ADMIN, List.of("ISO"))))
        .extracting(Problem::field)
        .containsExactly("bodies");
    assertThat(problems(() -> accounts.changeRole(coordinator, Role.PUBLIC, List.of())))
        .extracting(Problem::field)
        .containsExactly("role");
  }

  @Test
  void theLastActiveAdminCanBeNeitherDisabledNorDemoted() {
    User only = accounts.addUser("only@example.org", Role.ADMIN, List.of(), PASSWORD);
    assertThat(problems(() -> accounts.disable(only)))
        .extracting(Problem::field)
        .containsExactly("disabled");
    assertThat(problems(() -> accounts.changeRole(only, Role.COORDINATOR, List.of())))
        .extracting(Problem::field)
        .containsExactly("role");

    User second = accounts.addUser("second@example.org", Role.ADMIN, List.of(), PASSWORD);
    assertThat(accounts.disable(only).active()).isFalse();
    assertThat(problems(() -> accounts.disable(second)))
        .extracting(Problem::field)
        .containsExactly("disabled");
  }

  @Test
  void aNewPasswordReplacesTheOldOneAndEndsTheSessions() {
    User user = accounts.addUser("pw@example.org", Role.ADMIN, List.of(), PASSWORD);
    Session s = accounts.startSession(user);
    char[] fresh = "a brand new passphrase".toCharArray();

    accounts.setPassword(user, fresh);

    assertThat(accounts.session(s.id())).isEmpty();
    assertThat(accounts.authenticate("pw@example.org", PASSWORD)).isEmpty();
    assertThat(accounts.authenticate("pw@example.org", fresh)).contains(user);
    assertThat(problems(() -> accounts.setPassword(user, "short".toCharArray())))
        .containsExactly(new Problem("password", "at least 12 characters"));
  }

  @Test
  void signingInIsRememberedAsTheLastSignIn() {
    User user = accounts.addUser("when@example.org", Role.ADMIN, List.of(), PASSWORD);
    User never = accounts.addUser("never@example.org", Role.ADMIN, List.of(), PASSWORD);
    accounts.startSession(user);
    clock.now = clock.now.plusSeconds(90);
    accounts.startSession(user);
    assertThat(accounts.lastSignIns()).containsExactly(java.util.Map.entry(user.id(), clock.now));
    assertThat(accounts.lastSignIns()).doesNotContainKey(never.id());
  }

  @Test
  void anAccountIsFoundByItsIdOrItsEmail() {
    User user = accounts.addUser("find@example.org", Role.ADMIN, List.of(), PASSWORD);
    assertThat(accounts.find(user.id())).contains(user);
    assertThat(accounts.find(" FIND@example.org")).contains(user);
    assertThat(accounts.find("nobody@example.org")).isEmpty();
    assertThat(accounts.find("")).isEmpty();
  }
}
