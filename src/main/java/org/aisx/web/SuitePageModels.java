package org.aisx.web;

import java.util.List;
import org.aisx.catalog.Standard;
import org.aisx.suite.Member;
import org.aisx.suite.Reason;
import org.aisx.suite.Report;
import org.aisx.suite.Suite;
import org.aisx.suite.SuiteExports;
import org.aisx.taxonomy.Concept;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/** What the suite templates render. */
public final class SuitePageModels {
  private SuitePageModels() {}

  /**
   * Labels of concern groups and sectors in the page's language; the words of a suite's exports in
   * the caller's language.
   */
  public record Labels(Taxonomy taxonomy, Messages t) implements SuiteExports.Words {
    @Override
    public String get(String key) {
      return t.get(key);
    }

    @Override
    public String get(String key, Object... args) {
      return t.get(key, args);
    }

    @Override
    public String colon() {
      return t.colon();
    }

    @Override
    public String list(List<String> words) {
      return t.list(words);
    }

    @Override
    public String clauses(List<String> parts) {
      return t.clauses(parts);
    }

    @Override
    public String lang() {
      return t.lang();
    }

    @Override
    public String dayAndTime(java.time.Instant at) {
      return t.dayAndTime(at);
    }

    /**
     * The member's note as this reader sees it: the note a person typed, as typed; else, for a
     * member the suggester proposed, why, said in this language ({@link #reason}); else null. A
     * member swapped in for another says so in this language first, that note being about the
     * member it replaces ("Replaces ISO/IEC 42001:2023. Note on ISO/IEC 42001:2023: ...").
     */
    @Override
    public String note(Member m) {
      String note = m.note() != null ? m.note() : m.reason() == null ? null : reason(m.reason());
      if (m.replaces() == null) {
        return note;
      }
      return note == null
          ? t.get("suite.swapNote", m.replaces())
          : t.get("suite.swapNoteWas", m.replaces(), note);
    }

    /** Why the suggester proposed a member, in this language. */
    public String reason(Reason r) {
      List<String> parts = new java.util.ArrayList<>();
      if (!r.words().isEmpty()) {
        parts.add(t.isolating("suite.reason.words", String.join(", ", r.words())));
      }
      if (r.similarity() != null) {
        parts.add(
            t.get("suite.reason.similarity", Math.max(0, (int) Math.round(r.similarity() * 100))));
      }
      if (r.coming()) {
        parts.add(t.get("suite.reason.coming"));
      }
      return t.get("suite.reason", t.clauses(parts));
    }

    @Override
    public String group(String id) {
      if (taxonomy.contains(Dimension.CONCERN, id)) {
        return taxonomy.label(Dimension.CONCERN, id, t.lang());
      }
      return t.get("suite.group." + id);
    }

    @Override
    public String vertical(String id) {
      return taxonomy.label(Dimension.VERTICAL, id, t.lang());
    }

    /** The sectors {@code ids} in this language, as a list of a sentence ("Finance, Health"). */
    public String verticals(List<String> ids) {
      return t.list(ids.stream().map(this::vertical).toList());
    }

    /**
     * The sectors an editor may choose for a suite: those of the taxonomy not retired, and any the
     * suite names already.
     */
    public List<Concept> verticalChoices(List<String> named) {
      return taxonomy.dimension(Dimension.VERTICAL).concepts().values().stream()
          .filter(c -> !c.retired() || named.contains(c.id()))
          .toList();
    }

    @Override
    public String concept(String id) {
      if (taxonomy.contains(Dimension.CONCERN, id)) {
        return taxonomy.label(Dimension.CONCERN, id, t.lang());
      }
      if (taxonomy.contains(Dimension.VERTICAL, id)) {
        return taxonomy.label(Dimension.VERTICAL, id, t.lang());
      }
      return id;
    }

    @Override
    public String status(String wire) {
      return t.has("status." + wire) ? t.get("status." + wire) : t.get("suite.status." + wire);
    }
  }

  /** {@code /suites}: published suites, the viewer's own, and those this browser holds keys to. */
  public record ListPage(
      PageModels.Layout layout,
      List<Suite> published,
      List<Suite> mine,
      List<Suite> held,
      boolean signedIn) {
    public Messages t() {
      return layout.t();
    }
  }

