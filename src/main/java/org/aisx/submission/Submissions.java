package org.aisx.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aisx.account.User;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.learn.Resource;
import org.aisx.learn.Resources;
import org.aisx.store.Database;

/**
 * The submission workflow: contributors propose new records and changes, coordinators approve,
 * reject or ask for changes, and an approval goes through the {@link Catalog} in one transaction
 * with the submission's own state. Who may do what is decided by the caller (the web layer asks the
 * access policy with {@link Draft#bodies()}); this class checks everything else.
 */
public final class Submissions {
  /** Fields every record must have, whatever the policy says. */
  public static final List<String> ALWAYS_REQUIRED =
      List.of("identifier", "title", "sdo", "type", "status");

  /**
   * Fields the required-field policy may add: only those the web submission form has inputs for, so
   * that a policy can never make the form impossible to send. The classification (verticals,
   * activities, applications, concerns) is the classifier's and the coordinators' work, not the
   * submitter's.
   */
  public static final List<String> POLICY_FIELDS =
      List.of("abstract", "committee", "stage", "published", "edition", "url", "keywords");

  /** Fields a submission never sets: the catalogue and the classifier own them. */
  private static final List<String> NOT_SUBMITTED = Standard.OWNED_BY_SERVICE;

  /**
   * The record's classification, one list per taxonomy dimension: an update that leaves one out
   * keeps the record's confirmed labels (coordinators confirmed them; a contributor's minimal
   * change must not drop them); only an explicit empty list clears it.
   */
  public static final List<String> CLASSIFICATION =
      List.of("verticals", "activities", "applications", "concerns");

  static final int LIST_LIMIT = 500;

  private final SubmissionStore store;
  private final Catalog catalog;
  private final StandardReader reader;
  private final Resources resources;
  private final ObjectMapper json;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Object submitting = new Object();

  Submissions(
      SubmissionStore store,
      Catalog catalog,
      StandardReader reader,
      Resources resources,
      ObjectMapper json,
      Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.reader = reader;
    this.resources = resources;
    this.json = json;
    this.clock = clock;
  }

  /** The workflow over the catalogue's own database. */
  public static Submissions overSql(
      Database db,
      Catalog catalog,
      StandardReader reader,
      Resources resources,
      ObjectMapper json,
      Clock clock) {
    return new Submissions(
        new SqlSubmissionStore(db, json), catalog, reader, resources, json, clock);
  }

  /**
   * A validated proposal, not yet stored: the record as proposed and, for an update, the record as
   * it is now; or a learning resource ({@code resource}, the record null), new or a correction of
   * the one with its id.
   */
  public record Draft(
      Action action,
      String recordId,
      Integer baseRevision,
      Standard record,
      Standard current,
      Resource resource) {
    public Draft(
        Action action, String recordId, Integer baseRevision, Standard record, Standard current) {
      this(action, recordId, baseRevision, record, current, null);
    }

    /** A new learning resource. */
    public static Draft of(Resource resource) {
      return of(Action.CREATE, resource);
    }

    /** A new learning resource ({@code create}), or a correction of the one with its id. */
    public static Draft of(Action action, Resource resource) {
      return new Draft(action, resource.id(), null, null, null, resource);
    }

    public SubmissionKind kind() {
      return resource != null ? SubmissionKind.RESOURCE : SubmissionKind.RECORD;
    }

    /**
     * Every standards body the proposal touches: the record's body before and after; none for a
     * resource (any contributor may propose one).
     */
    public List<String> bodies() {
      if (resource != null) {
        return List.of();
      }
      Set<String> bodies = new LinkedHashSet<>();
      if (current != null && current.sdo() != null) {
        bodies.add(current.sdo());
      }
      if (record.sdo() != null) {
        bodies.add(record.sdo());
      }
      return List.copyOf(bodies);
    }
  }

