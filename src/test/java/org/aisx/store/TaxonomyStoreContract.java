package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Json;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.LiveTaxonomy;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.taxonomy.TaxonomyChange;
import org.aisx.taxonomy.TaxonomyEdit;
import org.aisx.taxonomy.TaxonomyException;
import org.aisx.taxonomy.TaxonomyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the taxonomy's versions must do on every database the store runs on. */
abstract class TaxonomyStoreContract {
  static final Taxonomy BUNDLED = Taxonomy.bundled(Json.mapper());
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC);

  TaxonomyStore store;

  /** Opens a fresh, empty store for one test. */
  abstract TaxonomyStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  static TaxonomyChange.Add addAquaculture() {
    return new TaxonomyChange.Add(
        Dimension.VERTICAL,
        "aquaculture",
        "agriculture-food",
        Map.of("en", "Aquaculture", "fr", "Aquaculture"),
        Map.of("en", "Standards for AI used in fish and shellfish farming."));
  }

  @Test
  void aNewStoreHasNoEditsAndTheTaxonomyIsTheBundledOne() {
    assertThat(store.since(0)).isEmpty();
    LiveTaxonomy live = new LiveTaxonomy(BUNDLED, store, CLOCK);
    assertThat(live.current().version()).isZero();
    assertThat(live.history()).isEmpty();
  }

  @Test
  void editsComeBackInOrderWithEveryPartOfTheirChange() {
    assertThat(store.append(new TaxonomyEdit(1, CLOCK.instant(), "c@x.org", addAquaculture())))
        .isTrue();
    assertThat(
            store.append(
                new TaxonomyEdit(
                    2,
                    CLOCK.instant().plusSeconds(60),
                    "d@x.org",
                    new TaxonomyChange.Move(Dimension.VERTICAL, "aquaculture", null))))
        .isTrue();
    List<TaxonomyEdit> all = store.since(0);
    assertThat(all).extracting(TaxonomyEdit::version).containsExactly(1, 2);
    assertThat(all.get(0).change()).isEqualTo(addAquaculture());
    assertThat(all.get(0).actor()).isEqualTo("c@x.org");
    assertThat(all.get(1).change())
        .isEqualTo(new TaxonomyChange.Move(Dimension.VERTICAL, "aquaculture", null));
    assertThat(all.get(1).at()).isEqualTo(CLOCK.instant().plusSeconds(60));
    assertThat(store.since(1)).extracting(TaxonomyEdit::version).containsExactly(2);
  }

  @Test
  void aVersionIsStoredOnceAndASecondWriterOfItIsTurnedAway() {
    assertThat(store.append(new TaxonomyEdit(1, CLOCK.instant(), "c@x.org", addAquaculture())))
        .isTrue();
    assertThat(
            store.append(
                new TaxonomyEdit(
                    1,
                    CLOCK.instant(),
                    "d@x.org",
                    new TaxonomyChange.Retire(Dimension.VERTICAL, "health"))))
        .isFalse();
    assertThat(store.since(0)).singleElement().extracting(TaxonomyEdit::actor).isEqualTo("c@x.org");
  }

  @Test
  void everyKindOfEditIsKeptAndTheTaxonomyIsRebuiltFromTheStoreWithEveryVersion() {
    LiveTaxonomy live = new LiveTaxonomy(BUNDLED, store, CLOCK);
    live.apply(addAquaculture(), "c@x.org", 0);
    live.apply(
        new TaxonomyChange.Rename(Dimension.VERTICAL, "aquaculture", Map.of("es", "Acuicultura")),
        "c@x.org",
        1);
    live.apply(new TaxonomyChange.Move(Dimension.VERTICAL, "aquaculture", null), "c@x.org", 2);
    live.apply(
        new TaxonomyChange.Define(
            Dimension.VERTICAL, "aquaculture", Map.of("en", "AI in fish farming.")),
        "c@x.org",
        3);
    live.apply(new TaxonomyChange.Retire(Dimension.VERTICAL, "aquaculture"), "c@x.org", 4);

    LiveTaxonomy reopened = new LiveTaxonomy(BUNDLED, store, CLOCK);
    Taxonomy now = reopened.current();
    assertThat(now.version()).isEqualTo(5);
    var c = now.concept(Dimension.VERTICAL, "aquaculture").orElseThrow();
    assertThat(c.retired()).isTrue();
    assertThat(c.parent()).isNull();
    assertThat(c.labels()).containsEntry("es", "Acuicultura").containsEntry("en", "Aquaculture");
    assertThat(c.definition("en")).isEqualTo("AI in fish farming.");
    // Earlier versions as they were.
    assertThat(reopened.at(0).contains(Dimension.VERTICAL, "aquaculture")).isFalse();
    assertThat(reopened.at(1).concept(Dimension.VERTICAL, "aquaculture").orElseThrow().parent())
        .isEqualTo("agriculture-food");
    assertThat(reopened.at(4).offered(Dimension.VERTICAL, "aquaculture")).isTrue();
    assertThat(reopened.history())
        .extracting(v -> v.edit().change().kind().wire())
        .containsExactly("retire", "define", "move", "rename", "add");
    assertThat(reopened.history().get(3).differences())
        .containsExactly(new Taxonomy.Difference("labels.es", null, "Acuicultura"));
    assertThatThrownBy(() -> reopened.at(6)).isInstanceOf(TaxonomyException.Unknown.class);
  }

  @Test
  void anEditBasedOnAVersionAnotherProcessMovedPastIsRefused() {
    LiveTaxonomy one = new LiveTaxonomy(BUNDLED, store, CLOCK);
    LiveTaxonomy two = new LiveTaxonomy(BUNDLED, store, CLOCK);
    one.apply(addAquaculture(), "c@x.org", 0);
    // The second process still shows version 0; an edit based on it is refused ...
    TaxonomyChange rename =
        new TaxonomyChange.Rename(Dimension.VERTICAL, "health", Map.of("en", "Health care"));
    assertThatThrownBy(() -> two.apply(rename, "d@x.org", 0))
        .isInstanceOf(TaxonomyException.Stale.class);
    // ... and it has caught up meanwhile, so the edit made again lands on top of the other one.
    assertThat(two.current().contains(Dimension.VERTICAL, "aquaculture")).isTrue();
    assertThat(two.apply(rename, "d@x.org", 1).edit().version()).isEqualTo(2);
    assertThat(store.since(0)).hasSize(2);
  }
}
