package org.aisx.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.account.Role;
import org.aisx.account.User;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.CatalogIndex;
import org.aisx.catalog.Json;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.search.SuggestionSource;
import org.aisx.store.Database;
import org.aisx.store.SqlCatalogStore;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the suite store and the suites feature guarantee, on SQLite and on PostgreSQL alike. */
abstract class SuiteStoreContract {
  Database db;
  Catalog catalog;
  Suites suites;
  final ObjectMapper json = Json.mapper();
  final User owner = new User("u1", "owner@example.org", Role.CONTRIBUTOR, Set.of(), Instant.EPOCH);
  final User coordinator =
      new User("c1", "coord@example.org", Role.COORDINATOR, Set.of(), Instant.EPOCH);

  abstract Database open() throws Exception;

  abstract void dispose() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    db = open();
    CatalogIndex noIndex =
        new CatalogIndex() {
          @Override
          public void upsert(Standard s) {}

          @Override
          public void publish(long seq) {}
        };
    catalog = new Catalog(new SqlCatalogStore(db, json), noIndex, json, Clock.systemUTC());
    suites =
        Suites.overSql(
            db, catalog, SuggestionSource.NONE, Taxonomy.bundled(json), json, Clock.systemUTC());
    save(record("ISO/IEC 42001:2023", Status.IN_FORCE, List.of("management-systems")));
    save(record("ISO/IEC 23894:2023", Status.IN_FORCE, List.of("risk-management")));
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    dispose();
  }

  static Standard record(String identifier, Status status, List<String> concerns) {
    return Standard.builder(identifier)
        .title(Map.of("en", "Title of " + identifier))
        .sdo("ISO/IEC")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(status)
        .concerns(concerns)
        .build();
  }

  void save(Standard s) {
    catalog.save(s, "test", "test", null);
  }

  Content content(String title, String... ids) {
    return new Content(
        title,
        "for a test",
        List.of(),
        List.of(),
        java.util.Arrays.stream(ids).map(id -> suites.memberFor(id, null, null)).toList(),
        null);
  }

  @Test
  void anAnonymousSuiteKeepsOnlyTheHashOfItsEditKey() {
    Suites.Created c = suites.create(content("Chatbot", "iso-iec-42001-2023"), null);
    assertThat(c.editKey()).hasSizeGreaterThan(20);
    Suite stored = suites.get(c.suite().id());
    assertThat(stored.keyHash()).isNotEqualTo(c.editKey()).hasSize(64);
    assertThat(suites.mayEdit(stored, null, c.editKey())).isTrue();
    assertThat(suites.mayEdit(stored, null, c.editKey() + "x")).isFalse();
    assertThat(suites.mayEdit(stored, owner, null)).isFalse();
    assertThat(stored.content().members())
        .extracting(Member::id)
        .containsExactly("iso-iec-42001-2023");
  }

  @Test
  void anOwnedSuiteHasNoKeyAndIsListedForItsOwner() {
    Suites.Created c = suites.create(content("Mine", "iso-iec-23894-2023"), owner);
    assertThat(c.editKey()).isNull();
    assertThat(suites.mayEdit(c.suite(), owner, null)).isTrue();
    assertThat(suites.ownedBy(owner)).extracting(Suite::id).containsExactly(c.suite().id());
  }

  @Test
  void aChangeBasedOnAnOldVersionIsRefused() {
    Suite s = suites.create(content("A", "iso-iec-42001-2023"), owner).suite();
    Suite saved = suites.save(s.id(), content("B"), 1);
    assertThat(saved.version()).isEqualTo(2);
    assertThat(suites.get(s.id()).content().title()).isEqualTo("B");
    assertThatThrownBy(() -> suites.save(s.id(), content("C"), 1)).isInstanceOf(Suites.Stale.class);
    assertThat(suites.get(s.id()).content().title()).isEqualTo("B");
  }

  @Test
  void publishingListsTheSuiteAndKeepsEachVersion() {
    Suite s = suites.create(content("Curated", "iso-iec-42001-2023"), owner).suite();
    assertThat(suites.published()).isEmpty();
    suites.publish(s.id(), coordinator);
    Suite changed =
        suites.save(s.id(), content("Curated", "iso-iec-42001-2023", "iso-iec-23894-2023"), 2);
    suites.publish(s.id(), coordinator);
    assertThat(suites.published()).extracting(Suite::id).containsExactly(s.id());
    List<Publication> history = suites.history(s.id());
    assertThat(history).extracting(Publication::version).containsExactly(2, 1);
    assertThat(history.get(0).content().members()).hasSize(2);
    assertThat(history.get(1).content().members()).hasSize(1);
    assertThat(history.get(0).publishedBy()).isEqualTo("coord@example.org");
    assertThat(suites.get(s.id()).version()).isEqualTo(changed.version() + 1);
  }

  @Test
  void deletingRemovesTheSuiteAndItsHistory() {
    Suite s = suites.create(content("Gone", "iso-iec-42001-2023"), owner).suite();
    suites.publish(s.id(), coordinator);
    suites.delete(s.id());
    assertThat(suites.find(s.id())).isEmpty();
    assertThatThrownBy(() -> suites.delete(s.id())).isInstanceOf(CatalogException.NotFound.class);
  }

  @Test
  void aSupersededMemberRaisesAnAlertNamingItsSuccessor() {
    Suite s = suites.create(content("Watch", "iso-iec-42001-2023"), owner).suite();
    assertThat(suites.report(s).alerts()).isEmpty();
    save(record("ISO/IEC 42001:2027", Status.IN_FORCE, List.of("management-systems")));
    save(
        catalog.get("iso-iec-42001-2023").toBuilder()
            .status(Status.SUPERSEDED)
            .relations(List.of(Relation.of(RelationType.REPLACED_BY, "ISO/IEC 42001:2027")))
            .build());
    Report r = suites.report(suites.get(s.id()));
    assertThat(r.alerts()).hasSize(1);
    Report.Alert a = r.alerts().get(0);
    assertThat(a.kind()).isEqualTo("superseded");
    assertThat(a.successor().identifier()).isEqualTo("ISO/IEC 42001:2027");
    Content swapped = suites.swap(s.content(), a.memberId(), a.successor().id(), "Replaces it");
    assertThat(swapped.members()).extracting(Member::id).containsExactly("iso-iec-42001-2027");
  }

  @Test
  void aMemberThatANewRecordReplacesRaisesAnAlertThoughItsStatusStillSaysInForce() {
    Suite s = suites.create(content("Replaced", "iso-iec-23894-2023"), owner).suite();
    assertThat(suites.report(s).alerts()).isEmpty();
    // The new edition says it replaces the member; the member's own record is left as it was.
    save(
        record("ISO/IEC 23894:2027", Status.IN_FORCE, List.of("risk-management")).toBuilder()
            .relations(List.of(Relation.of(RelationType.REPLACES, "ISO/IEC 23894:2023")))
            .build());
    assertThat(catalog.get("iso-iec-23894-2023").status()).isEqualTo(Status.IN_FORCE);
    Report r = suites.report(suites.get(s.id()));
    assertThat(r.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo("superseded");
              assertThat(a.memberId()).isEqualTo("iso-iec-23894-2023");
              assertThat(a.successor().identifier()).isEqualTo("ISO/IEC 23894:2027");
            });
  }

  @Test
  void coverageNamesTheMembersOfEachConcernAndTheGaps() {
    Suite s = suites.create(content("Cover", "iso-iec-42001-2023"), owner).suite();
    Report r = suites.report(s);
    assertThat(r.concerns())
        .filteredOn(c -> c.concept().equals("management-systems"))
        .singleElement()
        .extracting(Report.Coverage::members)
        .isEqualTo(List.of("iso-iec-42001-2023"));
    assertThat(r.gaps())
        .contains("risk-management", "privacy")
        .doesNotContain("management-systems");
  }

  @Test
  void aCuratedMemberMissingFromTheCatalogueIsKeptAndFlagged() {
    Suite s =
        suites.createPublished(
            "curated-test",
            new Content(
                "EU",
                null,
                List.of(),
                List.of(),
                List.of(new Member("pren-18228", "prEN 18228", null, "risk-management")),
                "CC BY"),
            "curator");
    Report r = suites.report(suites.get(s.id()));
    assertThat(r.members()).singleElement().satisfies(m -> assertThat(m.inCatalogue()).isFalse());
    assertThat(r.alerts()).extracting(Report.Alert::kind).containsExactly("missing");
    assertThat(suites.published()).extracting(Suite::id).contains("curated-test");
  }

  @Test
  void membersNotInTheCatalogueAreRefusedNamingTheField() throws Exception {
    var body =
        json.readTree(
            "{\"title\": \"\", \"members\": [{\"id\": \"iso-iec-42001-2023\"}, {\"id\": \"nope\"}],"
                + " \"concerns\": [\"not-a-concern\"]}");
    assertThatThrownBy(() -> suites.read(body))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e ->
                assertThat(e.problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactlyInAnyOrder("title", "members[1].id", "concerns[0]"));
  }

  @Test
  void aChangeAfterPublishingIsADraftThePublicListingDoesNotShowUntilPublishedAgain() {
    Suite s = suites.create(content("Curated", "iso-iec-42001-2023"), owner).suite();
    suites.publish(s.id(), coordinator);
    Suite draft = suites.save(s.id(), content("Buy cheap pills"), 2);
    assertThat(draft.content().title()).isEqualTo("Buy cheap pills");
    assertThat(suites.hasDraft(draft)).isTrue();
    // The listing and the public view show the publication; its owner still has the draft.
    assertThat(suites.published())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.content().title()).isEqualTo("Curated");
              assertThat(p.content().members()).hasSize(1);
              assertThat(p.publishedVersion()).isEqualTo(1);
            });
    assertThat(suites.asPublished(suites.get(s.id())).content().title()).isEqualTo("Curated");
    assertThat(suites.ownedBy(owner).get(0).content().title()).isEqualTo("Buy cheap pills");
    // Published again by a coordinator: the public sees it, and there is no draft any more.
    Suite republished = suites.publish(s.id(), coordinator);
    assertThat(suites.hasDraft(republished)).isFalse();
    assertThat(suites.published().get(0).content().title()).isEqualTo("Buy cheap pills");
    assertThat(suites.published().get(0).publishedVersion()).isEqualTo(2);
    // An unpublished suite is shown as it is.
    Suite unlisted = suites.create(content("Mine", "iso-iec-42001-2023"), owner).suite();
    assertThat(suites.asPublished(unlisted)).isEqualTo(unlisted);
    assertThat(suites.hasDraft(unlisted)).isFalse();
  }

  @Test
  void aSwappedInSuccessorSaysWhatItReplacesKeepsItsNoteAndTheGroupOnlyIfItCarriesThatConcern() {
    save(record("ISO/IEC 42001:2027", Status.IN_FORCE, List.of("management-systems")));
    Reason why = new Reason(List.of("service"), 0.54, false);
    Content c =
        new Content(
            "Swap",
            null,
            List.of(),
            List.of(),
            List.of(
                new Member(
                    "iso-iec-42001-2023", "ISO/IEC 42001:2023", null, "management-systems", why),
                new Member("iso-iec-23894-2023", "ISO/IEC 23894:2023", "start here", "privacy")),
            null);
    // What it replaces is a fact, said in each reader's language; the old member's reason and
    // note go with it, about the old record.
    Content kept = suites.swap(c, "iso-iec-42001-2023", "iso-iec-42001-2027", "as read");
    assertThat(kept.members().get(0))
        .isEqualTo(
            new Member(
                "iso-iec-42001-2027",
                "ISO/IEC 42001:2027",
                null,
                "management-systems",
                why,
                "ISO/IEC 42001:2023"));
    save(record("ISO/IEC 23894:2027", Status.IN_FORCE, List.of("risk-management")));
    Content dropped = suites.swap(c, "iso-iec-23894-2023", "iso-iec-23894-2027", "as read");
    Member successor = dropped.members().get(1);
    assertThat(successor.id()).isEqualTo("iso-iec-23894-2027");
    assertThat(successor.group()).as("it carries no privacy concern").isNull();
    assertThat(successor.note()).isEqualTo("start here");
    assertThat(successor.replaces()).isEqualTo("ISO/IEC 23894:2023");
    // Swapped again: a member names the one record it replaces, the older note is as the editor
    // read it, cut to a note's length.
    save(record("ISO/IEC 23894:2030", Status.IN_FORCE, List.of("risk-management")));
    Member third =
        suites
            .swap(
                dropped,
                "iso-iec-23894-2027",
                "iso-iec-23894-2030",
                "x".repeat(Suites.MAX_NOTE + 5))
            .members()
            .get(1);
    assertThat(third.replaces()).isEqualTo("ISO/IEC 23894:2027");
    assertThat(third.note()).hasSize(Suites.MAX_NOTE);
    // Its coverage is its own: risk management, not the old member's privacy group.
    Suite s = suites.create(dropped, owner).suite();
    Report r = suites.report(s);
    assertThat(r.concerns())
        .filteredOn(cov -> cov.concept().equals("privacy"))
        .singleElement()
        .satisfies(cov -> assertThat(cov.members()).doesNotContain("iso-iec-23894-2027"));
    assertThat(r.concerns())
        .filteredOn(cov -> cov.concept().equals("risk-management"))
        .singleElement()
        .satisfies(cov -> assertThat(cov.members()).contains("iso-iec-23894-2027"));
  }

  @Test
  void aSuiteExportedAsJsonReadsBackWithItsAttributionAndNoGroupForOther() throws Exception {
    var body =
        json.readTree(
            "{\"title\": \"Copy\", \"attribution\": \"CC BY 4.0, A. Author\", \"members\":"
                + " [{\"id\": \"iso-iec-42001-2023\", \"group\": \"other\"}]}");
    Content read = suites.read(body);
    assertThat(read.attribution()).isEqualTo("CC BY 4.0, A. Author");
    assertThat(read.members().get(0).group()).isNull();
    var tooLong =
        json.readTree(
            "{\"title\": \"Copy\", \"attribution\": \""
                + "a".repeat(Suites.MAX_ATTRIBUTION + 1)
                + "\"}");
    assertThatThrownBy(() -> suites.read(tooLong))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e ->
                assertThat(e.problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactly("attribution"));
  }
}
