package org.aisx.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.taxonomy.Concept;
import org.aisx.taxonomy.Dimension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the suggester proposes for described systems, on the classified starter catalogue. */
class SuiteSuggesterTest {
  @TempDir static Path dir;
  static App app;

  @BeforeAll
  static void open() {
    app = Fixtures.classifiedStarter(dir);
  }

  @AfterAll
  static void close() {
    app.close();
  }

  static SuiteSuggester.Proposal suggest(String text) {
    return app.suiteSuggester().suggest(new SuiteSuggester.Ask(text, List.of(), List.of()));
  }

  @Test
  void everyConcernOfTheTaxonomyIsAGroupTheSuggesterCanPropose() {
    for (Concept c : app.taxonomy().current().dimension(Dimension.CONCERN).concepts().values()) {
      assertThat(ConcernGroup.fromId(c.id())).as(c.id()).isPresent();
    }
  }

  @Test
  void aLaneKeepingAssistGetsAutomotiveAiSafetyWorkWithoutANamedSector() {
    SuiteSuggester.Proposal p =
        suggest("lane keeping assist for passenger cars using camera-based perception");

    assertThat(p.understood()).isTrue();
    assertThat(p.sectors()).contains("transport-mobility");
    assertThat(p.concerns()).contains("safety");
    assertThat(p.picks().stream().map(pick -> pick.record().id()))
        .anyMatch(id -> id.startsWith("iso-pas-8800"));
    // Every concern that applies is either covered by a pick or reported as a gap, not both.
    for (String c : p.concerns()) {
      boolean covered =
          p.picks().stream()
              .anyMatch(pick -> pick.group().equals(c) || pick.concepts().contains(c));
      assertThat(covered).as(c).isNotEqualTo(p.gaps().contains(c));
    }
  }

  @Test
  void nonsenseOrStopWordsAloneAreNotUnderstoodAndGetNoMembers() {
    for (String text : List.of("qwzx blorp fnarg", "the and for with")) {
      SuiteSuggester.Proposal p = suggest(text);
      assertThat(p.understood()).as(text).isFalse();
      assertThat(p.picks()).as(text).isEmpty();
      assertThat(p.gaps()).as(text).isEmpty();
    }
  }

  /**
   * "banking" is a label of the finance sector that no record's text has, and finds nothing by
   * meaning above the floor: it was "not understood" although the taxonomy names it.
   */
  @Test
  void aDescriptionNamingOnlyASectorIsUnderstoodAsThatSector() {
    for (String text : List.of("banking", "AI for banking")) {
      SuiteSuggester.Proposal p = suggest(text);
      assertThat(p.understood()).as(text).isTrue();
      assertThat(p.sectors()).as(text).contains("finance");
    }
  }

  /**
   * A description that names its sector is for that sector alone: "AI in finance" was also given
   * telecommunications, the sector of the ITU-T records nearest to it in meaning.
   */
  @Test
  void aNamedSectorIsTheDescriptionsSectorNotAlsoThoseOfItsNearestRecords() {
    assertThat(suggest("AI in finance").sectors()).containsExactly("finance");
  }

  @Test
  void aBankChatbotWithoutANamedSectorGetsNoOtherSectorsWork() {
    SuiteSuggester.Proposal p =
        suggest("a chatbot that answers customers' questions about their bank accounts");

    assertThat(p.picks()).hasSizeGreaterThan(10);
    assertThat(p.sectors()).containsExactly("finance");
    for (SuiteSuggester.Pick pick : p.picks()) {
      assertThat(
              pick.concepts().stream().filter(c -> app.taxonomy().contains(Dimension.VERTICAL, c)))
          .as("%s in %s", pick.record().identifier(), pick.group())
          .allMatch(v -> v.equals("finance") || v.equals("cross-sector"));
    }
  }

  @Test
  void aDescriptionThatNamesNoSectorGetsNoSectorSpecificWork() {
    SuiteSuggester.Proposal p = suggest("a chatbot that answers questions about a product manual");

    assertThat(p.understood()).isTrue();
    assertThat(p.groups()).noneMatch(g -> g.id().equals(ConcernGroup.SECTOR.id()));
  }

  @Test
  void theWordsAPickMatchesAreNeverStopWords() {
    SuiteSuggester.Proposal p =
        suggest("How should we test what our chatbot tells them, and the data they use for it?");

    assertThat(p.picks()).isNotEmpty();
    List<String> stop =
        List.of("how", "should", "what", "our", "them", "and", "the", "they", "use", "for");
    for (SuiteSuggester.Pick pick : p.picks()) {
      assertThat(pick.words()).as(pick.record().identifier()).doesNotContainAnyElementsOf(stop);
    }
  }
}