  /**
   * Reads and validates a request body {@code {"action", "recordId", "baseRevision", "record"}}:
   * every problem is reported with its field at once ({@link CatalogException.Invalid}); an update
   * of a record that does not exist is {@link CatalogException.NotFound}, one based on a revision
   * that moved on (or a new record whose id is taken) is {@link CatalogException.Conflict}.
   */
  public Draft draft(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new CatalogException.Invalid(
          "submission", List.of(Problem.of("body", "invalid.notRecord")));
    }
    List<Problem> problems = new ArrayList<>();
    JsonNode kindNode = body.get("kind");
    SubmissionKind kind = SubmissionKind.RECORD;
    if (kindNode != null && !kindNode.isNull()) {
      kind = kindNode.isTextual() ? SubmissionKind.fromWire(kindNode.asText()).orElse(null) : null;
      if (kind == null) {
        throw new CatalogException.Invalid(
            "submission",
            List.of(
                Problem.of(
                    "kind",
                    "invalid.notOneOf",
                    kindNode.isTextual() ? kindNode.asText() : kindNode.toString(),
                    "record, resource")));
      }
    }
    if (kind == SubmissionKind.RESOURCE) {
      return resourceDraft(body);
    }
    JsonNode actionNode = body.get("action");
    Action action = null;
    if (actionNode == null || actionNode.isNull()) {
      problems.add(Problem.of("action", "invalid.required"));
    } else if (!actionNode.isTextual()) {
      problems.add(Problem.notString("action", actionNode));
    } else {
      action = Action.fromWire(actionNode.asText()).orElse(null);
      if (action == null) {
        problems.add(
            Problem.of("action", "invalid.notOneOf", actionNode.asText(), "create, update"));
      }
    }
    String recordId = null;
    Integer baseRevision = null;
    if (action == Action.UPDATE) {
      JsonNode id = body.get("recordId");
      if (id != null && !id.isNull() && !id.isTextual()) {
        problems.add(Problem.notString("recordId", id));
      } else if (id == null || id.isNull() || id.asText().isBlank()) {
        problems.add(Problem.of("recordId", "invalid.required"));
      } else {
        recordId = id.asText();
      }
      JsonNode base = body.get("baseRevision");
      if (base == null || base.isNull()) {
        problems.add(Problem.of("baseRevision", "invalid.required"));
      } else if (!base.canConvertToInt() || !base.isIntegralNumber() || base.asInt() < 1) {
        problems.add(Problem.of("baseRevision", "problem.notWholeNumberFrom", base.toString(), 1));
      } else {
        baseRevision = base.asInt();
      }
    }
    JsonNode recordNode = body.get("record");
    Standard record = null;
    if (recordNode != null && !recordNode.isNull() && !recordNode.isObject()) {
      problems.add(Problem.of("record", "invalid.notRecord"));
    } else if (recordNode == null || recordNode.isNull()) {
      problems.add(Problem.of("record", "invalid.required"));
    } else {
      if (action == Action.UPDATE && recordId != null) {
        recordNode = keepClassification((ObjectNode) recordNode, recordId);
      }
      record = read(recordNode, problems);
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("submission", problems);
    }
    // A relation's target typed as a record's id is stored as that record's identifier, and a
    // committee typed in another case or spacing as the catalogue writes it.
    return check(action, recordId, baseRevision, catalog.asCatalogued(record));
  }

  /**
   * {@code {"kind": "resource", "action": "create" | "update", "resource": {...}}}: a new learning
   * resource (the action left out is a create), or a correction of the listed one with the same id;
   * checked by the resources' own reader. A new one whose id is taken is a conflict ({@link
   * CatalogException.AlreadyExists}); a correction of an id no resource has is {@link
   * CatalogException.NotFound} naming {@code resource.id}, one that changes nothing is invalid.
   */
  private Draft resourceDraft(JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    JsonNode actionNode = body.get("action");
    Action action = Action.CREATE;
    if (actionNode != null && !actionNode.isNull()) {
      action = actionNode.isTextual() ? Action.fromWire(actionNode.asText()).orElse(null) : null;
      if (action == null) {
        problems.add(Problem.of("action", "resource.problem.notOneOf", "create, update"));
      }
    }
    JsonNode node = body.get("resource");
    Resource resource = null;
    if (node == null || !node.isObject()) {
      problems.add(Problem.of("resource", "invalid.required"));
    } else {
      try {
        resource = resources.read(node);
      } catch (CatalogException.Invalid e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("submission", problems);
    }
    java.util.Optional<Resource> existing = resources.find(resource.id());
    if (action == Action.CREATE && existing.isPresent()) {
      throw new CatalogException.AlreadyExists("id", resource.id(), resource.id());
    }
    if (action == Action.UPDATE && existing.isEmpty()) {
      throw new CatalogException.NotFound(
          "learning resource " + resource.id(),
          Problem.of("resource.id", "resource.problem.notFound", resource.id()));
    }
    if (action == Action.UPDATE && existing.get().equals(resource)) {
      throw new CatalogException.Invalid(
          "submission", List.of(Problem.of("resource", "resource.problem.noChange")));
    }
    return Draft.of(action, resource);
  }

  private Draft check(Action action, String recordId, Integer baseRevision, Standard record) {
    if (action == Action.CREATE) {
      catalog
          .find(record.id())
          .ifPresent(
              existing -> {
                throw new CatalogException.AlreadyExists(
                    "identifier", existing.id(), existing.identifier());
              });
      return new Draft(action, record.id(), null, record, null);
    }
    Standard current = catalog.get(recordId);
    if (!record.id().equals(current.id())) {
      throw new CatalogException.Invalid(
          "submission",
          List.of(
              Problem.of(
                  "identifier", "submission.problem.identifierStays", current.identifier())));
    }
    if (baseRevision != current.revision()) {
      throw new CatalogException.Conflict(current.id(), baseRevision, current.revision());
    }
    if (changesNothing(record, current)) {
      // Nothing for a coordinator to review (the form sent as it was opened).
      throw new CatalogException.Invalid(
          "submission", List.of(Problem.of("record", "submission.problem.noChange")));
    }
    return new Draft(action, recordId, baseRevision, record, current);
  }

  /**
   * Whether {@code record} gives every field a submission sets the value {@code current} has (a
   * field absent, null or empty counting as without a value).
   */
  private boolean changesNothing(Standard record, Standard current) {
    JsonNode proposed = asJson(record);
    JsonNode now = asJson(current);
    for (String field : Standard.FIELDS) {
      if (!NOT_SUBMITTED.contains(field)
          && !java.util.Objects.equals(valueOf(proposed.get(field)), valueOf(now.get(field)))) {
        return false;
      }
    }
    return true;
  }

  /** A field's value; null when it has none (absent, null, an empty text, list or object). */
  private static JsonNode valueOf(JsonNode v) {
    if (v == null
        || v.isNull()
        || (v.isContainerNode() && v.isEmpty())
        || (v.isTextual() && v.asText().isEmpty())) {
      return null;
    }
    return v;
  }

  /**
   * The record of an update with every classification field it leaves out (absent or null) taken
   * from the record as it is now ({@link #CLASSIFICATION}).
   */
  private ObjectNode keepClassification(ObjectNode recordNode, String recordId) {
    Standard current = catalog.find(recordId).orElse(null);
    if (current == null) {
      return recordNode; // reported as not found by the check
    }
    ObjectNode node = recordNode.deepCopy();
    JsonNode now = asJson(current);
    for (String field : CLASSIFICATION) {
      JsonNode given = node.get(field);
      if ((given == null || given.isNull()) && now.has(field)) {
        node.set(field, now.get(field).deepCopy());
      }
    }
    return node;
  }

  /** Reads the record with the reader's checks and the policy's, all problems together. */
  private Standard read(JsonNode recordNode, List<Problem> problems) {
    ObjectNode node = recordNode.deepCopy();
    NOT_SUBMITTED.forEach(node::remove);
    Set<String> reported = new LinkedHashSet<>();
    Standard record = null;
    try {
      record = reader.read(node);
    } catch (CatalogException.Invalid e) {
      for (Problem p : e.problems()) {
        problems.add(p);
        reported.add(p.field());
      }
    }
    for (String field : fieldPolicy().required()) {
      JsonNode v = node.get(field);
      boolean empty =
          v == null
              || v.isNull()
              || (v.isTextual() && v.asText().isBlank())
              || (v.isContainerNode() && v.isEmpty());
      if (empty && !reported.contains(field)) {
        problems.add(Problem.of(field, "invalid.required"));
      }
    }
    return record;
  }

  /**
   * Stores a new pending submission by {@code author}. The same proposal sent again by the same
   * author while the first is still pending (a form sent twice by a double click, a request
   * retried) is that first submission, returned as it is, not a second copy in the review queue.
   * The check and the insert are one step on this node; two nodes given the same proposal at the
   * same instant may still store both.
   */
  public Submission submit(Draft draft, User author) {
    synchronized (submitting) {
      for (Submission open : store.byAuthor(author.id(), LIST_LIMIT)) {
        if (open.state() == SubmissionState.PENDING && sameProposal(open, draft)) {
          return open;
        }
      }
      return insert(draft, author);
    }
  }

  /** Whether the pending submission {@code open} proposes exactly what {@code draft} does. */
  private boolean sameProposal(Submission open, Draft draft) {
    return open.kind() == draft.kind()
        && open.action() == draft.action()
        && java.util.Objects.equals(open.recordId(), draft.recordId())
        && java.util.Objects.equals(open.baseRevision(), draft.baseRevision())
        // Compared as JSON: what the store gives back reads as what was stored.
        && (draft.record() == null
            ? open.record() == null
            : open.record() != null && asJson(open.record()).equals(asJson(draft.record())))
        && (draft.resource() == null
            ? open.resource() == null
            : open.resource() != null && asJson(open.resource()).equals(asJson(draft.resource())));
  }

  private Submission insert(Draft draft, User author) {
    Instant now = clock.instant();
    Submission s =
        new Submission(
            newId(),
            draft.action(),
            draft.recordId(),
            draft.baseRevision(),
            draft.record(),
            author.id(),
            author.email(),
            SubmissionState.PENDING,
            1,
            now,
            now,
            null,
            null,
            draft.resource());
    store.insert(s);
    return s;
  }

  /**
   * The author's new version of a submission a coordinator asked changes for: back to pending. The
   * draft must be for the same record with the same action.
   */
  public Submission resubmit(String id, Draft draft, User author) {
    Submission s = resubmittable(id, author);
    if (draft.kind() != s.kind()) {
      throw new CatalogException.Invalid(
          "submission",
          List.of(Problem.of("kind", "submission.problem.kindStays", s.kind().wire())));
    }
    // A record's change stays on its record, a resource's correction on its resource.
    boolean sameTarget =
        (draft.kind() == SubmissionKind.RESOURCE && draft.action() == Action.CREATE)
            || draft.recordId().equals(s.recordId());
    if (draft.action() != s.action() || !sameTarget) {
      throw new CatalogException.Invalid(
          "submission",
          List.of(
              Problem.of(
                  draft.action() != s.action()
                      ? "action"
                      : draft.kind() == SubmissionKind.RESOURCE ? "resource.id" : "recordId",
                  "submission.problem.staysAsSubmitted",
                  s.action().wire(),
                  String.valueOf(s.recordId()))));
    }
    Submission next =
        s.resubmitted(draft.baseRevision(), draft.record(), draft.resource(), clock.instant());
    if (!store.update(next, s.version())) {
      throw new SubmissionException.WrongState(id, get(id).state(), "it changed meanwhile");
    }
    return next;
  }

  /**
   * The submission {@code author} may resubmit now: theirs ({@link SubmissionException.NotAuthor}
   * else) and with changes requested ({@link SubmissionException.NotResubmittable} else). Asked
   * before the new version is read, so that a decided submission is not reported as a conflict of
   * its content.
   */
  public Submission resubmittable(String id, User author) {
    Submission s = get(id);
    if (!s.authorId().equals(author.id())) {
      throw new SubmissionException.NotAuthor(id);
    }
    if (s.state() != SubmissionState.CHANGES_REQUESTED) {
      throw new SubmissionException.NotResubmittable(id, s.state());
    }
    return s;
  }

  /**
   * The author takes back a submission not decided yet (pending, or with changes requested): it
   * becomes {@link SubmissionState#WITHDRAWN} and leaves the review queue; nothing else changes.
   */
  public Submission withdraw(String id, User author) {
    Submission s = get(id);
    if (!s.authorId().equals(author.id())) {
      throw new SubmissionException.NotAuthor(id);
    }
    if (s.state() != SubmissionState.PENDING && s.state() != SubmissionState.CHANGES_REQUESTED) {
      throw new SubmissionException.WrongState(
          id,
          s.state(),
          "only a pending submission or one with changes requested can be withdrawn");
    }
    Submission next =
        s.decided(SubmissionState.WITHDRAWN, s.decidedBy(), s.comment(), clock.instant());
    if (!store.update(next, s.version())) {
      throw new SubmissionException.WrongState(id, get(id).state(), "it changed meanwhile");
    }
    return next;
  }

  /**
   * The author brings their pending change submission up to date on the record's current revision
   * ({@link #rebase(Submission)}): the fields they changed are kept, every other field the record
   * changed since the base is taken from the record, and for each field both changed ({@link
   * Rebase#bothChanged()}) {@code choices} must say which value to keep; one missing is {@link
   * CatalogException.Invalid} naming {@code choices.<field>}, and nothing changes. A choice for a
   * field that is not (or no longer) changed by both is not needed and left aside. {@code seen} is
   * the record's revision the choices were made on (null: any): one that moved on since is {@link
   * CatalogException.Conflict}. The rebased proposal is checked as a new one is ({@link #draft})
   * and handed to {@code mayPropose} (the caller's access check on its bodies, which throws to
   * refuse) before it is stored with the rebase in the submission's history ({@link #rebases}). Not
   * its author: {@link SubmissionException.NotAuthor}; not pending: {@link
   * SubmissionException.WrongState}; the record has not moved on: {@link
   * SubmissionException.UpToDate}.
   */
  public Submission updateToCurrent(
      String id,
      Integer seen,
      java.util.Map<String, RebaseChoice> choices,
      User author,
      java.util.function.Consumer<Draft> mayPropose) {
    Submission s = get(id);
    if (!s.authorId().equals(author.id())) {
      throw new SubmissionException.NotAuthor(id);
    }
    if (s.state() != SubmissionState.PENDING) {
      throw new SubmissionException.WrongState(
          id, s.state(), "only a pending submission can be updated to the current record");
    }
    Rebase r = rebase(s).orElseThrow(() -> new SubmissionException.UpToDate(id));
    if (seen != null && seen != r.currentRevision()) {
      throw new CatalogException.Conflict(s.recordId(), seen, r.currentRevision());
    }
    List<Problem> problems = new ArrayList<>();
    for (String field : r.bothChanged()) {
      if (choices.get(field) == null) {
        problems.add(Problem.of("choices." + field, "submission.problem.chooseValue", field));
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("submission", problems);
    }
    ObjectNode record = r.record().deepCopy();
    JsonNode now = asJson(catalog.get(s.recordId()));
    List<String> kept = new ArrayList<>();
    List<String> took = new ArrayList<>();
    for (String field : r.bothChanged()) {
      if (choices.get(field) == RebaseChoice.MINE) {
        kept.add(field);
      } else {
        took.add(field);
        JsonNode value = now.get(field);
        if (value == null || value.isNull()) {
          record.remove(field);
        } else {
          record.set(field, value.deepCopy());
        }
      }
    }
    record.remove("id");
    ObjectNode body = json.createObjectNode();
    body.put("action", Action.UPDATE.wire());
    body.put("recordId", s.recordId());
    body.put("baseRevision", r.currentRevision());
    body.set("record", record);
    // Checked as any proposal is: the record moved on meanwhile is a conflict, and a rebase that
    // leaves nothing to change (every value the record's now) is refused as changing nothing.
    Draft draft = draft(body);
    mayPropose.accept(draft);
    Instant at = clock.instant();
    Submission next = s.rebased(draft.baseRevision(), draft.record(), at);
    SubmissionRebase logged =
        new SubmissionRebase(
            0, r.baseRevision(), r.currentRevision(), author.email(), at, kept, took);
    if (!store.rebase(next, s.version(), logged)) {
      throw new SubmissionException.WrongState(id, get(id).state(), "it changed meanwhile");
    }
    return next;
  }

  /** Every time its author brought the submission up to date, oldest first. */
  public List<SubmissionRebase> rebases(String id) {
    return store.rebases(get(id).id());
  }

  /**
   * A change submission set on the record as it is now: the record moved on since the submission's
   * base revision. {@code record} is the submission's record with every field the author left as it
   * was at the base revision taken from the record as it is now; {@code changed} names the fields
   * changed in the record since the base revision, {@code bothChanged} those of them the author
   * changed too, where the author's value is kept (and must be looked at).
   */
  public record Rebase(
      int baseRevision,
      int currentRevision,
      ObjectNode record,
      List<String> changed,
      List<String> bothChanged) {}

  /**
   * The submission rebased on the record's current revision ({@link Rebase}); empty when it is not
   * a change, or the record has not moved on (or is gone).
   */
  public java.util.Optional<Rebase> rebase(Submission s) {
    if (s.kind() != SubmissionKind.RECORD
        || s.action() != Action.UPDATE
        || s.baseRevision() == null) {
      return java.util.Optional.empty();
    }
    return rebase(s.recordId(), s.baseRevision(), (ObjectNode) asJson(s.record()));
  }

  /**
   * A proposed change of {@code recordId} ({@code proposed}: the record as proposed, as JSON) made
   * on {@code baseRevision}, rebased on the record's current revision ({@link Rebase}); empty when
   * the record has not moved on (or is gone).
   */
  public java.util.Optional<Rebase> rebase(String recordId, int baseRevision, ObjectNode proposed) {
    Standard current = catalog.find(recordId).orElse(null);
    if (current == null || current.revision() == baseRevision) {
      return java.util.Optional.empty();
    }
    // The value of each field at the base revision: the old value of its first change after it.
    java.util.Map<String, String> atBase = new java.util.LinkedHashMap<>();
    for (org.aisx.catalog.HistoryEvent e : catalog.history(recordId)) {
      if (e.revision() > baseRevision
          && e.field() != null
          && !NOT_SUBMITTED.contains(e.field())
          && (e.kind() == org.aisx.catalog.HistoryEvent.Kind.FIELD_CHANGED
              || e.kind() == org.aisx.catalog.HistoryEvent.Kind.STATUS_CHANGED
              || e.kind() == org.aisx.catalog.HistoryEvent.Kind.CLASSIFIED)) {
        // Events come oldest first; the first one after the base holds the base's value, which
        // may be null (the field was empty): putIfAbsent would let a later event replace it.
        if (!atBase.containsKey(e.field())) {
          atBase.put(e.field(), e.oldValue());
        }
      }
    }
    ObjectNode record = proposed.deepCopy();
    JsonNode now = asJson(current);
    List<String> changed = new ArrayList<>();
    List<String> both = new ArrayList<>();
    for (java.util.Map.Entry<String, String> e : atBase.entrySet()) {
      String field = e.getKey();
      JsonNode nowValue = now.get(field);
      if (java.util.Objects.equals(Catalog.historyText(nowValue), e.getValue())) {
        continue; // changed and changed back
      }
      changed.add(field);
      if (java.util.Objects.equals(Catalog.historyText(record.get(field)), e.getValue())) {
        if (nowValue == null || nowValue.isNull()) {
          record.remove(field);
        } else {
          record.set(field, nowValue.deepCopy());
        }
      } else if (!java.util.Objects.equals(
          Catalog.historyText(record.get(field)), Catalog.historyText(nowValue))) {
        both.add(field);
      }
    }
    return java.util.Optional.of(
        new Rebase(
            baseRevision, current.revision(), record, List.copyOf(changed), List.copyOf(both)));
  }

  /**
   * Another open submission on the same record as the one asked about: {@code fields} are the
   * record fields it changes in the record as it is now ({@link #changes}), {@code overlapping}
   * those of them the one asked about changes too.
   */
  public record Competing(Submission submission, List<String> fields, List<String> overlapping) {}

  /** Whether {@code s} is still open: pending, or waiting for its author's changes. */
  public static boolean isOpen(Submission s) {
    return s.state() == SubmissionState.PENDING || s.state() == SubmissionState.CHANGES_REQUESTED;
  }

  /** Every open submission ({@link #isOpen}), oldest first. */
  public List<Submission> open() {
    List<Submission> all = new ArrayList<>(store.byState(SubmissionState.PENDING, LIST_LIMIT));
    all.addAll(store.byState(SubmissionState.CHANGES_REQUESTED, LIST_LIMIT));
    all.sort(java.util.Comparator.comparing(Submission::created));
    return all;
  }

  /**
   * The other open submissions on the record {@code s} creates or changes, oldest first: whichever
   * of them is approved first changes the record, and the others must then be brought up to date on
   * it before they can be approved. None when {@code s} is itself decided or proposes a learning
   * resource.
   */
  public List<Competing> competing(Submission s) {
    return competing(s, open());
  }

  /** {@link #competing(Submission)} among {@code open}, the open submissions read once. */
  public List<Competing> competing(Submission s, List<Submission> open) {
    List<Submission> others = rivals(s, open);
    if (others.isEmpty()) {
      return List.of();
    }
    List<String> mine = changes(s);
    List<Competing> out = new ArrayList<>();
    for (Submission o : others) {
      List<String> theirs = changes(o);
      out.add(new Competing(o, theirs, theirs.stream().filter(mine::contains).toList()));
    }
    return List.copyOf(out);
  }

  /**
   * How many other open submissions there are on the record of each of {@code items}, by submission
   * id; a submission without any is left out.
   */
  public java.util.Map<String, Integer> competingCounts(List<Submission> items) {
    List<Submission> open = open();
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (Submission s : items) {
      int n = rivals(s, open).size();
      if (n > 0) {
        counts.put(s.id(), n);
      }
    }
    return counts;
  }

  /** The open record submissions among {@code open} on the record of {@code s}, but itself. */
  private static List<Submission> rivals(Submission s, List<Submission> open) {
    if (s.kind() != SubmissionKind.RECORD || !isOpen(s) || s.recordId() == null) {
      return List.of();
    }
    return open.stream()
        .filter(
            o ->
                o.kind() == SubmissionKind.RECORD
                    && isOpen(o)
                    && !o.id().equals(s.id())
                    && s.recordId().equals(o.recordId()))
        .toList();
  }

  /**
   * The record fields {@code s} changes in the record as it is now, in the record's order: for a
   * change, those where its record, rebased on the record's current revision when the record moved
   * on ({@link #rebase(Submission)}: a field changed in the record since and left as it was by the
   * author is not the author's change), differs from the record; for a new record, every field it
   * fills. None for a learning resource.
   */
  public List<String> changes(Submission s) {
    if (s.kind() != SubmissionKind.RECORD || s.record() == null) {
      return List.of();
    }
    Standard current = s.action() == Action.UPDATE ? catalog.find(s.recordId()).orElse(null) : null;
    JsonNode proposed =
        current == null
            ? asJson(s.record())
            : rebase(s).<JsonNode>map(Rebase::record).orElseGet(() -> asJson(s.record()));
    JsonNode now = current == null ? null : asJson(current);
    List<String> fields = new ArrayList<>();
    for (String field : Standard.FIELDS) {
      if (field.equals("id") || NOT_SUBMITTED.contains(field)) {
        continue;
      }
      if (!java.util.Objects.equals(
          valueOf(proposed.get(field)), now == null ? null : valueOf(now.get(field)))) {
        fields.add(field);
      }
    }
    return List.copyOf(fields);
  }

  /**
   * One field of the record changed since a change submission's base revision: its value in the
   * record now and in the submission (as JSON, null when empty), whether the submission changed it
   * too ({@code conflict}: its value differs from both the base's and the record's), and the actor
   * and source of the record's latest change of it (an approved submission's source is {@code
   * submission:<id>}; an import's actor {@code import} with its feed as source).
   */
  public record FieldMoved(
      String field,
      JsonNode now,
      JsonNode proposed,
      boolean conflict,
      String actor,
      String source) {}

  /**
   * The fields of the record changed since {@code s}'s base revision ({@link Rebase#changed()}),
   * field by field: what approving it as it stands would undo, or where both changed. Empty when
   * the record has not moved on, or {@code s} is no change of a record.
   */
  public List<FieldMoved> movedSinceBase(Submission s) {
    Rebase r = rebase(s).orElse(null);
    if (r == null) {
      return List.of();
    }
    Standard current = catalog.find(s.recordId()).orElse(null);
    if (current == null) {
      return List.of();
    }
    java.util.Map<String, org.aisx.catalog.HistoryEvent> latest = new java.util.HashMap<>();
    for (org.aisx.catalog.HistoryEvent e : catalog.history(s.recordId())) {
      if (e.revision() > r.baseRevision() && e.field() != null) {
        latest.put(e.field(), e); // oldest first: the latest change wins
      }
    }
    JsonNode now = asJson(current);
    JsonNode proposed = asJson(s.record());
    List<FieldMoved> out = new ArrayList<>();
    for (String field : r.changed()) {
      out.add(
          new FieldMoved(
              field,
              valueOf(now.get(field)),
              valueOf(proposed.get(field)),
              r.bothChanged().contains(field),
              latest.containsKey(field) ? latest.get(field).actor() : null,
              latest.containsKey(field) ? latest.get(field).source() : null));
    }
    return List.copyOf(out);
  }

  public Submission get(String id) {
    return store.find(id).orElseThrow(() -> new CatalogException.NotFound("submission " + id));
  }

  /** Submissions in {@code state} (null: all), oldest first: the review queue. */
  public List<Submission> inState(SubmissionState state) {
    return store.byState(state, LIST_LIMIT);
  }

  /** {@code author}'s submissions, newest first. */
  public List<Submission> by(User author) {
    return store.byAuthor(author.id(), LIST_LIMIT);
  }

  /**
   * The standards bodies a record's submission concerns: the record's body as proposed and, for a
   * change, as it is now; none for a learning resource (it is no body's).
   */
  public List<String> bodies(Submission s) {
    if (s.kind() != SubmissionKind.RECORD || s.record() == null) {
      return List.of();
    }
    Standard current = s.action() == Action.UPDATE ? catalog.find(s.recordId()).orElse(null) : null;
    return new Draft(s.action(), s.recordId(), s.baseRevision(), s.record(), current).bodies();
  }

  /**
   * Whether {@code s} concerns a body {@code user} belongs to ({@link #bodies(Submission)}): what
   * the contributors of a body may read of one another's submissions, so that two of them do not
   * propose the same change twice. Never another body's.
   */
  public boolean ofBodiesOf(Submission s, User user) {
    return !user.bodies().isEmpty() && bodies(s).stream().anyMatch(user::belongsTo);
  }

  /**
   * The pending submissions of records of {@code user}'s bodies, by anyone (theirs too), oldest
   * first; none for an account of no body.
   */
  public List<Submission> pendingOfBodies(User user) {
    if (user.bodies().isEmpty()) {
      return List.of();
    }
    return store.byState(SubmissionState.PENDING, LIST_LIMIT).stream()
        .filter(s -> ofBodiesOf(s, user))
        .toList();
  }

  /** The longest comment a decision takes. */
  public static final int MAX_COMMENT = 5_000;

  /** Every decision coordinators made on the submission, oldest first. */
  public List<ReviewDecision> decisions(String id) {
    return store.decisions(get(id).id());
  }

  /**
   * Checks a decision's comment: at most {@link #MAX_COMMENT} characters, and required when the
   * decision asks for changes or rejects (the author must learn what to change, or why); returns it
   * stripped, null when empty. {@link CatalogException.Invalid} naming {@code comment} else.
   */
  public static String comment(Decision decision, String comment) {
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    if (note != null && note.length() > MAX_COMMENT) {
      throw new CatalogException.Invalid(
          "decision",
          List.of(Problem.of("comment", "invalid.tooLong", String.valueOf(MAX_COMMENT))));
    }
    if (note == null && decision != null && decision != Decision.APPROVE) {
      throw new CatalogException.Invalid(
          "decision", List.of(Problem.of("comment", "submission.problem.commentRequired")));
    }
    return note;
  }

  /**
   * A coordinator's decision on a pending submission, added to its decisions ({@link #decisions}).
   * Changes requested and a rejection need a comment ({@link #comment}). Approval writes the record
   * (history with {@code coordinator} as actor and the submission as source, revision bumped) and
   * the submission's new state in one transaction; a record that moved on since the submission's
   * base revision is refused with {@link CatalogException.Conflict} and nothing changes. Relations
   * the approved record claims over another body's record are held for that body's review as
   * claimed by the submission's author. A learning resource is written the same way: a new one
   * whose id was taken meanwhile is refused ({@link CatalogException.AlreadyExists}), a correction
   * replaces the resource as it is then, and one of a resource deleted meanwhile is refused ({@link
   * CatalogException.Gone}); nothing changes then.
   */
  public Submission decide(String id, Decision decision, String comment, User coordinator) {
    Submission s = get(id);
    if (s.state() != SubmissionState.PENDING) {
      throw new SubmissionException.WrongState(id, s.state(), "only a pending one can be decided");
    }
    String note = comment(decision, comment);
    Instant now = clock.instant();
    Submission next = s.decided(decision.outcome(), coordinator.email(), note, now);
    ReviewDecision logged = new ReviewDecision(0, decision, coordinator.email(), note, now);
    Runnable mark =
        () -> {
          if (!store.decide(next, s.version(), logged)) {
            throw new SubmissionException.WrongState(id, get(id).state(), "decided meanwhile");
          }
        };
    if (decision == Decision.APPROVE && s.kind() == SubmissionKind.RESOURCE) {
      // A correction replaces the resource as it is then; one deleted meanwhile is refused.
      resources.approve(
          s.resource(), s.action() == Action.UPDATE, coordinator.email(), s.source(), mark);
    } else if (decision == Decision.APPROVE) {
      // A submission sent before targets and committees were named as the catalogue writes them
      // may name a record by its id, or its committee in another spelling.
      catalog.approve(
          catalog.asCatalogued(s.record()),
          coordinator.email(),
          s.source(),
          s.expectedRevision(),
          s.author(),
          mark);
    } else {
      mark.run();
    }
    return next;
  }

  /** The required-field policy in force. */
  public FieldPolicy fieldPolicy() {
    List<FieldPolicy> all = store.policies();
    if (all.isEmpty()) {
      return FieldPolicy.DEFAULT;
    }
    FieldPolicy p = all.get(0);
    // A version saved when the policy could require fields the form cannot fill: those are not
    // required any more (else no one could submit through the form).
    List<String> fillable = p.required().stream().filter(POLICY_FIELDS::contains).toList();
    return fillable.size() == p.required().size()
        ? p
        : new FieldPolicy(p.version(), fillable, p.changedBy(), p.changed());
  }

  /** Every version of the policy, newest first. */
  public List<FieldPolicy> fieldPolicyHistory() {
    return store.policies();
  }

  /**
   * Sets which of {@link #POLICY_FIELDS} a submission must fill, as a new version by {@code by};
   * {@code basedOn} is the version the editor saw (a concurrent edit is a conflict).
   */
  public FieldPolicy setFieldPolicy(Collection<String> required, int basedOn, User by) {
    List<Problem> problems = new ArrayList<>();
    for (String f : required) {
      if (!POLICY_FIELDS.contains(f)) {
        problems.add(
            Problem.of(
                "required",
                "submission.problem.notPolicyField",
                f,
                String.join(", ", POLICY_FIELDS)));
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("field policy", problems);
    }
    FieldPolicy current = fieldPolicy();
    if (basedOn != current.version()) {
      throw new CatalogException.Conflict("field-policy", basedOn, current.version());
    }
    List<String> ordered = POLICY_FIELDS.stream().filter(required::contains).toList();
    FieldPolicy next = new FieldPolicy(current.version() + 1, ordered, by.email(), clock.instant());
    if (!store.addPolicy(next)) {
      throw new CatalogException.Conflict("field-policy", basedOn, fieldPolicy().version());
    }
    return next;
  }

  /** The record as JSON, for prefilling a form or diffing. */
  public JsonNode asJson(Standard s) {
    return json.valueToTree(s);
  }

  /** A record as JSON ({@link #asJson(Standard)}, a {@link Rebase#record()}) read back. */
  public Standard standard(JsonNode record) {
    try {
      return json.treeToValue(record, Standard.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a record does not read back: " + e.getMessage(), e);
    }
  }

  /** A proposed resource as JSON, for diffing. */
  public JsonNode asJson(Resource r) {
    return json.valueToTree(r);
  }

  private String newId() {
    byte[] b = new byte[8];
    random.nextBytes(b);
    return "sub-" + HexFormat.of().formatHex(b);
  }
}
