package org.aisx.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aisx.account.User;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.search.SuggestionSource;
import org.aisx.store.Database;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomySource;

/**
 * Standards suites (SPEC §7): reading and checking what an author sends, keeping suites, who may
 * change them, publication by coordinators, and the report of a suite against the catalogue as it
 * is now (current statuses, alerts with successors, coverage and gaps).
 */
public final class Suites {
  public static final int MAX_TITLE = 200;
  public static final int MAX_PURPOSE = 4_000;
  public static final int MAX_NOTE = 1_000;
  public static final int MAX_ATTRIBUTION = 1_000;
  public static final int MAX_MEMBERS = 300;
  public static final int MAX_LISTED = 200;

  /** The group of a member that covers none of {@link ConcernGroup}'s concerns. */
  public static final String OTHER = "other";

  /** How many replaced-by links are followed to a current successor. */
  private static final int MAX_HOPS = 8;

  private final SuiteStore store;
  private final Catalog catalog;
  private final SuggestionSource suggested;
  private final TaxonomySource taxonomy;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Suites(
      SuiteStore store,
      Catalog catalog,
      SuggestionSource suggested,
      TaxonomySource taxonomy,
      Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.suggested = suggested;
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  /** Suites in {@code db}, the catalogue's database. */
  public static Suites overSql(
      Database db,
      Catalog catalog,
      SuggestionSource suggested,
      TaxonomySource taxonomy,
      ObjectMapper json,
      Clock clock) {
    return new Suites(new SqlSuiteStore(db, json), catalog, suggested, taxonomy, clock);
  }

  /** A new suite and, for an anonymous author, its edit key (shown once, never stored). */
  public record Created(Suite suite, String editKey) {}

  /**
   * Reads a suite as the API sends it ({@code title}, {@code purpose}, {@code vertical}, {@code
   * concern}, {@code members: [{id, note, group}]}, {@code attribution}); every problem names its
   * field. What the JSON export of a suite holds reads back as the same suite: its attribution (the
   * credit its source data's licence asks for) is kept, and a member's group {@code other} (no
   * concern group) is no group.
   */
  /** The fields of a suite's content, as {@link #read} takes them. */
  static final List<String> FIELDS =
      List.of("title", "purpose", "verticals", "concerns", "attribution", "members");

  /**
   * What the API answers about a suite besides its content (its state, alerts and coverage): set
   * aside when a client sends back what it read.
   */
  private static final Set<String> ANSWERED =
      Set.of(
          "id",
          "published",
          "publishedVersion",
          "unpublishedChanges",
          "version",
          "created",
          "updated",
          "alerts",
          "coverage",
          "gaps",
          "edition",
          "links",
          "editKey");

  public Content read(JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      throw new CatalogException.Invalid("suite", List.of(Problem.of("body", "invalid.notRecord")));
    }
    JsonNode titleNode = body.get("title");
    String title = null;
    if (titleNode != null && !titleNode.isNull() && !titleNode.isTextual()) {
      problems.add(Problem.notString("title", titleNode));
    } else {
      title = title(titleNode == null ? null : titleNode.asText(null), problems);
    }
    String purpose = text(body, "purpose", MAX_PURPOSE, problems);
    String attribution = text(body, "attribution", MAX_ATTRIBUTION, problems);
    List<String> verticals = concepts(body, "verticals", Dimension.VERTICAL, problems);
    List<String> concerns = concepts(body, "concerns", Dimension.CONCERN, problems);
    // A misspelt field ("vertical", as the suggestion's request names it) would otherwise be a
    // suite
    // for no sector, silently; what a GET answers besides the content may be sent back as read.
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!FIELDS.contains(name) && !ANSWERED.contains(name)) {
                problems.add(Problem.of(name, "invalid.unknownFieldOf", String.join(", ", FIELDS)));
              }
            });
    List<Member> members = new ArrayList<>();
    JsonNode list = body.get("members");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        problems.add(Problem.of("members", "invalid.notList"));
      } else if (list.size() > MAX_MEMBERS) {
        problems.add(Problem.of("members", "problem.moreThanMembers", String.valueOf(MAX_MEMBERS)));
      } else {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          Member m = member(list.get(i), "members[" + i + "]", problems);
          if (m != null && !seen.add(m.id())) {
            problems.add(Problem.of("members[" + i + "].id", "suite.problem.listedTwice"));
          } else if (m != null) {
            members.add(m);
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("suite", problems);
    }
    return cleaned(new Content(title, purpose, verticals, concerns, members, attribution));
  }

  /**
   * {@code c} with its purpose, member notes and attribution cleaned as a record's texts are
   * ({@link PlainText}: control and direction-override characters and markup out; the purpose and
   * notes keep their line breaks): what people type reaches every page and export the same way
   * whether it came by the API or a form.
   */
  private static Content cleaned(Content c) {
    List<Member> members = new ArrayList<>();
    for (Member m : c.members()) {
      String note = multiline(m.note());
      members.add(java.util.Objects.equals(note, m.note()) ? m : m.withCleanedNote(note));
    }
    return new Content(
        c.title(),
        multiline(c.purpose()),
        c.verticals(),
        c.concerns(),
        members,
        PlainText.line(c.attribution()));
  }

  private static String multiline(String text) {
    return PlainText.clean(text, PlainText.Field.ABSTRACT, PlainText.Markup.TEXT);
  }

  private Member member(JsonNode node, String field, List<Problem> problems) {
    if (node == null || !node.isObject()) {
      problems.add(Problem.of(field, "suite.problem.memberNotObject"));
      return null;
    }
    JsonNode idNode = node.get("id");
    if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
      problems.add(Problem.of(field + ".id", "invalid.required"));
      return null;
    }
    String id = idNode.asText().strip();
    Optional<Standard> record = catalog.find(id);
    if (record.isEmpty()) {
      problems.add(Problem.of(field + ".id", "suite.problem.notInCatalogue"));
      return null;
    }
    String note = text(node, "note", MAX_NOTE, problems, field + ".note");
    Reason reason = reason(node.get("reason"), field + ".reason", problems);
    String replaces =
        PlainText.line(text(node, "replaces", MAX_TITLE, problems, field + ".replaces"));
    String group = text(node, "group", 40, problems, field + ".group");
    if (OTHER.equals(group)) {
      group = null; // as the export shows a member in no concern group
    }
    if (group != null && ConcernGroup.fromId(group).isEmpty()) {
      problems.add(Problem.of(field + ".group", "suite.problem.notConcernGroup"));
    }
    return new Member(id, record.get().identifier(), note, group, reason, replaces);
  }

  /**
   * A member's {@code reason} as the API answers it ({@code words}, {@code similarity}, {@code
   * coming}; its {@code text}, the reason said in the language asked for, is said again in each
   * reader's language and not read): null when there is none, problems named by their field.
   */
  private static Reason reason(JsonNode node, String field, List<Problem> problems) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(Problem.of(field, "invalid.notObject"));
      return null;
    }
    int before = problems.size();
    List<String> words = new ArrayList<>();
    JsonNode w = node.get("words");
    if (w != null && !w.isNull()) {
      if (!w.isArray()) {
        problems.add(Problem.of(field + ".words", "invalid.notList"));
      } else if (w.size() > Reason.MAX_WORDS) {
        problems.add(
            Problem.of(field + ".words", "invalid.tooMany", String.valueOf(Reason.MAX_WORDS)));
      } else {
        for (int i = 0; i < w.size(); i++) {
          String word = w.get(i).isTextual() ? PlainText.line(w.get(i).asText()) : null;
          if (word == null || word.length() > 100) {
            problems.add(Problem.of(field + ".words[" + i + "]", "invalid.notNonEmptyString"));
          } else {
            words.add(word);
          }
        }
      }
    }
    Double similarity = null;
    JsonNode sim = node.get("similarity");
    if (sim != null && !sim.isNull()) {
      if (!sim.isNumber() || sim.asDouble() < 0 || sim.asDouble() > 1) {
        problems.add(Problem.of(field + ".similarity", "invalid.notScore"));
      } else {
        similarity = sim.asDouble();
      }
    }
    JsonNode coming = node.get("coming");
    if (coming != null && !coming.isNull() && !coming.isBoolean()) {
      problems.add(Problem.of(field + ".coming", "invalid.notBoolean", coming.toString()));
    }
    if (problems.size() > before) {
      return null;
    }
    return new Reason(words, similarity, coming != null && coming.asBoolean(false));
  }

  private static String text(JsonNode body, String name, int max, List<Problem> problems) {
    return text(body, name, max, problems, name);
  }

  private static String text(
      JsonNode body, String name, int max, List<Problem> problems, String field) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      problems.add(Problem.notString(field, v));
      return null;
    }
    String s = v.asText().strip();
    if (s.length() > max) {
      problems.add(Problem.of(field, "invalid.tooLong", String.valueOf(max)));
      return null;
    }
    return s.isEmpty() ? null : s;
  }

  private List<String> concepts(JsonNode body, String name, Dimension dim, List<Problem> problems) {
    JsonNode v = body.get(name);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      problems.add(Problem.of(name, "suite.problem.notConceptList", dim.id()));
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < v.size(); i++) {
      String c = v.get(i).asText("");
      if (!taxonomy.current().contains(dim, c)) {
        problems.add(Problem.of(name + "[" + i + "]", "problem.notConceptOfTaxonomy", dim.id()));
      } else {
        out.add(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * A suite's title as it is kept: one line of clean text ({@link PlainText#line}, the catalogue's
   * cleaner of one-line fields: no control characters, no direction controls, no markup, spaces
   * collapsed); a title missing or blank is refused as required, one that nothing is left of once
   * cleaned ({@code "\u0007\u202e"}) as such, naming {@code title}.
   */
  private static String title(String raw, List<Problem> problems) {
    String title = PlainText.line(raw);
    if (title == null) {
      problems.add(
          Problem.of(
              "title", raw == null || raw.isBlank() ? "invalid.required" : "invalid.nothingLeft"));
    } else if (title.length() > MAX_TITLE) {
      problems.add(Problem.of("title", "invalid.tooLong", String.valueOf(MAX_TITLE)));
      return null;
    }
    return title;
  }

  /**
   * Checks a content built by a form as {@link #read} checks the API's; the content to keep, its
   * title cleaned as {@link #read} cleans it.
   */
  public Content check(Content c) {
    List<Problem> problems = new ArrayList<>();
    String title = title(c.title(), problems);
    if (c.purpose() != null && c.purpose().length() > MAX_PURPOSE) {
      problems.add(Problem.of("purpose", "invalid.tooLong", String.valueOf(MAX_PURPOSE)));
    }
    if (c.members().size() > MAX_MEMBERS) {
      problems.add(Problem.of("members", "problem.moreThanMembers", String.valueOf(MAX_MEMBERS)));
    }
    for (int i = 0; i < c.members().size(); i++) {
      String note = c.members().get(i).note();
      if (note != null && note.length() > MAX_NOTE) {
        problems.add(
            Problem.of("members[" + i + "].note", "invalid.tooLong", String.valueOf(MAX_NOTE)));
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("suite", problems);
    }
    return cleaned(c.withTitle(title));
  }

  /** Stores a new suite, owned by {@code owner}, or, for the public (null), with an edit key. */
  public Created create(Content content, User owner) {
    String key = owner == null ? token(24) : null;
    var now = clock.instant();
    Suite s =
        new Suite(
            token(9),
            content,
            owner == null ? null : owner.id(),
            key == null ? null : hash(key),
            false,
            0,
            1,
            now,
            now);
    store.insert(s);
    return new Created(s, key);
  }

  /** Stores a curated suite as published by {@code by}, with its first publication. */
  public Suite createPublished(String id, Content content, String by) {
    var now = clock.instant();
    Suite draft = new Suite(id, content, null, null, false, 0, 1, now, now);
    store.insert(draft);
    Suite published = draft.publishedAt(now);
    store.publish(published, 1, new Publication(1, content, by, now));
    return published;
  }

  /** The suite; {@link CatalogException.NotFound} when there is none. */
  public Suite get(String id) {
    return find(id).orElseThrow(() -> new CatalogException.NotFound("suite " + id));
  }

  public Optional<Suite> find(String id) {
    if (id == null || id.length() > 40) {
      return Optional.empty();
    }
    return store.find(id);
  }

  /** Whether {@code user} owns the suite or {@code key} is its edit key. */
  public boolean mayEdit(Suite s, User user, String key) {
    if (user != null && user.id().equals(s.ownerId())) {
      return true;
    }
    return key != null
        && s.keyHash() != null
        && MessageDigest.isEqual(
            hash(key).getBytes(StandardCharsets.UTF_8),
            s.keyHash().getBytes(StandardCharsets.UTF_8));
  }

  /** Thrown when a suite moved on from the version a change was based on. */
  public static final class Stale extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int current;

    Stale(int current) {
      super("the suite is at version " + current);
      this.current = current;
    }

    public int current() {
      return current;
    }
  }

  /** Replaces the content of a suite still at {@code expectedVersion}; else {@link Stale}. */
  public Suite save(String id, Content content, int expectedVersion) {
    Suite current = get(id);
    if (current.version() != expectedVersion) {
      throw new Stale(current.version());
    }
    Suite next = current.changed(content, clock.instant());
    if (!store.update(next, expectedVersion)) {
      throw new Stale(get(id).version());
    }
    return next;
  }

  public void delete(String id) {
    delete(id, null);
  }

  /**
   * Deletes a suite still at {@code expectedVersion} (null: at any version); else {@link Stale}, as
   * a change made on a version that moved on is.
   */
  public void delete(String id, Integer expectedVersion) {
    if (!store.delete(id, expectedVersion)) {
      Suite now = store.find(id).orElseThrow(() -> new CatalogException.NotFound("suite " + id));
      throw new Stale(now.version());
    }
  }

  /** Publishes the suite as it is now: listed on /suites, a new publication in its history. */
  public Suite publish(String id, User by) {
    Suite current = get(id);
    Suite next = current.publishedAt(clock.instant());
    Publication p =
        new Publication(next.publishedVersion(), next.content(), by.email(), next.updated());
    if (!store.publish(next, current.version(), p)) {
      throw new Stale(get(id).version());
    }
    return next;
  }

  /**
   * The suite as the public sees it: a published suite as it was last published (what its editors
   * changed since is a draft until a coordinator publishes again); an unpublished one as it is.
   */
  public Suite asPublished(Suite s) {
    if (!s.published() || s.publishedVersion() == 0) {
      return s;
    }
    return store.publication(s.id(), s.publishedVersion()).map(s::showing).orElse(s);
  }

  /** Whether a published suite was changed since its latest publication. */
  public boolean hasDraft(Suite s) {
    return s.published() && !asPublished(s).content().equals(s.content());
  }

  public List<Publication> history(String id) {
    return store.publications(get(id).id());
  }

  public List<Suite> ownedBy(User user) {
    return store.byOwner(user.id(), MAX_LISTED);
  }

  public List<Suite> published() {
    return store.published(MAX_LISTED);
  }

  /**
   * Which state of the suite a caller is shown ({@link Edition}): to its editors ({@code
   * workingCopy}) the suite as it is, at its version and last change, and the publication it still
   * is when nothing changed since; to everyone else a published suite's latest publication, when it
   * was published (the working copy's version does not name what they see), an unpublished suite as
   * it is.
   */
  public Edition edition(Suite stored, boolean workingCopy) {
    if (!workingCopy && stored.published() && stored.publishedVersion() > 0) {
      Optional<Publication> p = store.publication(stored.id(), stored.publishedVersion());
      if (p.isPresent()) {
        // Its version names what they see only while its editors have changed nothing since.
        return new Edition(
            hasDraft(stored) ? null : stored.version(), p.get().version(), p.get().publishedAt());
      }
    }
    Integer publication =
        stored.published() && stored.publishedVersion() > 0 && !hasDraft(stored)
            ? stored.publishedVersion()
            : null;
    return new Edition(stored.version(), publication, stored.updated());
  }

  /** The suite against the catalogue as it is now. */
  public Report report(Suite s) {
    List<Member> members = s.content().members();
    Map<String, Standard> records = catalog.findAll(members.stream().map(Member::id).toList());
    List<Report.Resolved> resolved = new ArrayList<>();
    List<Report.Alert> alerts = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      Standard r = records.get(m.id());
      List<String> concepts = r == null ? List.of() : concepts(r);
      resolved.add(new Report.Resolved(i, m, r, group(m, r, concepts), concepts));
      if (r == null) {
        alerts.add(new Report.Alert("missing", m.id(), m.identifier(), null));
      } else if (!r.status().isCurrent()) {
        alerts.add(
            new Report.Alert(
                r.status().wire(), m.id(), r.identifier(), catalog.successor(r).orElse(null)));
      } else {
        // Current by its own status, but a current record replaces it (its body's new edition, or
        // another body's replacement once approved): its record page says superseded, and so
        // does the suite.
        catalog
            .successor(r)
            .filter(next -> next.status().isCurrent())
            .ifPresent(
                next ->
                    alerts.add(
                        new Report.Alert(Status.SUPERSEDED.wire(), m.id(), r.identifier(), next)));
      }
    }
    List<Report.Coverage> concerns = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    Set<String> named = new LinkedHashSet<>();
    // The concerns of every AI system, and those the suite is for (the user's, and those its
    // description pointed to when it was suggested).
    for (ConcernGroup g : ConcernGroup.values()) {
      if (g.everySystem()) {
        named.add(g.id());
      }
    }
    named.addAll(s.content().concerns());
    for (var c : taxonomy.current().dimension(Dimension.CONCERN).concepts().values()) {
      List<String> covering = covering(resolved, c.id());
      if (named.contains(c.id()) || !covering.isEmpty()) {
        concerns.add(new Report.Coverage(c.id(), covering));
        if (covering.isEmpty()) {
          gaps.add(c.id());
        }
      }
    }
    List<Report.Coverage> verticals = new ArrayList<>();
    for (String v : s.content().verticals()) {
      verticals.add(new Report.Coverage(v, covering(resolved, v)));
    }
    return new Report(s, resolved, alerts, concerns, verticals, gaps);
  }

  /**
   * The members that cover {@code concept}: current work (in force, or a draft) that carries it or
   * was put in its group. A member withdrawn, superseded or replaced covers nothing: its alert says
   * so, and the concern it alone covered is a gap until it is swapped for its successor.
   */
  private static List<String> covering(List<Report.Resolved> members, String concept) {
    List<String> out = new ArrayList<>();
    for (Report.Resolved m : members) {
      if (!m.inCatalogue() || !m.record().status().isCurrent()) {
        continue;
      }
      if (m.concepts().contains(concept) || concept.equals(m.member().group())) {
        out.add(m.member().id());
      }
    }
    return out;
  }

  /** The record's concerns and sectors, confirmed and suggested. */
  List<String> concepts(Standard r) {
    Set<String> out = new LinkedHashSet<>(r.concerns());
    out.addAll(r.verticals());
    Map<String, List<String>> machine = suggested.suggestedFor(r);
    out.addAll(machine.getOrDefault(Dimension.CONCERN.id(), List.of()));
    out.addAll(machine.getOrDefault(Dimension.VERTICAL.id(), List.of()));
    return List.copyOf(out);
  }

  /**
   * Whether the record names {@code concern} itself: people confirmed it, or the machine suggests
   * it from a sentence that names it (not from meaning alone).
   */
  boolean names(Standard r, String concern) {
    return r.concerns().contains(concern)
        || suggested.namedFor(r).getOrDefault(Dimension.CONCERN.id(), List.of()).contains(concern);
  }

  /** The group a member is shown in: the one it was put in, else its first concern group. */
  private static String group(Member m, Standard r, List<String> concepts) {
    if (m.group() != null) {
      return m.group();
    }
    for (ConcernGroup g : ConcernGroup.values()) {
      if (g.isConcern() && concepts.contains(g.id())) {
        return g.id();
      }
    }
    if (r != null && r.verticals().stream().anyMatch(v -> !v.equals("cross-sector"))) {
      return ConcernGroup.SECTOR.id();
    }
    return OTHER;
  }

  /**
   * The content with the member {@code memberId} replaced by {@code successorId} in its place. The
   * successor says that it replaces the old member ({@link Member#replaces}, the old identifier:
   * each reader is told it in their language) and keeps the old member's note and reason, which
   * were about the old record and are said as such. An old member that replaced another already
   * names that one: the successor's note is then the old member's note as the editor reads it
   * ({@code asRead}, cut to {@link #MAX_NOTE}), since a member names the one record it replaces.
   * The old member's concern group is kept only when the successor carries that concern itself
   * (confirmed or suggested; for the sector group, a sector), so that coverage never credits the
   * successor with a concern it does not have; else the successor is grouped by its own concerns. A
   * successor that is a member already stays where it is, and the old member goes.
   */
  public Content swap(Content c, String memberId, String successorId, String asRead) {
    Standard successor = catalog.get(successorId);
    List<Member> out = new ArrayList<>();
    boolean present = c.members().stream().anyMatch(m -> m.id().equals(successorId));
    for (Member m : c.members()) {
      if (m.id().equals(memberId)) {
        if (!present) {
          String group = m.group() != null && carries(successor, m.group()) ? m.group() : null;
          String was = m.identifier() == null ? m.id() : m.identifier();
          out.add(
              m.replaces() == null
                  ? new Member(
                      successor.id(), successor.identifier(), m.note(), group, m.reason(), was)
                  : new Member(
                      successor.id(), successor.identifier(), cut(asRead), group, null, was));
        }
      } else {
        out.add(m);
      }
    }
    return c.withMembers(out);
  }

  private static String cut(String note) {
    return note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…";
  }

  /** Whether the record carries the concern of {@code group}, or a sector for the sector group. */
  boolean carries(Standard r, String group) {
    if (ConcernGroup.SECTOR.id().equals(group)) {
      Set<String> sectors = new LinkedHashSet<>(r.verticals());
      sectors.addAll(suggested.suggestedFor(r).getOrDefault(Dimension.VERTICAL.id(), List.of()));
      sectors.remove("cross-sector");
      return !sectors.isEmpty();
    }
    Set<String> concerns = new LinkedHashSet<>(r.concerns());
    concerns.addAll(suggested.suggestedFor(r).getOrDefault(Dimension.CONCERN.id(), List.of()));
    return concerns.contains(group);
  }

  /**
   * The member for the record {@code idOrIdentifier} names: its id ({@code iso-iec-22989-2022}) or
   * its identifier as people type it ({@code ISO/IEC 22989:2022}, {@code ISO/IEC 42005}: the
   * edition in force of the publication it names, as {@link Catalog#named} reads it); else a 400
   * naming {@code record}.
   */
  public Member memberFor(String idOrIdentifier, String note, String group) {
    Standard r =
        catalog
            .named(idOrIdentifier)
            .orElseThrow(
                () ->
                    CatalogException.BadParameter.of(
                        "record",
                        "problem.noRecordNamed",
                        idOrIdentifier.length() > 80
                            ? idOrIdentifier.substring(0, 80) + "…"
                            : idOrIdentifier));
    return new Member(r.id(), r.identifier(), note, group);
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
