package org.aisx.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aisx.store.Database;
import org.aisx.store.SqlGlossaryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the glossary's mapping store guarantees, on SQLite and on a real PostgreSQL. */
abstract class GlossaryStoreContract {
  Database db;
  GlossaryStore store;
  static final Instant T1 = Instant.parse("2026-12-04T09:00:00Z");
  static final Instant T2 = Instant.parse("2026-12-04T09:05:00Z");

  abstract Database open() throws Exception;

  abstract void dispose() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    db = open();
    store = new SqlGlossaryStore(db);
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    dispose();
  }

  private static Suggested s(String from, String to, MappingType type, double score) {
    return new Suggested(from, to, type, score, "evidence " + score);
  }

  @Test
  void offeredSuggestionsAreStoredPendingOnceAndPendingOnesTakeNewFigures() {
    assertThat(
            store.offer(
                List.of(
                    s("ai-system", "ai-system-eu-ai-act", MappingType.NARROW, 0.95),
                    s("model", "foundation-model", MappingType.NARROW, 0.6))))
        .isEqualTo(2);
    assertThat(store.offer(List.of(s("model", "foundation-model", MappingType.NARROW, 0.7))))
        .isZero();
    List<Mapping> all = store.all();
    assertThat(all).hasSize(2).allMatch(m -> m.state() == MappingState.PENDING);
    Mapping m = all.stream().filter(x -> x.from().equals("model")).findFirst().orElseThrow();
    assertThat(m.score()).isEqualTo(0.7);
    assertThat(m.evidence()).isEqualTo("evidence 0.7");
    assertThat(m.actor()).isNull();
  }

  @Test
  void decisionsChangeTheStateOnceWithHistoryAndAreNotUndoneByANewOffer() {
    store.offer(
        List.of(
            s("a", "b", MappingType.EXACT, 0.9),
            s("a", "c", MappingType.CLOSE, 0.8),
            s("d", "e", MappingType.RELATED, 0.7)));
    int changed =
        store.decide(
            List.of(
                new MappingDecision("a", "b", MappingType.EXACT, true),
                new MappingDecision("a", "c", MappingType.CLOSE, false),
                new MappingDecision("x", "y", MappingType.EXACT, true)),
            "coord@example.org",
            T1);
    assertThat(changed).isEqualTo(2);
    assertThat(
            store.decide(
                List.of(new MappingDecision("a", "b", MappingType.EXACT, true)),
                "other@example.org",
                T2))
        .as("deciding the same again changes nothing")
        .isZero();
    store.offer(List.of(s("a", "c", MappingType.CLOSE, 0.99)));
    Mapping rejected =
        store.all().stream().filter(m -> m.to().equals("c")).findFirst().orElseThrow();
    assertThat(rejected.state()).isEqualTo(MappingState.REJECTED);
    assertThat(rejected.score()).isEqualTo(0.8);
    assertThat(rejected.actor()).isEqualTo("coord@example.org");
    assertThat(rejected.decidedAt()).isEqualTo(T1);

    List<MappingEvent> history = store.history("a", 10);
    assertThat(history).hasSize(2);
    assertThat(history.get(0).seq()).isGreaterThan(history.get(1).seq());
    assertThat(history)
        .extracting(MappingEvent::to, MappingEvent::decision, MappingEvent::actor)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("b", MappingState.CONFIRMED, "coord@example.org"),
            org.assertj.core.groups.Tuple.tuple("c", MappingState.REJECTED, "coord@example.org"));
    assertThat(store.history("d", 10)).isEmpty();
    assertThat(store.history(null, 1)).hasSize(1);
  }

  @Test
  void aConfirmationAsAnotherRelationChangesTheRelationAndSaysSo() {
    store.offer(List.of(s("gpai", "fm", MappingType.RELATED, 0.716)));
    int changed =
        store.decide(
            List.of(
                new MappingDecision("gpai", "fm", MappingType.RELATED, true, MappingType.CLOSE)),
            "coord@example.org",
            T1);
    assertThat(changed).isEqualTo(1);
    Mapping m = store.all().get(0);
    assertThat(m.type()).isEqualTo(MappingType.CLOSE);
    assertThat(m.state()).isEqualTo(MappingState.CONFIRMED);
    assertThat(m.score()).isEqualTo(0.716);
    assertThat(m.evidence()).endsWith("confirmed as closeMatch, suggested relatedMatch");
    assertThat(store.history("fm", 5).get(0).type()).isEqualTo(MappingType.CLOSE);
  }

  @Test
  void theVersionGrowsWithEveryNewMappingAndEveryDecisionButNotWithARepeatedOffer() {
    long empty = store.version();
    store.offer(List.of(s("a", "b", MappingType.EXACT, 0.9), s("a", "c", MappingType.CLOSE, 0.8)));
    long offered = store.version();
    assertThat(offered).isGreaterThan(empty);
    store.offer(List.of(s("a", "b", MappingType.EXACT, 0.9)));
    assertThat(store.version()).isEqualTo(offered);
    store.decide(List.of(new MappingDecision("a", "b", MappingType.EXACT, true)), "c@x.org", T1);
    long decided = store.version();
    assertThat(decided).isGreaterThan(offered);
    store.decide(
        List.of(new MappingDecision("a", "c", MappingType.CLOSE, true, MappingType.EXACT)),
        "c@x.org",
        T2);
    assertThat(store.version()).as("confirmed as another relation").isGreaterThan(decided);
  }

  @Test
  void aGlossaryOverTheStoreSeesWhatAnotherGlossaryOverItDecidedOnceItRefreshes() {
    Bundle bundle =
        new Bundle(
            "2026-12-04",
            "test",
            List.of(
                new Vocabulary("v1", "V1", "https://v1.example", "n", "CC-BY-4.0", null, null),
                new Vocabulary("v2", "V2", "https://v2.example", "n", "CC-BY-4.0", null, null)),
            List.of(
                new Term("a", "v1", "https://v1.example/a", Map.of("en", "AI system"), List.of()),
                new Term("b", "v2", "https://v2.example/b", Map.of("en", "AI systems"), List.of())),
            List.of(s("a", "b", MappingType.EXACT, 0.9)));
    java.time.Clock clock = java.time.Clock.fixed(T1, java.time.ZoneOffset.UTC);
    Glossary here = new Glossary(bundle, store, clock);
    Glossary there = new Glossary(bundle, new SqlGlossaryStore(db), clock);
    assertThat(there.refresh()).as("nothing changed since it read").isFalse();
    here.decide(List.of(new MappingDecision("a", "b", MappingType.EXACT, true)), "c@x.org");
    assertThat(here.links("a")).singleElement().matches(Glossary.Link::confirmed);
    assertThat(there.links("a")).singleElement().matches(l -> !l.confirmed());
    assertThat(there.refresh()).isTrue();
    assertThat(there.links("a")).singleElement().matches(Glossary.Link::confirmed);
    assertThat(there.refresh()).isFalse();
  }
}
