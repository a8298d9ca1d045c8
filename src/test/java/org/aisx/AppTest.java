package org.aisx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.aisx.account.Role;
import org.aisx.account.User;
import org.aisx.catalog.Progress;
import org.aisx.store.SqlAccountStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the shipped composition root builds, where the tests build something else. */
class AppTest {
  private static final String FULL_STRENGTH = "$argon2id$v=19$m=19456,t=2,p=1$";

  private static String storedHash(App app, String email) {
    User user =
        app.accounts().addUser(email, Role.COORDINATOR, List.of(), Fixtures.PASSWORD.toCharArray());
    return new SqlAccountStore(app.db).passwordHash(user.id()).orElseThrow();
  }

  @Test
  void theShippedAppHashesPasswordsAtFullStrengthAndTheTestsCheaply(@TempDir Path dir) {
    try (App app = App.open(dir.resolve("shipped"), null, Progress.SILENT)) {
      String hash = storedHash(app, "shipped@example.org");
      assertThat(hash).startsWith(FULL_STRENGTH);
      assertThat(
              app.accounts().authenticate("shipped@example.org", Fixtures.PASSWORD.toCharArray()))
          .isPresent();
    }
    try (App.AccountsOnly accounts = App.openAccounts(dir.resolve("shipped"), null)) {
      User user =
          accounts
              .accounts()
              .addUser(
                  "command@example.org", Role.ADMIN, List.of(), Fixtures.PASSWORD.toCharArray());
      assertThat(new SqlAccountStore(accounts.db()).passwordHash(user.id()).orElseThrow())
          .startsWith(FULL_STRENGTH);
    }
    try (App app = Fixtures.empty(dir.resolve("test"))) {
      String hash = storedHash(app, "test@example.org");
      assertThat(hash).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
      assertThat(app.accounts().authenticate("test@example.org", Fixtures.PASSWORD.toCharArray()))
          .isPresent();
    }
  }

  @Test
  void aSeedingLeaseLeftByAKilledProcessDoesNotKeepTheEmbeddedStoreFromLoadingTheCorpus(
      @TempDir Path dir) {
    try (App app = Fixtures.empty(dir)) {
      // What a serve killed while it loaded the corpus leaves: the lease, held for its term.
      assertThat(
              new org.aisx.store.Leases(app.db, "a killed process")
                  .on(App.SEEDING, App.SEEDING_TERM)
                  .hold())
          .isTrue();
      App.Seeding seeding = app.beginSeeding().orElseThrow();
      assertThat(seeding.corpus()).isTrue();
      assertThat(app.catalogueLoading()).isTrue();
    }
  }
}
