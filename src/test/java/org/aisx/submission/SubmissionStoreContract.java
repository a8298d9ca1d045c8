package org.aisx.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aisx.account.Role;
import org.aisx.account.User;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.CatalogIndex;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.catalog.Status;
import org.aisx.learn.Resources;
import org.aisx.store.Database;
import org.aisx.store.SqlCatalogStore;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the submission store and the approval transaction guarantee, on every database: the same
 * tests run on SQLite and on a real PostgreSQL.
 */
abstract class SubmissionStoreContract {
  Database db;
  SqlCatalogStore catalogStore;
  Catalog catalog;
  SqlSubmissionStore store;
  Submissions submissions;
  Resources resources;
  final User author =
      new User("a1", "ieee@example.org", Role.CONTRIBUTOR, java.util.Set.of("IEEE"), Instant.EPOCH);
  final User coordinator =
      new User("c1", "coord@example.org", Role.COORDINATOR, java.util.Set.of(), Instant.EPOCH);

  abstract Database open() throws Exception;

  abstract void dispose() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    db = open();
    var json = Json.mapper();
    catalogStore = new SqlCatalogStore(db, json);
    CatalogIndex noIndex =
        new CatalogIndex() {
          @Override
          public void upsert(Standard s) {}

          @Override
          public void publish(long seq) {}
        };
    catalog = new Catalog(catalogStore, noIndex, json, Clock.systemUTC());
    store = new SqlSubmissionStore(db, json);
    resources = Resources.overSql(db, catalog, Taxonomy.bundled(json), json, Clock.systemUTC());
    submissions =
        new Submissions(
            store,
            catalog,
            new StandardReader(Taxonomy.bundled(json)),
            resources,
            json,
            Clock.systemUTC());
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    dispose();
  }

  static Standard record(String identifier, String title) {
    return Standard.builder(identifier)
        .title(Map.of("en", title))
        .sdo("IEEE")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.DRAFT)
        .build();
  }

  Submission pending(Standard s, Action action, Integer base) {
    return submissions.submit(new Submissions.Draft(action, s.id(), base, s, null), author);
  }

  @Test
  void storesAndFindsSubmissionsByStateAndAuthor() {
    Submission a = pending(record("IEEE 1", "One"), Action.CREATE, null);
    Submission b = pending(record("IEEE 2", "Two"), Action.CREATE, null);
    assertThat(store.find(a.id())).contains(a);
    assertThat(store.find("sub-none")).isEmpty();
    assertThat(store.byState(SubmissionState.PENDING, 10))
        .extracting(Submission::id)
        .containsExactly(a.id(), b.id());
    assertThat(store.byAuthor("a1", 10)).hasSize(2);
    assertThat(store.byAuthor("other", 10)).isEmpty();
    submissions.decide(a.id(), Decision.REJECT, "no", coordinator);
    assertThat(store.byState(SubmissionState.PENDING, 10))
        .extracting(Submission::id)
        .containsExactly(b.id());
    Submission rejected = store.find(a.id()).orElseThrow();
    assertThat(rejected.state()).isEqualTo(SubmissionState.REJECTED);
    assertThat(rejected.decidedBy()).isEqualTo("coord@example.org");
    assertThat(rejected.comment()).isEqualTo("no");
    assertThat(rejected.version()).isEqualTo(2);
    // An update based on a version that moved on changes nothing.
    assertThat(store.update(rejected, 1)).isFalse();
  }

  @Test
  void approvalWritesTheRecordHistoryAndStateTogether() {
    Submission s = pending(record("IEEE 7", "Seven"), Action.CREATE, null);
    Submission done = submissions.decide(s.id(), Decision.APPROVE, null, coordinator);
    assertThat(done.state()).isEqualTo(SubmissionState.APPROVED);
    assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SubmissionState.APPROVED);
    Standard stored = catalog.get("ieee-7");
    assertThat(stored.revision()).isEqualTo(1);
    List<HistoryEvent> history = catalog.history("ieee-7");
    assertThat(history)
        .extracting(HistoryEvent::kind)
        .containsExactly(HistoryEvent.Kind.CREATED, HistoryEvent.Kind.APPROVED);
    assertThat(history)
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("coord@example.org");
              assertThat(e.source()).isEqualTo("submission:" + s.id());
            });
    assertThatThrownBy(() -> submissions.decide(s.id(), Decision.APPROVE, null, coordinator))
        .isInstanceOf(SubmissionException.WrongState.class);
  }

  @Test
  void aResourceSubmissionIsStoredAsOneAndItsApprovalWritesTheResource() throws Exception {
    catalog.save(record("IEEE 7001", "Transparency"), "feed", "feed", null);
    var body =
        Json.mapper()
            .readTree(
                "{\"kind\": \"resource\", \"action\": \"create\", \"resource\": {"
                    + "\"title\": {\"en\": \"Transparency of autonomous systems\"},"
                    + " \"provider\": \"IEEE\", \"kind\": \"course\","
                    + " \"standards\": [\"ieee-7001\"], \"concepts\": [\"transparency-explainability\"]}}");
    Submissions.Draft draft = submissions.draft(body);
    assertThat(draft.kind()).isEqualTo(SubmissionKind.RESOURCE);
    assertThat(draft.bodies()).isEmpty();
    Submission s = submissions.submit(draft, author);
    Submission stored = store.find(s.id()).orElseThrow();
    assertThat(stored.kind()).isEqualTo(SubmissionKind.RESOURCE);
    assertThat(stored.record()).isNull();
    assertThat(stored.resource()).isEqualTo(draft.resource());
    assertThat(resources.teaching("ieee-7001")).isEmpty();
    submissions.decide(s.id(), Decision.APPROVE, null, coordinator);
    assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SubmissionState.APPROVED);
    assertThat(resources.teaching("ieee-7001"))
        .extracting(org.aisx.learn.Resource::id)
        .containsExactly("transparency-of-autonomous-systems");
    // The same resource again exists already; a bad one names its fields.
    assertThatThrownBy(() -> submissions.draft(body))
        .isInstanceOf(CatalogException.AlreadyExists.class);
    var bad =
        Json.mapper()
            .readTree(
                "{\"kind\": \"resource\", \"resource\": {\"title\": {\"en\": \"x\"},"
                    + " \"kind\": \"lecture\", \"standards\": [\"ieee-9999\"]}}");
    assertThatThrownBy(() -> submissions.draft(bad))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e ->
                assertThat(e.problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactlyInAnyOrder("provider", "kind", "standards[0]"));
  }

  @Test
  void aFailedStateChangeRollsTheRecordBack() {
    Submission s = pending(record("IEEE 8", "Eight"), Action.CREATE, null);
    // Someone else decides between our read and our write: the state update finds another version.
    Runnable failing =
        () -> {
          throw new SubmissionException.WrongState(s.id(), SubmissionState.REJECTED, "raced");
        };
    assertThatThrownBy(
            () -> catalog.approve(s.record(), "coord", s.source(), 0, s.author(), failing))
        .isInstanceOf(SubmissionException.WrongState.class);
    assertThat(catalog.find("ieee-8")).isEmpty();
    assertThat(catalogStore.history("ieee-8")).isEmpty();
  }

  @Test
  void aStaleApprovalChangesNothing() {
    catalog.save(record("IEEE 9", "Nine"), "feed", "feed", null);
    Submission s = pending(record("IEEE 9", "Nine, changed"), Action.UPDATE, 1);
    catalog.save(record("IEEE 9", "Nine, moved on"), "feed", "feed", 1);
    assertThatThrownBy(() -> submissions.decide(s.id(), Decision.APPROVE, null, coordinator))
        .isInstanceOf(CatalogException.Conflict.class);
    assertThat(catalog.get("ieee-9").titleIn("en")).isEqualTo("Nine, moved on");
    assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SubmissionState.PENDING);
  }

  @Test
  void aRebaseMovesTheBaseKeepsTheChoiceAndIsLoggedInOrderAndARacedOneWritesNothing() {
    catalog.save(record("IEEE 10", "Ten"), "feed", "feed", null);
    Submission s =
        pending(
            record("IEEE 10", "Ten, by the author").toBuilder().edition("2").build(),
            Action.UPDATE,
            1);
    catalog.save(record("IEEE 10", "Ten, moved on"), "feed", "feed", 1);
    assertThatThrownBy(() -> submissions.updateToCurrent(s.id(), null, Map.of(), author, d -> {}))
        .isInstanceOf(CatalogException.Invalid.class)
        .satisfies(
            e ->
                assertThat(((CatalogException.Invalid) e).problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactly("choices.title"));
    Submission rebased =
        submissions.updateToCurrent(
            s.id(), 2, Map.of("title", RebaseChoice.CURRENT), author, d -> {});
    Submission stored = store.find(s.id()).orElseThrow();
    assertThat(rebased.baseRevision()).isEqualTo(2);
    assertThat(stored.baseRevision()).isEqualTo(2);
    assertThat(stored.version()).isEqualTo(2);
    assertThat(stored.state()).isEqualTo(SubmissionState.PENDING);
    assertThat(stored.record().titleIn("en")).isEqualTo("Ten, moved on");
    assertThat(stored.record().edition()).isEqualTo("2");
    assertThat(submissions.rebases(s.id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.seq()).isEqualTo(1);
              assertThat(r.fromRevision()).isEqualTo(1);
              assertThat(r.toRevision()).isEqualTo(2);
              assertThat(r.by()).isEqualTo("ieee@example.org");
              assertThat(r.kept()).isEmpty();
              assertThat(r.taken()).containsExactly("title");
            });
    assertThatThrownBy(() -> submissions.updateToCurrent(s.id(), null, Map.of(), author, d -> {}))
        .isInstanceOf(SubmissionException.UpToDate.class);
    // Stored on a version that moved on: neither the submission nor the log changes.
    SubmissionRebase second =
        new SubmissionRebase(0, 2, 3, "ieee@example.org", Instant.EPOCH, List.of(), List.of());
    assertThat(store.rebase(stored, 1, second)).isFalse();
    assertThat(store.rebases(s.id())).hasSize(1);
    assertThat(store.find(s.id()).orElseThrow()).isEqualTo(stored);
    // Only its author, and only while it is pending.
    assertThatThrownBy(
            () -> submissions.updateToCurrent(s.id(), null, Map.of(), coordinator, d -> {}))
        .isInstanceOf(SubmissionException.NotAuthor.class);
  }

  @Test
  void policyVersionsAreKeptWithWhoChangedThem() {
    assertThat(submissions.fieldPolicy().version()).isZero();
    submissions.setFieldPolicy(List.of("url", "committee"), 0, coordinator);
    submissions.setFieldPolicy(List.of("abstract"), 1, coordinator);
    assertThat(submissions.fieldPolicy().required()).containsExactly("abstract");
    assertThat(submissions.fieldPolicyHistory())
        .extracting(FieldPolicy::version)
        .containsExactly(2, 1);
    assertThat(submissions.fieldPolicyHistory().get(1).required())
        .containsExactly("committee", "url");
    assertThat(submissions.fieldPolicyHistory().get(1).changedBy()).isEqualTo("coord@example.org");
    assertThatThrownBy(() -> submissions.setFieldPolicy(List.of(), 1, coordinator))
        .isInstanceOf(CatalogException.Conflict.class);
    assertThatThrownBy(() -> submissions.setFieldPolicy(List.of("title"), 2, coordinator))
        .isInstanceOf(CatalogException.Invalid.class);
    assertThat(store.addPolicy(new FieldPolicy(2, List.of(), "x", Instant.now()))).isFalse();
  }

  @Test
  void everyDecisionIsLoggedInOrderAndAResubmissionClearsTheStandingOne() {
    Submission s = pending(record("IEEE 21", "Twenty-one"), Action.CREATE, null);
    assertThat(submissions.decisions(s.id())).isEmpty();
    submissions.decide(s.id(), Decision.CHANGES_REQUESTED, " Give the full title ", coordinator);
    Submission resubmitted =
        submissions.resubmit(
            s.id(),
            new Submissions.Draft(Action.CREATE, s.recordId(), null, record("IEEE 21", "T"), null),
            author);
    assertThat(resubmitted.decidedBy()).isNull();
    assertThat(resubmitted.comment()).isNull();
    assertThat(store.find(s.id()).orElseThrow().comment()).isNull();
    submissions.decide(s.id(), Decision.APPROVE, null, coordinator);
    assertThat(submissions.decisions(s.id()))
        .extracting(
            ReviewDecision::seq,
            ReviewDecision::decision,
            ReviewDecision::decidedBy,
            ReviewDecision::comment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1, Decision.CHANGES_REQUESTED, "coord@example.org", "Give the full title"),
            org.assertj.core.groups.Tuple.tuple(2, Decision.APPROVE, "coord@example.org", null));
    assertThat(submissions.decisions(s.id())).allSatisfy(d -> assertThat(d.at()).isNotNull());
    // The approval and its log line went together.
    assertThat(catalog.find("ieee-21")).isPresent();
  }

  @Test
  void changesRequestedAndARejectionNeedAComment() {
    Submission s = pending(record("IEEE 22", "Twenty-two"), Action.CREATE, null);
    for (Decision d : new Decision[] {Decision.CHANGES_REQUESTED, Decision.REJECT}) {
      assertThatThrownBy(() -> submissions.decide(s.id(), d, "   ", coordinator))
          .isInstanceOfSatisfying(
              CatalogException.Invalid.class,
              e -> assertThat(e.problems().get(0).field()).isEqualTo("comment"));
    }
    assertThatThrownBy(
            () ->
                submissions.decide(
                    s.id(), Decision.REJECT, "x".repeat(Submissions.MAX_COMMENT + 1), coordinator))
        .isInstanceOf(CatalogException.Invalid.class);
    assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SubmissionState.PENDING);
    assertThat(submissions.decisions(s.id())).isEmpty();
  }

  @Test
  void aRelationHeldOnApprovalIsClaimedByTheAuthor() {
    catalog.save(
        Standard.builder("ISO/IEC 42001:2023")
            .title(Map.of("en", "AI management"))
            .sdo("ISO/IEC")
            .type(PublicationType.INTERNATIONAL_STANDARD)
            .status(Status.IN_FORCE)
            .build(),
        "feed",
        "feed",
        null);
    Standard claiming =
        record("IEEE 23", "Twenty-three").toBuilder()
            .relations(
                List.of(
                    org.aisx.catalog.Relation.of(
                        org.aisx.catalog.RelationType.REPLACES, "ISO/IEC 42001:2023")))
            .build();
    Submission s = pending(claiming, Action.CREATE, null);
    submissions.decide(s.id(), Decision.APPROVE, null, coordinator);
    assertThat(catalog.relationReviewsOf("ieee-23"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.requestedBy()).isEqualTo("ieee@example.org");
              assertThat(r.requestedSource()).isEqualTo("submission:" + s.id());
            });
  }

  com.fasterxml.jackson.databind.JsonNode resourceBody(String action, String url, String provider)
      throws Exception {
    return Json.mapper()
        .readTree(
            "{\"kind\": \"resource\", \"action\": \""
                + action
                + "\", \"resource\": {\"id\": \"transparency-course\","
                + " \"title\": {\"en\": \"Transparency of autonomous systems\"},"
                + " \"provider\": \""
                + provider
                + "\", \"url\": \""
                + url
                + "\", \"kind\": \"course\", \"languages\": [\"en\"],"
                + " \"standards\": [\"ieee-7001\"]}}");
  }

  /** A listed resource to correct, approved through a submission as contributors add one. */
  org.aisx.learn.Resource listed() throws Exception {
    if (catalog.find("ieee-7001").isEmpty()) {
      catalog.save(record("IEEE 7001", "Transparency"), "feed", "feed", null);
    }
    Submission s =
        submissions.submit(
            submissions.draft(resourceBody("create", "https://old.example.org/x", "IEEE SA")),
            author);
    submissions.decide(s.id(), Decision.APPROVE, null, coordinator);
    return resources.get("transparency-course");
  }

  @Test
  void aResourceCorrectionIsProposedAsAnUpdateAndItsApprovalReplacesTheResource() throws Exception {
    org.aisx.learn.Resource before = listed();
    Submissions.Draft draft =
        submissions.draft(resourceBody("update", "https://new.example.org/x", "IEEE Academy"));
    assertThat(draft.kind()).isEqualTo(SubmissionKind.RESOURCE);
    assertThat(draft.action()).isEqualTo(Action.UPDATE);
    Submission s = submissions.submit(draft, author);
    Submission stored = store.find(s.id()).orElseThrow();
    assertThat(stored.action()).isEqualTo(Action.UPDATE);
    assertThat(stored.kind()).isEqualTo(SubmissionKind.RESOURCE);
    // Pending: the resource is as it was.
    assertThat(resources.get("transparency-course")).isEqualTo(before);

    submissions.decide(s.id(), Decision.APPROVE, null, coordinator);
    assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SubmissionState.APPROVED);
    org.aisx.learn.Resource after = resources.get("transparency-course");
    assertThat(after.url()).isEqualTo("https://new.example.org/x");
    assertThat(after.provider()).isEqualTo("IEEE Academy");
    assertThat(after.title()).isEqualTo(before.title());
    assertThat(after.standards()).isEqualTo(before.standards());
    assertThat(resources.count()).isEqualTo(1);
  }

  @Test
  void aResourceCorrectionOfNoResourceOrChangingNothingOrWithAnUnknownActionIsRefused()
      throws Exception {
    catalog.save(record("IEEE 7001", "Transparency"), "feed", "feed", null);
    assertThatThrownBy(
            () -> submissions.draft(resourceBody("update", "https://new.example.org/x", "IEEE")))
        .isInstanceOfSatisfying(
            CatalogException.NotFound.class,
            e ->
                assertThat(e.problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactly("resource.id"));
    listed();
    // A new resource with the id of a listed one stays a conflict.
    assertThatThrownBy(
            () -> submissions.draft(resourceBody("create", "https://new.example.org/x", "IEEE")))
        .isInstanceOf(CatalogException.AlreadyExists.class);
    assertThatThrownBy(
            () -> submissions.draft(resourceBody("update", "https://old.example.org/x", "IEEE SA")))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e ->
                assertThat(e.problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactly("resource"));
    assertThatThrownBy(
            () -> submissions.draft(resourceBody("delete", "https://new.example.org/x", "IEEE")))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e ->
                assertThat(e.problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactly("action"));
  }

  @Test
  void approvingACorrectionOfAResourceDeletedMeanwhileIsRefusedAndChangesNothing()
      throws Exception {
    listed();
    Submission s =
        submissions.submit(
            submissions.draft(resourceBody("update", "https://new.example.org/x", "IEEE Academy")),
            author);
    db.jdbi()
        .useHandle(
            h -> h.execute("DELETE FROM learning_resource WHERE id = ?", "transparency-course"));
    assertThatThrownBy(() -> submissions.decide(s.id(), Decision.APPROVE, null, coordinator))
        .isInstanceOfSatisfying(
            CatalogException.Gone.class,
            e ->
                assertThat(e.problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactly("resource.id"));
    // Nothing was written: no resource came back, the submission is pending with no decision.
    assertThat(resources.find("transparency-course")).isEmpty();
    assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SubmissionState.PENDING);
    assertThat(submissions.decisions(s.id())).isEmpty();
    // It can still be rejected.
    submissions.decide(s.id(), Decision.REJECT, "the resource is gone", coordinator);
    assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SubmissionState.REJECTED);
  }

  @Test
  void aResourceCorrectionIsResubmittedOnlyAsACorrectionOfTheSameResource() throws Exception {
    listed();
    Submission s =
        submissions.submit(
            submissions.draft(resourceBody("update", "https://new.example.org/x", "IEEE")), author);
    submissions.decide(s.id(), Decision.CHANGES_REQUESTED, "the provider's full name", coordinator);
    // A new resource in its place is refused, naming the action.
    var asNew =
        Json.mapper()
            .readTree(
                "{\"kind\": \"resource\", \"action\": \"create\", \"resource\": {"
                    + "\"title\": {\"en\": \"Another course\"}, \"provider\": \"IEEE\","
                    + " \"kind\": \"course\"}}");
    assertThatThrownBy(() -> submissions.resubmit(s.id(), submissions.draft(asNew), author))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e ->
                assertThat(e.problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactly("action"));
    // A correction of another resource is refused, naming its id.
    submissions.decide(
        submissions.submit(submissions.draft(asNew.deepCopy()), author).id(),
        Decision.APPROVE,
        null,
        coordinator);
    var other = (com.fasterxml.jackson.databind.node.ObjectNode) asNew.deepCopy();
    other.put("action", "update");
    ((com.fasterxml.jackson.databind.node.ObjectNode) other.get("resource"))
        .put("provider", "IEEE SA");
    assertThatThrownBy(() -> submissions.resubmit(s.id(), submissions.draft(other), author))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e ->
                assertThat(e.problems())
                    .extracting(org.aisx.catalog.Problem::field)
                    .containsExactly("resource.id"));
    assertThat(store.find(s.id()).orElseThrow().state())
        .isEqualTo(SubmissionState.CHANGES_REQUESTED);

    Submission again =
        submissions.resubmit(
            s.id(),
            submissions.draft(resourceBody("update", "https://new.example.org/x", "IEEE Academy")),
            author);
    assertThat(again.state()).isEqualTo(SubmissionState.PENDING);
    assertThat(again.action()).isEqualTo(Action.UPDATE);
    submissions.decide(s.id(), Decision.REJECT, "a duplicate of another correction", coordinator);
    assertThat(store.find(s.id()).orElseThrow().state()).isEqualTo(SubmissionState.REJECTED);
    // Rejected: the resource is as it was.
    assertThat(resources.get("transparency-course").provider()).isEqualTo("IEEE SA");
  }
}
