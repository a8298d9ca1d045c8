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
    accounts = new Accounts(store, Fixtures.HASHER, clock, new SecureRandom());
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
        .containsExactly("body");
    assertThat(
            problems(() -> accounts.addUser("k@x.org", Role.COORDINATOR, List.of("ISO"), PASSWORD)))
        .extracting(Problem::field)
        .containsExactly("body");
    assertThat(
            problems(
                () -> accounts.addUser("p@x.org", Role.ADMIN, List.of(), "short".toCharArray())))
        .containsExactly(new Problem("password", "at least 12 characters"));
    assertThat(accounts.users()).hasSize(1);
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
}
