package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.search.SearchRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue over the real embedded store and the real index. */
class CatalogTest {
  @TempDir Path dir;
  App app;
  Catalog catalog;

  @BeforeEach
  void open() {
    app = Fixtures.empty(dir);
    catalog = app.catalog();
  }

  @AfterEach
  void close() {
    app.close();
  }

  private static Standard rfc9110() {
    return Standard.builder("RFC 9110")
        .title(Map.of("en", "HTTP Semantics"))
        .sdo("IETF")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.IN_FORCE)
        .published("2022-06")
        .relations(List.of(Relation.of(RelationType.REPLACES, "RFC 7231")))
        .build();
  }

  @Test
  void firstWriteCreatesRevisionOneWithACreatedEvent() {
    WriteOutcome outcome = catalog.save(rfc9110(), "alice", "test", null);

    assertThat(outcome.change()).isEqualTo(WriteOutcome.Change.CREATED);
    assertThat(catalog.get("rfc-9110").revision()).isEqualTo(1);
    assertThat(catalog.history("rfc-9110"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.CREATED);
              assertThat(e.actor()).isEqualTo("alice");
              assertThat(e.source()).isEqualTo("test");
            });
  }

  @Test
  void aChangedFieldWritesOneEventWithOldAndNewValue() {
    catalog.save(rfc9110(), "import", "rfc-index", null);
    Standard changed =
        rfc9110().toBuilder().status(Status.SUPERSEDED).published("2022-06-06").build();

    WriteOutcome outcome = catalog.save(changed, "import", "rfc-index", null);

    assertThat(outcome.change()).isEqualTo(WriteOutcome.Change.UPDATED);
    assertThat(outcome.record().revision()).isEqualTo(2);
    List<HistoryEvent> history = catalog.history("rfc-9110");
    assertThat(history).hasSize(3);
    assertThat(history.subList(1, 3))
        .extracting(
            HistoryEvent::kind, HistoryEvent::field, HistoryEvent::oldValue, HistoryEvent::newValue)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                HistoryEvent.Kind.STATUS_CHANGED, "status", "in-force", "superseded"),
            org.assertj.core.groups.Tuple.tuple(
                HistoryEvent.Kind.FIELD_CHANGED, "published", "2022-06", "2022-06-06"));
  }

  @Test
  void savingTheSameRecordAgainChangesNothing() {
    catalog.save(rfc9110(), "import", "rfc-index", null);
    long mark = app.index().committedMark();

    WriteOutcome outcome = catalog.save(rfc9110(), "import", "rfc-index", null);

    assertThat(outcome.change()).isEqualTo(WriteOutcome.Change.UNCHANGED);
    assertThat(catalog.history("rfc-9110")).hasSize(1);
    assertThat(app.index().committedMark()).isEqualTo(mark);
  }

  @Test
  void aChangeBasedOnAStaleRevisionIsRefusedAndNothingIsWritten() {
    catalog.save(rfc9110(), "a", "test", null);
    catalog.save(rfc9110().toBuilder().edition("2").build(), "a", "test", 1);

    assertThatThrownBy(
            () -> catalog.save(rfc9110().toBuilder().edition("3").build(), "b", "test", 1))
        .isInstanceOf(CatalogException.Conflict.class)
        .hasMessageContaining("revision 2");
    assertThat(catalog.get("rfc-9110").edition()).isEqualTo("2");
    assertThat(catalog.history("rfc-9110")).hasSize(2);
  }

  @Test
  void aWriteIsSearchableAtOnce() {
    catalog.save(rfc9110(), "a", "test", null);

    assertThat(app.index().search(SearchRequest.all().withQuery("HTTP semantics")).items())
        .extracting(org.aisx.search.Hit::id)
        .containsExactly("rfc-9110");
  }

  @Test
  void relationsShowTheirInverseOnTheTarget() {
    catalog.save(rfc9110(), "a", "test", null);
    catalog.save(
        Standard.builder("RFC 7231")
            .title(Map.of("en", "Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content"))
            .sdo("IETF")
            .type(PublicationType.TECHNICAL_SPECIFICATION)
            .status(Status.SUPERSEDED)
            .build(),
        "a",
        "test",
        null);

    assertThat(catalog.incoming("rfc-7231"))
        .containsExactly(new IncomingRelation(RelationType.REPLACED_BY, "rfc-9110", "RFC 9110"));
  }

  @Test
  void anIndexLeftBehindByACrashIsRebuiltOnOpen() {
    catalog.stage(rfc9110(), "a", "test", null); // stored, never published to the index
    app.close();

    app = Fixtures.empty(dir);

    assertThat(app.index().search(SearchRequest.all()).total()).isEqualTo(1);
    assertThat(app.index().committedMark()).isEqualTo(1);
  }
}
