package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change log on the real PostgreSQL: a transaction that took a lower sequence number but
 * commits after one with a higher number is still read, once, by a node following by horizon.
 */
class PostgresChangeLogTest {
  String schema;
  String url;
  Database db;
  ChangeLog log;

  @BeforeEach
  void open() throws SQLException {
    schema = "aisx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    url = PostgresStoreTest.URL + "&currentSchema=" + schema;
    db = Database.open(StoreConfig.fromUrl(url));
    log = new ChangeLog(db);
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
    try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  static void event(Connection c, String recordId) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO history_event (record_id, at, kind, revision)"
                + " VALUES (?, '2026-12-04T00:00:00Z', 'created', 1)")) {
      insert.setString(1, recordId);
      insert.executeUpdate();
    }
  }

  /** Reads from {@code position[0]} to the horizon now and moves the position there. */
  List<String> follow(long[] position) {
    long to = log.horizon();
    List<String> read = new ArrayList<>(log.between(position[0], to).written());
    position[0] = Math.max(position[0], to);
    return read;
  }

  @Test
  void aLowerSequenceNumberCommittedLateIsNotSkipped() throws SQLException {
    long[] position = {log.horizon()};
    try (Connection slow = DriverManager.getConnection(url);
        Connection fast = DriverManager.getConnection(url)) {
      slow.setAutoCommit(false);
      event(slow, "slow"); // takes the lower sequence number, commits last
      fast.setAutoCommit(false);
      event(fast, "fast");
      fast.commit();
      List<String> seen = new ArrayList<>(follow(position));
      // "fast" is committed, but a transaction older than it still runs: not read yet, so the
      // position cannot move past "slow".
      assertThat(seen).isEmpty();
      slow.commit();
      // The horizon is the oldest transaction still running anywhere on the server: another
      // client's (a test running beside this one, another node) holds it back for a while, so
      // follow until both are read, as a node does, and then each once.
      followUntil(position, seen, 2);
      assertThat(seen).containsExactlyInAnyOrder("slow", "fast");
    }
    List<String> fromStart = new ArrayList<>();
    followUntil(new long[] {0}, fromStart, 2);
    assertThat(fromStart).containsExactly("slow", "fast");
  }

  /**
   * Follows from {@code position} into {@code seen} until it holds {@code count} (a minute at
   * most).
   */
  void followUntil(long[] position, List<String> seen, int count) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    seen.addAll(follow(position));
    while (seen.size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      seen.addAll(follow(position));
    }
  }

  @Test
  void derivedChangesAreNotedOnlyInTheirTransaction() throws SQLException {
    long[] position = {log.horizon()};
    db.jdbi().useTransaction(h -> log.noteDerived(h, List.of("a", "b", "a")));
    try {
      db.jdbi()
          .useTransaction(
              h -> {
                log.noteDerived(h, List.of("rolled-back"));
                throw new SQLException("roll back");
              });
    } catch (SQLException expected) {
      // the note went with the transaction
    }
    // The horizon is the oldest transaction still running on the server: another client's (the
    // other test JVM, another node) may hold it back for a moment, so read until the note is.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    ChangeLog.Changes changes = log.between(position[0], log.horizon());
    while (changes.derived().isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      changes = log.between(position[0], log.horizon());
    }
    assertThat(changes.derived()).containsExactly("a", "b");
    assertThat(changes.written()).isEmpty();
  }
}