  /** {@code /suites/new}: the form, with the record to start from, if any. */
  public record NewPage(
      PageModels.Layout layout,
      String csrf,
      Standard record,
      List<Concept> verticals,
      List<Concept> concerns,
      Labels labels,
      List<org.aisx.catalog.Problem> problems,
      Typed typed) {
    public Messages t() {
      return layout.t();
    }
  }

  /**
   * What the user typed and chose in the new-suite form, shown again when the form is refused (the
   * template escapes it); {@link #NONE} for a fresh form.
   */
  public record Typed(String text, String title, List<String> verticals, List<String> concerns) {
    public static final Typed NONE = new Typed(null, null, List.of(), List.of());

    public Typed {
      verticals = List.copyOf(verticals);
      concerns = List.copyOf(concerns);
    }

    public boolean vertical(String id) {
      return verticals.contains(id);
    }

    public boolean concern(String id) {
      return concerns.contains(id);
    }
  }

  /**
   * {@code /suites/{id}}: the suite, editable when the viewer may; {@code unpublishedChanges} when
   * its editors see changes the public does not yet (a published suite changed since); {@code
   * refused} is the change the editor sent that was refused, shown again with the page.
   */
  public record SuitePage(
      PageModels.Layout layout,
      Report report,
      boolean editable,
      boolean keyRefused,
      boolean canPublish,
      String csrf,
      String editKey,
      String shareUrl,
      Labels labels,
      boolean unpublishedChanges,
      Refused refused) {
    public Messages t() {
      return layout.t();
    }

    public Suite suite() {
      return report.suite();
    }

    /** The problems of the refused change of form {@code op} (and member), for its field. */
    public List<org.aisx.catalog.Problem> problemsOf(String op, String memberId) {
      return refused.op().equals(op) && java.util.Objects.equals(refused.member(), memberId)
          ? refused.problems()
          : List.of();
    }

    /** What the add form shows: what was typed into it when refused, else nothing. */
    public String typedRecord() {
      return refused.op().equals("add") && refused.typed() != null ? refused.typed() : "";
    }

    /** What the rename form shows: what was typed into it when refused, else the title. */
    public String titleInput() {
      return refused.op().equals("rename")
          ? (refused.typed() == null ? "" : refused.typed())
          : report.suite().content().title();
    }

    /**
     * What a member's note form shows: what was typed into it when refused, else its note as the
     * editor reads it (a suggested member's reason in the page's language).
     */
    public String noteInput(org.aisx.suite.Member m) {
      if (refused.op().equals("note") && m.id().equals(refused.member())) {
        return refused.typed() == null ? "" : refused.typed();
      }
      String note = labels.note(m);
      return note == null ? "" : note;
    }
  }

  /**
   * A change to a suite its editor sent and the page refused: the form ({@code op}: {@code add},
   * {@code rename}, {@code note}...) and its member, the problems, the text typed into the form
   * (escaped by the template), and for a record the catalogue does not name exactly, the records it
   * comes close to; {@link #NONE} when nothing was refused.
   */
  public record Refused(
      String op,
      String member,
      List<org.aisx.catalog.Problem> problems,
      String typed,
      List<org.aisx.catalog.CatalogException.Choice> choices) {
    public static final Refused NONE = new Refused("", null, List.of(), null, List.of());

    public Refused {
      problems = List.copyOf(problems);
      choices = List.copyOf(choices);
    }

    public boolean any() {
      return !problems.isEmpty();
    }
  }

  /** {@code /suites/add?record=ID}: choose the suite to add a record to. */
  public record AddPage(
      PageModels.Layout layout, Standard record, List<Suite> suites, String csrf, Labels labels) {
    public Messages t() {
      return layout.t();
    }
  }

  /** {@code /suites/{id}/print}. */
  public record PrintPage(
      PageModels.Layout layout,
      Report report,
      String date,
      List<String> attributions,
      String base,
      Labels labels) {
    public Messages t() {
      return layout.t();
    }
  }
}
