package org.aisx.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.editions.SeriesLinks;
import org.aisx.editions.Twins;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/**
 * What the jte templates render: one record per page, with the small helpers the markup needs; the
 * API's JSON counterpart is {@link ApiViews}, the submission pages' models {@link
 * SubmissionPageModels}.
 */
public final class PageModels {
  private PageModels() {}

  /** The frame of every page: language, title, and links to the same page in other languages. */
  public record Layout(
      Messages t,
      String title,
      String path,
      String query,
      List<String> languages,
      Viewer viewer,
      String feed,
      int refreshSeconds) {
    public Layout(
        Messages t,
        String title,
        String path,
        String query,
        List<String> languages,
        Viewer viewer) {
      this(t, title, path, query, languages, viewer, null, 0);
    }

    /** The same frame announcing an Atom feed of the page ({@code <link rel="alternate">}). */
    public Layout withFeed(String feedUrl) {
      return new Layout(t, title, path, query, languages, viewer, feedUrl, refreshSeconds);
    }

    /**
     * The same frame reloading itself every {@code seconds} (a page following work that runs in the
     * background, without JavaScript: {@code <meta http-equiv="refresh">}).
     */
    public Layout refreshingEvery(int seconds) {
      return new Layout(t, title, path, query, languages, viewer, feed, seconds);
    }

    /**
     * The path of a request as a link on this site: "//evil.example/search" (which a browser reads
     * as another host) and "/\\evil.example" become "/evil.example/search" and "/evil.example".
     */
    static String sitePath(String raw) {
      return "/" + raw.replaceFirst("^[/\\\\]+", "");
    }

    /** Whether the page lists search results, and so offers a link that skips to them. */
    public boolean hasResults() {
      return path.equals("/") || path.equals("/search");
    }

    /** The sign-in page, coming back here afterwards. */
    public String signInUrl() {
      if (path.equals("/signin") || path.equals("/signout")) {
        return "/signin";
      }
      return "/signin?next=" + enc(path + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    public String roleLabel() {
      return viewer == null ? "" : t.get("role." + viewer.role());
    }

    public String langUrl(String lang) {
      String rest =
          query == null ? "" : query.replaceAll("(^|&)lang=[^&]*", "").replaceAll("^&", "");
      return path + "?" + (rest.isEmpty() ? "" : rest + "&") + "lang=" + lang;
    }

    public String languageName(String lang) {
      return t.get("language." + lang);
    }
  }

  /**
   * A page about the site (about, accessibility statement, data licences); {@code contact}: where
   * to report a problem, an e-mail address or a web address, or null when the operator names none.
   */
  public record SitePage(Layout layout, String contact) {
    public Messages t() {
      return layout.t();
    }

    /** The contact as a link target: a web address as it is, an e-mail address as mailto:. */
    public String contactHref() {
      if (contact == null) {
        return null;
      }
      return contact.startsWith("https://") || contact.startsWith("http://")
          ? contact
          : "mailto:" + contact;
    }
  }

  /** One facet and its values for the filter panel. */
  /**
   * One facet of the search page; {@code capped} when the answer listed as many values as a facet
   * lists ({@link Facet#listed}), so that others may exist beyond them.
   */
  public record FacetView(
      String id, String label, List<FacetValue> values, boolean active, boolean capped) {}

  /**
   * One value of a facet, with its count under the current search ({@link #UNCOUNTED} for a ticked
   * value the counts do not list); a committee's with its title in the register (null: none).
   */
  public record FacetValue(String value, String label, String title, long count, boolean selected) {
    public static final long UNCOUNTED = -1;
  }

  /** The search page. */
  public record SearchPage(
      Layout layout,
      SearchRequest request,
      SearchResult result,
      List<FacetView> facets,
      Taxonomy taxonomy,
      String query,
      Map<String, List<org.aisx.classify.Classification.Reason>> reasons) {

    /**
     * Results on a search page when {@code size} does not say: the filter form carries another
     * size, as it carries the mode, so that ticking a filter keeps them.
     */
    public static final int DEFAULT_SIZE = 20;

    public Messages t() {
      return layout.t();
    }

    /** Why the hit {@code id} matched the ticked taxonomy filters (empty when none is ticked). */
    public List<org.aisx.classify.Classification.Reason> reasonsFor(String id) {
      return reasons.getOrDefault(id, List.of());
    }

    public long lastPage() {
      return Math.max(
          1,
          Math.min(
              (result.total() + request.size() - 1) / request.size(),
              SearchRequest.MAX_WINDOW / request.size()));
    }

    public long firstShown() {
      return result.total() == 0 ? 0 : (long) (request.page() - 1) * request.size() + 1;
    }

    public long lastShown() {
      return Math.min(result.total(), (long) request.page() * request.size());
    }

    /** This search with {@code page} changed. */
    public String pageUrl(long page) {
      return "/search?" + with("page", Long.toString(page));
    }

    /**
     * The Atom feed of this search: the same search, without paging and order and without what the
     * feed does not take (a shared link's tracking parameter, which the page ignores and the feed
     * refuses).
     */
    public String feedUrl() {
      return feedUrl(query);
    }

    static String feedUrl(String query) {
      List<String> kept = new java.util.ArrayList<>();
      if (query != null) {
        for (String pair : query.split("&")) {
          String name = pair.split("=", 2)[0];
          if (SearchParams.feedParameter(name)) {
            kept.add(pair);
          }
        }
      }
      return "/feeds/search.atom" + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** This search with {@code sort} changed, back on page 1. */
    public String sortUrl(String sort) {
      return "/search?" + with("sort", sort).replaceAll("(^|&)page=[^&]*", "").replaceAll("^&", "");
    }

    /** This search without any filter of {@code facet}. */
    public String clearUrl(String facet) {
      return "/search?" + without(facet).replaceAll("(^|&)page=[^&]*", "").replaceAll("^&", "");
    }

    private String with(String name, String value) {
      String rest = without(name);
      return (rest.isEmpty() ? "" : rest + "&") + name + "=" + enc(value);
    }

    private String without(String name) {
      if (query == null || query.isEmpty()) {
        return "";
      }
      List<String> kept = new ArrayList<>();
      for (String part : query.split("&")) {
        if (!part.startsWith(name + "=") && !part.isEmpty()) {
          kept.add(part);
        }
      }
      return String.join("&", kept);
    }

    public String conceptLabel(String dimension, String id) {
      return taxonomy.label(Dimension.fromId(dimension).orElseThrow(), id, layout.t().lang());
    }

    public String typeLabel(org.aisx.search.Hit s) {
      return s.type() == null ? "" : layout.t().get("type." + s.type().wire());
    }
  }

  /** The record page. */
  public record RecordPage(
      Layout layout,
      Standard s,
      Map<String, Standard> targets,
      List<IncomingRelation> incoming,
      List<HistoryEvent> history,
      List<org.aisx.search.SearchIndex.Neighbour> related,
      Taxonomy taxonomy,
      LearnPageModels.RecordBlock learning,
      // The glossary terms the record defines or uses (GlossaryRecords.termsOf).
      List<org.aisx.glossary.Term> glossaryTerms,
      // Relations across bodies held for review, from or towards the record.
      List<org.aisx.catalog.RelationReview> reviews,
      // Whether the viewer may propose a change to the record (signed in, and for its body).
      boolean canPropose,
      // The record that follows this one when it is no longer current (Catalog.successor), or null.
      Standard successor,
      // The register's entry of the record's committee (its title), or null.
      org.aisx.committee.Committee committee,
      // The ids at the other end of the record's replacements still to come, by a draft not yet
      // published (org.aisx.editions.ReplacementsToCome).
      java.util.Set<String> toCome) {

    public Messages t() {
      return layout.t();
    }

    /**
     * The record this one is the same text of, when it is folded into it ({@link Twins}: a W3C
     * dated edition, its latest version), and the catalogue has it; else null.
     */
    public Twins.Twin sameTextAs() {
      return TwinsInCatalogue.sameTextAs(s, targets);
    }

    /**
     * The records of the catalogue folded into this one, the same document under another identifier
     * ({@link Twins}), which lists show as this record.
     */
    public List<Twins.Twin> alsoPublishedAs() {
      return TwinsInCatalogue.alsoPublishedAs(s, targets);
    }

    /**
     * Whether the record reads as current: its status says so, and no other body's relation that
     * replaces it has been approved by its body or a coordinator.
     */
    public boolean current() {
      return (s.status() == null || s.status().isCurrent()) && approvedReplacement() == null;
    }

    /** The banner's message: the record's own status, or superseded by an approved replacement. */
    public String bannerKey() {
      return s.status() == null || s.status().isCurrent()
          ? "record.banner.superseded"
          : "record.banner." + s.status().wire();
    }

    /**
     * The newest approved relation of another body that replaces this record: the decision of the
     * record's own body (or a coordinator), so it names the current edition before anything else.
     */
    private org.aisx.catalog.RelationReview approvedReplacement() {
      org.aisx.catalog.RelationReview found = null;
      for (var r : reviews) {
        if (r.targetId().equals(s.id())
            && r.type() == org.aisx.catalog.RelationType.REPLACES
            && r.state() == org.aisx.catalog.RelationReview.State.APPROVED
            && incoming.stream()
                .anyMatch(
                    in ->
                        in.sourceId().equals(r.sourceId())
                            && in.type() == org.aisx.catalog.RelationType.REPLACED_BY)
            && (found == null || r.decidedAt().isAfter(found.decidedAt()))) {
          found = r;
        }
      }
      return found;
    }

    /**
     * The review of one of the record's own relations while it is held (pending or refused): the
     * other body's record does not show it; null when it is not held.
     */
    public org.aisx.catalog.RelationReview held(org.aisx.catalog.Relation rel) {
      for (var r : reviews) {
        if (r.sourceId().equals(s.id())
            && r.type() == rel.type()
            && r.targetId().equals(rel.targetId())
            && r.state() != org.aisx.catalog.RelationReview.State.APPROVED
            && (!targets.containsKey(rel.targetId())
                || !r.shownOn(targets.get(rel.targetId()).sdo()))) {
          return r;
        }
      }
      return null;
    }

    /** Whether a history event is a decision on another body's relation towards this record. */
    public boolean relationDecision(HistoryEvent e) {
      return e.kind() == HistoryEvent.Kind.RELATION_APPROVED
          || e.kind() == HistoryEvent.Kind.RELATION_REJECTED;
    }

    /**
     * The record that replaces this one, when the catalogue knows it: another body's approved
     * replacement, else the edition the catalogue's replaced-by links lead to ({@link
     * org.aisx.catalog.Catalog#successor}: the one in force, not a replaced draft listed first).
     */
    public String successorId() {
      var approved = approvedReplacement();
      if (approved != null) {
        return approved.sourceId();
      }
      return successor == null ? null : successor.id();
    }

    public String successorIdentifier() {
      var approved = approvedReplacement();
      if (approved != null) {
        return approved.sourceIdentifier();
      }
      return successor == null ? null : successor.identifier();
    }

    public String label(Dimension dim, String id) {
      return taxonomy.label(dim, id, layout.t().lang());
    }

    /** Whether a concept the record carries has been retired from the taxonomy since. */
    public boolean retired(Dimension dim, String id) {
      return taxonomy.retired(dim, id);
    }

    /**
     * The label of one of the record's own relations: "To be replaced by" and "Will replace" for a
     * replacement a draft will make ({@link org.aisx.editions.ReplacementsToCome}), not one made.
     */
    public String relationLabel(org.aisx.catalog.Relation rel) {
      return label(rel.type(), rel.targetId());
    }

    /** The label of a relation another record holds towards this one, seen from this side. */
    public String incomingLabel(IncomingRelation in) {
      return label(in.type(), in.sourceId());
    }

    /** Whether the other end of a relation is a draft that will replace this record. */
    public boolean draftToCome(org.aisx.catalog.RelationType type, String otherId) {
      return type == org.aisx.catalog.RelationType.REPLACED_BY && toCome.contains(otherId);
    }

    private String label(org.aisx.catalog.RelationType type, String otherId) {
      return toCome.contains(otherId)
              && (type == org.aisx.catalog.RelationType.REPLACED_BY
                  || type == org.aisx.catalog.RelationType.REPLACES)
          ? layout.t().get("record.toCome." + type.wire())
          : layout.t().get("relation." + type.wire());
    }

    /** The record's own relations that are real, not series-level ({@link SeriesLinks}). */
    public List<org.aisx.catalog.Relation> mainRelations() {
      return s.relations().stream().filter(r -> !SeriesLinks.seriesLevel(s, r, targets)).toList();
    }

    /** The series-level links, shown apart and folded. */
    public List<org.aisx.catalog.Relation> seriesRelations() {
      return s.relations().stream().filter(r -> SeriesLinks.seriesLevel(s, r, targets)).toList();
    }

    /**
     * Relations other records hold towards this one, less those the record already states the same
     * way (an identical text linked from both sides shows once).
     */
    public List<IncomingRelation> incomingShown() {
      return incoming.stream()
          .filter(
              in ->
                  s.relations().stream()
                      .noneMatch(r -> r.type() == in.type() && r.targetId().equals(in.sourceId())))
          .toList();
    }

    public String definition(Dimension dim, String id) {
      return taxonomy.concept(dim, id).map(c -> c.definition(layout.t().lang())).orElse("");
    }

    public List<Dimension> dimensions() {
      return List.of(Dimension.values());
    }

    public String eventLabel(HistoryEvent e) {
      return layout.t().get("history." + e.kind().wire());
    }

    /** A changed field's values as text ({@link HistoryValues}). */
    public HistoryValues.Shown change(HistoryEvent e) {
      return HistoryValues.of(e, layout.t());
    }

    /** The field a history event changed, as the pages name it. */
    public String changedField(HistoryEvent e) {
      return HistoryValues.field(e, layout.t());
    }

    /** Who made a history event's change, as the pages name them ({@link ActorLabels#who}). */
    public String who(HistoryEvent e) {
      return ActorLabels.who(e.actor(), e.source(), layout.t());
    }

    /** The source shown beside {@link #who}; null for none ({@link ActorLabels#via}). */
    public String via(HistoryEvent e) {
      return ActorLabels.via(e.actor(), e.source(), layout.t());
    }

    public String statusClass() {
      return s.status() == null ? "unknown" : s.status().wire();
    }

    public String facetUrl(String facet, String value) {
      return "/search?" + facet + "=" + enc(value);
    }

    /** The page of the record's committee. */
    public String committeeUrl() {
      return CommitteeRoutes.url(s.committee());
    }

    /** The machine suggestions on {@code dimension} that people have not yet decided on. */
    public List<org.aisx.catalog.Suggestion> suggested(Dimension dim) {
      return s.suggestions().getOrDefault(dim.id(), List.of());
    }
  }

  /** A piece of evidence text, marked when it is one of the concept's words. */
  public record Segment(String text, boolean marked) {}

  /** The evidence sentence cut into pieces, the concept's words marked. */
  public static List<Segment> evidence(org.aisx.catalog.Suggestion s) {
    String text = s.evidence() == null ? "" : s.evidence();
    List<Segment> out = new ArrayList<>();
    if (s.terms().isEmpty() || text.isEmpty()) {
      out.add(new Segment(text, false));
      return out;
    }
    StringBuilder alternatives = new StringBuilder();
    for (String term : s.terms()) {
      alternatives
          .append(alternatives.length() == 0 ? "" : "|")
          .append(java.util.regex.Pattern.quote(term));
    }
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(alternatives.toString()).matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(new Segment(text.substring(at, m.start()), false));
      }
      out.add(new Segment(m.group(), true));
      at = m.end();
    }
    if (at < text.length()) {
      out.add(new Segment(text.substring(at), false));
    }
    return out;
  }

  /** One pending suggestion with what the queue shows of its record. */
  public record ReviewRow(
      String recordId,
      String identifier,
      String title,
      String dimension,
      org.aisx.catalog.Suggestion suggestion) {
    /** The form value naming this suggestion. */
    public String key() {
      return recordId + "|" + dimension + "|" + suggestion.concept();
    }
  }

  /** The review queue of machine suggestions. */
  public record ReviewPage(
      Layout layout,
      Taxonomy taxonomy,
      String dimension,
      String concept,
      long min,
      int page,
      String query,
      Map<String, Long> pending,
      List<ReviewRow> rows,
      boolean more,
      // Set only for a viewer who may confirm and reject (coordinators, admins).
      String csrf,
      boolean signedIn,
      org.aisx.classify.Classification.Outcome outcome,
      // The form was sent with no suggestion ticked.
      boolean nothingChosen) {
    public Messages t() {
      return layout.t();
    }

    public String label(String dimension, String concept) {
      return taxonomy.label(Dimension.fromId(dimension).orElseThrow(), concept, layout.t().lang());
    }

    public List<Dimension> dimensions() {
      return List.of(Dimension.values());
    }

    public long total() {
      return pending.values().stream().mapToLong(Long::longValue).sum();
    }

    public String pageUrl(int p) {
      return "/review/suggestions?" + query + "&page=" + p;
    }
  }

  /**
   * The overlap page: the form's values as typed, and, once asked, the basis and the result (null
   * before).
   */
  public record OverlapPage(
      Layout layout,
      String csrf,
      String record,
      String committee,
      String text,
      String sdo,
      org.aisx.semantic.Overlap.Basis basis,
      org.aisx.semantic.Overlap.Result result,
      List<String> bodies,
      List<String> committees,
      org.aisx.catalog.CatalogException.NearMiss miss) {

    public Messages t() {
      return layout.t();
    }

    /** The link that asks again with one choice of a near miss. */
    public String choiceUrl(org.aisx.catalog.CatalogException.Choice choice) {
      return "/overlap?"
          + miss.parameter()
          + "="
          + java.net.URLEncoder.encode(choice.value(), java.nio.charset.StandardCharsets.UTF_8)
          + (layout.t().lang().equals("en") ? "" : "&lang=" + layout.t().lang());
    }

    public int maxText() {
      return org.aisx.semantic.Overlap.MAX_TEXT;
    }

    /** The record the overlap is looked for, or null. */
    public Standard basisRecord() {
      return basis instanceof org.aisx.semantic.Overlap.OfRecord r ? r.record() : null;
    }

    /** The committee the overlap is looked for, or null. */
    public String basisCommittee() {
      return basis instanceof org.aisx.semantic.Overlap.OfCommittee c ? c.committee() : null;
    }

    public boolean byText() {
      return basis instanceof org.aisx.semantic.Overlap.OfText;
    }

    /** The bodies left out, for display. */
    public String excludedBodies() {
      return String.join(", ", result.excludedBodies().stream().sorted().toList());
    }

    /** The two status groups with their heading keys, drafts second. */
    public List<Group> groups() {
      return List.of(
          new Group("inforce", "overlap.inForce", result.inForce()),
          new Group("drafts", "overlap.drafts", result.drafts()));
    }
  }

  /** One status group of overlap matches. */
  public record Group(
      String id, String headingKey, List<org.aisx.semantic.Overlap.Match> matches) {}

  /** The admin upload page, with the summary of the last upload when there is one. */
  /**
   * The upload form, with the imports running or recently finished; {@code busy} is the running
   * import that refused an upload (answered 409), else null.
   */
  public record ImportPage(
      Layout layout,
      String csrf,
      List<org.aisx.ingest.ImportJobs.Job> recent,
      org.aisx.ingest.ImportJobs.Job busy) {
    public Messages t() {
      return layout.t();
    }

    /** A job's state in a few words, as the list of recent imports says it. */
    public String state(org.aisx.ingest.ImportJobs.Job job) {
      return layout.t().get("import.phase." + job.phase().wire());
    }

    /** When a job started, in the page's language (UTC). */
    public String started(org.aisx.ingest.ImportJobs.Job job) {
      return layout.t().dayAndTime(job.started());
    }
  }

  /**
   * An import running in the background: its phase and progress while it runs (the page reloads
   * itself), then the summary of what it did or the error that ended it.
   */
  public record ImportJobPage(Layout layout, org.aisx.ingest.ImportJobs.Job job) {
    public Messages t() {
      return layout.t();
    }

    /** The summary, once the import is done; null before, or when it failed or was stopped. */
    public org.aisx.ingest.ImportSummary summary() {
      return job.phase() == org.aisx.ingest.ImportJobs.Phase.DONE ? job.summary() : null;
    }

    public String fileName() {
      return job.request().fileName();
    }

    /**
     * What the status says first: while the import runs, the step it is in (or that it is
     * starting); once it ended, how.
     */
    public String heading() {
      org.aisx.ingest.ImportStep step = job.step();
      return job.phase() == org.aisx.ingest.ImportJobs.Phase.IMPORTING && step != null
          ? stepName(step)
          : layout.t().get("import.phase." + job.phase().wire());
    }

    /** The steps of an import, in order, for the page's list of them. */
    public List<org.aisx.ingest.ImportStep> steps() {
      return List.of(org.aisx.ingest.ImportStep.values());
    }

    public String stepName(org.aisx.ingest.ImportStep step) {
      return layout.t().get("import.step." + step.wire());
    }

    /** Whether the running import is in {@code step}. */
    public boolean current(org.aisx.ingest.ImportStep step) {
      return job.phase().running() && job.step() == step;
    }

    /** Whether the running import is past {@code step} (its steps come in their order). */
    public boolean past(org.aisx.ingest.ImportStep step) {
      org.aisx.ingest.ImportStep now = job.step();
      return job.phase().running() && now != null && now.compareTo(step) > 0;
    }

    /** The records processed, with how many the file has once that is known. */
    public String processed() {
      long total = job.recordsTotal();
      return total >= 0
          ? layout.t().get("import.processedOf", job.processed(), total)
          : layout.t().number(job.processed());
    }

    /**
     * The progress bar's text, what it says without its bar: the records processed while the import
     * writes them, the step's name after them.
     */
    public String progressText() {
      org.aisx.ingest.ImportStep step = job.step();
      if (step == null) {
        return layout.t().get("import.phase.starting");
      }
      if (step != org.aisx.ingest.ImportStep.RECORDS) {
        return stepName(step);
      }
      long total = job.recordsTotal();
      return total >= 0
          ? layout.t().get("import.processedSoFarOf", job.processed(), total)
          : layout.t().get("import.processedSoFar", job.processed());
    }

    /** How long the import has run, or ran, in the page's language. */
    public String elapsed() {
      long s = job.elapsed().toSeconds();
      return s < 60
          ? layout.t().get("import.seconds", s)
          : layout.t().get("import.minutes", s / 60, s % 60);
    }

    /** Why the import failed, as the importer or the store said it. */
    public String error() {
      return job.error();
    }

    /** At most 200 rejections on the page; the count above says how many there were. */
    public List<org.aisx.ingest.ImportSummary.Rejection> shownRejections() {
      List<org.aisx.ingest.ImportSummary.Rejection> all = summary().rejections();
      return all.subList(0, Math.min(200, all.size()));
    }

    private static final java.util.regex.Pattern LINE =
        java.util.regex.Pattern.compile("line (\\d+)( \\(header\\))?");
    private static final java.util.regex.Pattern RECORD =
        java.util.regex.Pattern.compile("record (\\d+)(?: \\(line (\\d+)\\))?");

    /**
     * Where a rejection is, in the page's language: the importer's places ("line 3", "line 1
     * (header)", "record 2 (line 9)", "document", "file"); anything else as the reader wrote it.
     */
    public String where(String where) {
      Messages t = layout.t();
      java.util.regex.Matcher m = LINE.matcher(where);
      if (m.matches()) {
        return t.get(m.group(2) == null ? "import.where.line" : "import.where.header", m.group(1));
      }
      m = RECORD.matcher(where);
      if (m.matches()) {
        return m.group(2) == null
            ? t.get("import.where.record", m.group(1))
            : t.get("import.where.recordLine", m.group(1), m.group(2));
      }
      return t.has("import.where." + where) ? t.get("import.where." + where) : where;
    }

    /**
     * Why a record was rejected, in the page's language, problem by problem (each after the column,
     * place or field it is about); null when the reader gave only an English text ({@link
     * org.aisx.ingest.ImportSummary.Rejection#reason}).
     */
    public String reason(org.aisx.ingest.ImportSummary.Rejection r) {
      if (r.problems().isEmpty()) {
        return null;
      }
      Messages t = layout.t();
      List<String> parts = new ArrayList<>();
      for (org.aisx.catalog.Problem p : r.problems()) {
        String f = p.field();
        String place =
            f.isEmpty()
                ? null
                : f.startsWith("column ")
                    ? t.isolating("import.column", f.substring("column ".length()))
                    : LINE.matcher(f).matches() || RECORD.matcher(f).matches()
                        ? where(f)
                        : t.fieldName(f);
        parts.add(
            place == null ? t.isolatingProblem(p) : place + t.colon() + t.isolatingProblem(p));
      }
      return t.clauses(parts);
    }

    /** Whether a rejection's reason is only known in English (not the format's own message). */
    public boolean reasonInEnglish(org.aisx.ingest.ImportSummary.Rejection r) {
      return r.problems().isEmpty() && !r.where().equals("file");
    }
  }

  /** Who is signed in, for the page header; {@code csrf} is null when there is no session. */
  public record Viewer(String email, String role, String csrf) {}

  /** The sign-in form; {@code error} is the message after a failed attempt. */
  public record SignInPage(Layout layout, String csrf, String next, String email, String error) {
    public Messages t() {
      return layout.t();
    }
  }

  /** The sign-out confirmation. */
  public record SignOutPage(Layout layout) {
    public Messages t() {
      return layout.t();
    }
  }

  /** An error page. */
  /**
   * An error page; {@code choices}: what the address may have meant, linked (empty but for a near
   * miss that has pages to offer).
   */
  public record ErrorPage(
      Layout layout,
      int status,
      String message,
      List<Problem> problems,
      List<CommitteePageModels.Named> choices) {
    public Messages t() {
      return layout.t();
    }

    public boolean signInOffered() {
      return status == 401 && layout.viewer() == null;
    }
  }

  /** The public change log. */
  public record ChangesPage(
      Layout layout, org.aisx.watch.ChangePage page, String nextUrl, boolean filtered) {
    public Messages t() {
      return layout.t();
    }

    public String identifier(HistoryEvent e) {
      Standard s = page.records().get(e.recordId());
      return s == null ? e.recordId() : s.identifier();
    }

    public String title(HistoryEvent e) {
      Standard s = page.records().get(e.recordId());
      return s == null ? "" : s.titleIn(layout.t().lang());
    }

    /** The language of {@link #title} (null when unknown), for its {@code lang}. */
    public String titleLanguage(HistoryEvent e) {
      Standard s = page.records().get(e.recordId());
      return s == null ? null : s.titleLanguage(layout.t().lang());
    }

    public String eventLabel(HistoryEvent e) {
      return layout.t().get("history." + e.kind().wire());
    }

    /** A changed field's values as text ({@link HistoryValues}). */
    public HistoryValues.Shown change(HistoryEvent e) {
      return HistoryValues.of(e, layout.t());
    }

    /** The field a history event changed, as the pages name it. */
    public String changedField(HistoryEvent e) {
      return HistoryValues.field(e, layout.t());
    }

    /** Who made a history event's change, as the pages name them ({@link ActorLabels#who}). */
    public String who(HistoryEvent e) {
      return ActorLabels.who(e.actor(), e.source(), layout.t());
    }

    /** The source shown beside {@link #who}; null for none ({@link ActorLabels#via}). */
    public String via(HistoryEvent e) {
      return ActorLabels.via(e.actor(), e.source(), layout.t());
    }
  }

  /** The audit trail, for admins. */
  public record AuditPage(
      Layout layout,
      List<org.aisx.audit.AuditEvent> events,
      String nextUrl,
      String actor,
      String action) {
    /** The detail the taxonomy's edits store (AuditRecorder in TaxonomyRoutes). */
    private static final java.util.regex.Pattern TAXONOMY_DETAIL =
        java.util.regex.Pattern.compile("version (\\d{1,9}): (\\d{1,9}) fields? changed");

    public Messages t() {
      return layout.t();
    }

    /** The actor's role in the page's language ({@code role.<role>}); as stored when unknown. */
    public String role(org.aisx.audit.AuditEvent e) {
      return said("role.", e.role());
    }

    /** How the actor came (session, token, command line, anonymously) in the page's language. */
    public String via(org.aisx.audit.AuditEvent e) {
      return said("audit.via.", e.via());
    }

    /** How it ended (ok, refused, limited, rejected, failed) in the page's language. */
    public String outcome(org.aisx.audit.AuditEvent e) {
      return said("audit.outcome.", e.outcome());
    }

    /**
     * The detail in the page's language where its shape is known (a taxonomy edit's version and
     * count of changed fields); other details are shown as stored, in English.
     */
    public String detail(org.aisx.audit.AuditEvent e) {
      if (e.detail() == null) {
        return "";
      }
      java.util.regex.Matcher m = TAXONOMY_DETAIL.matcher(e.detail());
      if (m.matches()) {
        return layout
            .t()
            .get(
                "audit.detail.taxonomyVersion",
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)));
      }
      return e.detail();
    }

    /** Whether {@link #detail} is the stored English text rather than a translation. */
    public boolean detailInEnglish(org.aisx.audit.AuditEvent e) {
      return e.detail() != null && !TAXONOMY_DETAIL.matcher(e.detail()).matches();
    }

    private String said(String prefix, String value) {
      if (value == null) {
        return "";
      }
      return layout.t().has(prefix + value) ? layout.t().get(prefix + value) : value;
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * A cosine similarity or a suggestion's score as a whole percentage, 0 to 100 (negative
   * similarity shows as 0).
   */
  public static int percent(double similarity) {
    return (int) Math.round(Math.max(0, Math.min(1, similarity)) * 100);
  }

  /**
   * The CSS class that sizes a similarity bar, in steps of 5 % ({@code w-0} to {@code w-100}): the
   * content security policy allows no inline styles.
   */
  public static String barClass(double similarity) {
    return "w-" + (int) (Math.round(percent(similarity) / 5.0) * 5);
  }

  /** Status badge class for a search hit. */
  public static String statusClass(Status status) {
    return status == null ? "unknown" : status.wire();
  }

  public static boolean isCurrent(Status status) {
    return status == null || status.isCurrent();
  }
}
