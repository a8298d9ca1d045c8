package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Harvest;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationReview;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.catalog.Suggestion;
import org.aisx.catalog.UseCase;
import org.junit.jupiter.api.Test;

/** What every {@link CatalogStore} must do; run against SQLite and PostgreSQL. */
abstract class CatalogStoreContract {

  abstract CatalogStore store();

  static Standard full(int revision) {
    return Standard.builder("ISO/IEC 42001:2023")
        .identifiers(List.of(new Identifier("URN", "urn:iec:std:iso-iec:42001:2023-12:::")))
        .title(
            Map.of(
                "en",
                "Information technology - Artificial intelligence - Management system",
                "fr",
                "Système de management"))
        .summary(Map.of("en", "This document specifies the requirements ..."))
        .sdo("ISO/IEC")
        .committee("ISO/IEC JTC 1/SC 42")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.IN_FORCE)
        .stage("60.60")
        .published("2023-12-18")
        .edition("1")
        .url("https://webstore.iec.ch/publication/90574")
        .kind(Kind.STANDARD)
        .keywords(List.of("AI management system"))
        .concerns(List.of("management-systems", "governance"))
        .suggestions(Map.of("concern", List.of(new Suggestion("risk-management", 0.83, "risk"))))
        .useCases(
            List.of(
                new UseCase("Certification of AI management systems", "https://example.org/uc")))
        .openSource(false)
        .relations(List.of(Relation.of(RelationType.COMPLEMENTS, "ISO/IEC 23894:2023")))
        .source("relaton-iec")
        .revision(revision)
        .build();
  }

  static HistoryEvent created(String id) {
    return new HistoryEvent(
        0,
        id,
        Instant.parse("2026-11-22T10:00:00Z"),
        HistoryEvent.Kind.CREATED,
        null,
        null,
        null,
        "test",
        "relaton-iec",
        1);
  }

  @Test
  void theBodiesAreEverySdoTheRecordsHaveOnceAsWritten() {
    assertThat(store().bodies()).isEmpty();
    store().write(full(1), 0, List.of(created("iso-iec-42001-2023")));
    Standard kats = full(1).toBuilder().identifier("KS X 42001:2023").sdo("KATS").build();
    store().write(kats, 0, List.of(created(kats.id())));
    assertThat(store().bodies()).containsExactlyInAnyOrder("ISO/IEC", "KATS");
  }

  @Test
  void theCommitteesAreEveryCommitteeTheRecordsHaveOnceAsWritten() {
    assertThat(store().committees()).isEmpty();
    Standard a = full(1).toBuilder().committee("ISO/IEC JTC 1/SC 42").build();
    store().write(a, 0, List.of(created(a.id())));
    Standard b =
        full(1).toBuilder()
            .identifier("KS X 42001:2023")
            .sdo("KATS")
            .committee("KATS TC 1")
            .build();
    store().write(b, 0, List.of(created(b.id())));
    Standard none =
        full(1).toBuilder().identifier("KS X 42002:2023").sdo("KATS").committee(null).build();
    store().write(none, 0, List.of(created(none.id())));
    Standard again =
        full(1).toBuilder()
            .identifier("ISO/IEC 42005:2025")
            .committee("ISO/IEC JTC 1/SC 42")
            .build();
    store().write(again, 0, List.of(created(again.id())));
    assertThat(store().committees()).containsExactlyInAnyOrder("ISO/IEC JTC 1/SC 42", "KATS TC 1");
  }

  @Test
  void aRecordComesBackExactlyAsWritten() {
    store().write(full(1), 0, List.of(created("iso-iec-42001-2023")));
    assertThat(store().find("iso-iec-42001-2023")).contains(full(1));
    assertThat(store().find("nothing")).isEmpty();
  }

  @Test
  void aRecordsHarvestPerFeedIsStoredWithItsWritesAndReplacedByANewerOne() {
    String id = "iso-iec-42001-2023";
    var older =
        new CatalogStore.FeedHarvest(
            id, "relaton-ieee", "relaton-ieee", new Harvest("v1.2.3", null));
    var newer =
        new CatalogStore.FeedHarvest(
            id, "relaton-ieee", "relaton-ieee-2025", new Harvest("v1.2.9", "2025-08-31"));
    var iec =
        new CatalogStore.FeedHarvest(id, "relaton-iec", "relaton-iec", new Harvest("v1.2.9", null));
    store()
        .writeAll(
            List.of(new CatalogStore.Write(full(1), 0, List.of(created(id)))),
            () -> store().noteHarvests(List.of(older, iec)));
    assertThat(store().harvests(List.of(id, "not-stored")))
        .containsOnlyKeys(id)
        .extractingByKey(id)
        .isEqualTo(Map.of("relaton-ieee", older, "relaton-iec", iec));

    store().inTransaction(() -> store().noteHarvests(List.of(newer)));
    assertThat(store().harvests(List.of(id)).get(id))
        .isEqualTo(Map.of("relaton-ieee", newer, "relaton-iec", iec));
  }

  @Test
  void aHarvestNotedInAFailedTransactionIsNotStored() {
    String id = "iso-iec-42001-2023";
    store().write(full(1), 0, List.of(created(id)));
    var noted =
        new CatalogStore.FeedHarvest(id, "relaton-iec", "relaton-iec", new Harvest("v1.2.9", null));
    assertThatThrownBy(
            () ->
                store()
                    .writeAll(
                        List.of(new CatalogStore.Write(full(2), 1, List.of())),
                        () -> {
                          store().noteHarvests(List.of(noted));
                          throw new IllegalStateException("the batch failed");
                        }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store().harvests(List.of(id))).isEmpty();
    assertThat(store().find(id).orElseThrow().revision()).isEqualTo(1);
  }

  @Test
  void writesCompareAndSetTheRevision() {
    store().write(full(1), 0, List.of(created("iso-iec-42001-2023")));
    assertThatThrownBy(() -> store().write(full(1), 0, List.of()))
        .isInstanceOf(CatalogException.Conflict.class);
    HistoryEvent change =
        new HistoryEvent(
            0,
            "iso-iec-42001-2023",
            Instant.now(),
            HistoryEvent.Kind.FIELD_CHANGED,
            "edition",
            "1",
            "2",
            "test",
            "x",
            2);
    List<HistoryEvent> stored = store().write(full(2), 1, List.of(change));
    assertThat(stored).singleElement().satisfies(e -> assertThat(e.seq()).isGreaterThan(0));
    assertThatThrownBy(() -> store().write(full(3), 1, List.of(change)))
        .isInstanceOf(CatalogException.Conflict.class)
        .hasMessageContaining("revision 2");
    assertThat(store().find("iso-iec-42001-2023").orElseThrow().revision()).isEqualTo(2);
    assertThat(store().history("iso-iec-42001-2023"))
        .extracting(HistoryEvent::kind)
        .containsExactly(HistoryEvent.Kind.CREATED, HistoryEvent.Kind.FIELD_CHANGED);
  }

  @Test
  void theEventMarkGrowsWithEveryWrite() {
    long before = store().lastEventSeq();
    store().write(full(1), 0, List.of(created("iso-iec-42001-2023")));
    assertThat(store().lastEventSeq()).isGreaterThan(before);
    assertThat(store().recentEvents(5))
        .first()
        .extracting(HistoryEvent::recordId)
        .isEqualTo("iso-iec-42001-2023");
  }

  @Test
  void incomingRelationsAreFoundByTargetAndInverted() {
    store().write(full(1), 0, List.of(created("iso-iec-42001-2023")));
    assertThat(store().incoming("iso-iec-23894-2023"))
        .containsExactly(
            new IncomingRelation(
                RelationType.COMPLEMENTS, "iso-iec-42001-2023", "ISO/IEC 42001:2023"));
  }

  @Test
  void forEachStreamsEveryRecordInIdOrder() {
    store().write(full(1), 0, List.of(created("iso-iec-42001-2023")));
    Standard other =
        Standard.builder("ISO/IEC 22989:2022")
            .title(Map.of("en", "Concepts and terminology"))
            .sdo("ISO/IEC")
            .type(PublicationType.INTERNATIONAL_STANDARD)
            .status(Status.IN_FORCE)
            .revision(1)
            .build();
    store().write(other, 0, List.of(created(other.id())));
    List<String> ids = new ArrayList<>();
    store().forEach(s -> ids.add(s.id()));
    assertThat(ids).containsExactly("iso-iec-22989-2022", "iso-iec-42001-2023");
    assertThat(store().count()).isEqualTo(2);
  }

  static Standard simple(String identifier, String sdo, Relation... relations) {
    return Standard.builder(identifier)
        .title(Map.of("en", "Title of " + identifier))
        .sdo(sdo)
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.IN_FORCE)
        .relations(List.of(relations))
        .revision(1)
        .build();
  }

  static RelationReview request(String id, Standard source, String target, String targetBody) {
    Relation r = source.relations().get(0);
    return new RelationReview(
        id,
        source.id(),
        source.identifier(),
        source.sdo(),
        r.type(),
        r.targetId(),
        target,
        targetBody,
        RelationReview.State.PENDING,
        "ieee@example.org",
        "submission:sub-1",
        Instant.parse("2026-12-01T10:00:00Z"),
        null,
        null,
        null);
  }

  @Test
  void aHeldRelationOfAnotherBodyIsLeftOutOfTheTargetsIncomingRelationsUntilApproved() {
    Standard target = simple("ISO/IEC TR 24030:2021", "ISO/IEC");
    store().write(target, 0, List.of(created(target.id())));
    Standard source =
        simple(
            "IEEE 9000-2026", "IEEE", Relation.of(RelationType.REPLACES, "ISO/IEC TR 24030:2021"));
    RelationReview held = request("rel-1", source, "ISO/IEC TR 24030:2021", "ISO/IEC");
    store().write(source, 0, List.of(created(source.id())), () -> store().hold(List.of(held)));
    assertThat(store().incoming(target.id())).isEmpty();
    assertThat(store().relationReview("rel-1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(RelationReview.State.PENDING);
              assertThat(r.sourceIdentifier()).isEqualTo("IEEE 9000-2026");
              assertThat(r.targetBody()).isEqualTo("ISO/IEC");
              assertThat(r.requestedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
            });
    assertThat(store().relationReviews(RelationReview.State.PENDING, 10))
        .extracting(RelationReview::id)
        .containsExactly("rel-1");
    assertThat(store().relationReviewsOf(target.id()))
        .extracting(RelationReview::id)
        .containsExactly("rel-1");
    assertThat(store().relationReviewsOf(source.id()))
        .extracting(RelationReview::id)
        .containsExactly("rel-1");

    long mark = store().lastEventSeq();
    Instant at = Instant.parse("2026-12-02T09:00:00Z");
    HistoryEvent event =
        new HistoryEvent(
            0,
            target.id(),
            at,
            HistoryEvent.Kind.RELATION_APPROVED,
            "replaced-by",
            null,
            "IEEE 9000-2026",
            "iso@example.org",
            "submission:sub-1",
            1);
    RelationReview approved = held.decided(true, "iso@example.org", "agreed", at);
    assertThat(store().decide(approved, event)).isTrue();
    assertThat(store().decide(approved, event)).as("decided once only").isFalse();
    assertThat(store().lastEventSeq()).isGreaterThan(mark);
    assertThat(store().incoming(target.id()))
        .containsExactly(
            new IncomingRelation(RelationType.REPLACED_BY, source.id(), "IEEE 9000-2026"));
    assertThat(store().find(target.id())).contains(target);
    assertThat(store().history(target.id()))
        .extracting(HistoryEvent::kind, HistoryEvent::revision, HistoryEvent::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(HistoryEvent.Kind.CREATED, 1, "test"),
            org.assertj.core.groups.Tuple.tuple(
                HistoryEvent.Kind.RELATION_APPROVED, 1, "iso@example.org"));
    assertThat(store().relationReview("rel-1"))
        .hasValueSatisfying(
            r -> {
              assertThat(r.state()).isEqualTo(RelationReview.State.APPROVED);
              assertThat(r.decidedBy()).isEqualTo("iso@example.org");
              assertThat(r.decidedAt()).isEqualTo(at);
              assertThat(r.comment()).isEqualTo("agreed");
            });
    // Holding it again (the source rewritten with it) leaves the approval as it is.
    store().hold(List.of(request("rel-2", source, "ISO/IEC TR 24030:2021", "ISO/IEC")));
    assertThat(store().relationReviews(null, 10))
        .extracting(RelationReview::id)
        .containsExactly("rel-1");
    assertThat(store().relationReview("rel-1").orElseThrow().state())
        .isEqualTo(RelationReview.State.APPROVED);
  }

  @Test
  void aRejectedHeldRelationIsHeldAgainWhenWrittenAgainAndOneOfTheSameBodyIsShown() {
    Standard target = simple("ISO/IEC 42001:2023", "ISO/IEC");
    store().write(target, 0, List.of(created(target.id())));
    Standard source =
        simple("IEEE 9003-2026", "IEEE", Relation.of(RelationType.AMENDS, "ISO/IEC 42001:2023"));
    RelationReview held = request("rel-1", source, "ISO/IEC 42001:2023", "ISO/IEC");
    store().write(source, 0, List.of(created(source.id())), () -> store().hold(List.of(held)));
    Instant at = Instant.parse("2026-12-02T09:00:00Z");
    HistoryEvent event =
        new HistoryEvent(
            0,
            target.id(),
            at,
            HistoryEvent.Kind.RELATION_REJECTED,
            "amended-by",
            null,
            "IEEE 9003-2026",
            "coord@example.org",
            "submission:sub-1",
            1);
    assertThat(store().decide(held.decided(false, "coord@example.org", null, at), event)).isTrue();
    assertThat(store().incoming(target.id())).isEmpty();
    store().hold(List.of(request("rel-2", source, "ISO/IEC 42001:2023", "ISO/IEC")));
    assertThat(store().relationReview("rel-1").orElseThrow())
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(RelationReview.State.PENDING);
              assertThat(r.decidedBy()).isNull();
            });
    assertThat(store().incoming(target.id())).isEmpty();

    // Held while its target was elsewhere, then the target is of the holder's body: shown.
    Standard ieeeTarget = simple("IEEE 8999-2020", "IEEE");
    Standard ieeeSource =
        simple("IEEE 8999-2026", "IEEE", Relation.of(RelationType.REPLACES, "IEEE 8999-2020"));
    store()
        .write(
            ieeeSource,
            0,
            List.of(created(ieeeSource.id())),
            () -> store().hold(List.of(request("rel-3", ieeeSource, "IEEE 8999-2020", null))));
    store().write(ieeeTarget, 0, List.of(created(ieeeTarget.id())));
    assertThat(store().incoming(ieeeTarget.id()))
        .containsExactly(
            new IncomingRelation(RelationType.REPLACED_BY, ieeeSource.id(), "IEEE 8999-2026"));
  }

  @Test
  void aPendingHeldRelationIsWithdrawnWhenItsRecordDropsItAndHeldAgainWhenItComesBack() {
    Standard target = simple("ISO/IEC 23894:2023", "ISO/IEC");
    store().write(target, 0, List.of(created(target.id())));
    Standard source =
        simple("IEEE 99911-2026", "IEEE", Relation.of(RelationType.REPLACES, "ISO/IEC 23894:2023"));
    RelationReview held = request("rel-1", source, "ISO/IEC 23894:2023", "ISO/IEC");
    store().write(source, 0, List.of(created(source.id())), () -> store().hold(List.of(held)));
    // An unrelated relation of another record is left alone.
    Standard other =
        simple("IEEE 99912-2026", "IEEE", Relation.of(RelationType.AMENDS, "ISO/IEC 23894:2023"));
    store()
        .write(
            other,
            0,
            List.of(created(other.id())),
            () -> store().hold(List.of(request("rel-2", other, "ISO/IEC 23894:2023", "ISO/IEC"))));

    Standard dropped = source.toBuilder().relations(List.of()).revision(2).build();
    store().write(dropped, 1, List.of());
    assertThat(store().relationReview("rel-1").orElseThrow())
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(RelationReview.State.WITHDRAWN);
              assertThat(r.decidedAt()).isNotNull();
              assertThat(r.decidedBy()).isNull();
            });
    assertThat(store().relationReview("rel-2").orElseThrow().state())
        .isEqualTo(RelationReview.State.PENDING);
    // Nothing is left to decide: a decision finds it no longer pending and writes nothing.
    long mark = store().lastEventSeq();
    HistoryEvent event =
        new HistoryEvent(
            0,
            target.id(),
            Instant.parse("2026-12-02T09:00:00Z"),
            HistoryEvent.Kind.RELATION_APPROVED,
            "replaced-by",
            null,
            "IEEE 99911-2026",
            "iso@example.org",
            "submission:sub-1",
            1);
    assertThat(store().decide(held.decided(true, "iso@example.org", null, Instant.now()), event))
        .isFalse();
    assertThat(store().lastEventSeq()).isEqualTo(mark);

    // Claimed again (an import batch writes it back): pending again, a new request.
    Standard back = source.toBuilder().revision(3).build();
    store()
        .writeAll(
            List.of(new CatalogStore.Write(back, 2, List.of())),
            () -> store().hold(List.of(request("rel-3", back, "ISO/IEC 23894:2023", "ISO/IEC"))));
    assertThat(store().relationReview("rel-1").orElseThrow().state())
        .isEqualTo(RelationReview.State.PENDING);
    // And dropped by an import batch: withdrawn again.
    store()
        .writeAll(
            List.of(
                new CatalogStore.Write(
                    back.toBuilder().relations(List.of()).revision(4).build(), 3, List.of())));
    assertThat(store().relationReview("rel-1").orElseThrow().state())
        .isEqualTo(RelationReview.State.WITHDRAWN);
  }
}
