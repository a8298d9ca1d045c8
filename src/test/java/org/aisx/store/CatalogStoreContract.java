package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
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
  void aRecordComesBackExactlyAsWritten() {
    store().write(full(1), 0, List.of(created("iso-iec-42001-2023")));
    assertThat(store().find("iso-iec-42001-2023")).contains(full(1));
    assertThat(store().find("nothing")).isEmpty();
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
}
