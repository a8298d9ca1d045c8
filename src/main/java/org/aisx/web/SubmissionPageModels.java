package org.aisx.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Problem;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Status;
import org.aisx.submission.FieldPolicy;
import org.aisx.submission.Submission;
import org.aisx.taxonomy.Concept;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/** What the submission and review templates render. */
public final class SubmissionPageModels {
  private SubmissionPageModels() {}

  /**
   * The submission form: a new record, a change to {@code recordId}, or a resubmission of {@code
   * submissionId}; {@code values} by input name, {@code problems} as the server found them.
   */
  public record Form(
      PageModels.Layout layout,
      String csrf,
      String postUrl,
      String action,
      String recordId,
      Integer baseRevision,
      String submissionId,
      Map<String, String> values,
      List<Problem> problems,
      List<String> required,
      List<String> bodies,
      // The record moved on since the submission's base revision: what changed (null: it did not).
      org.aisx.submission.Submissions.Rebase rebase,
      // A new record's identifier is taken by this record: propose a change to it instead.
      String existingId,
      // Whose concepts the classification's checkboxes offer.
      Taxonomy taxonomy) {
    /** A problem of a relation row: {@code relations[2].type}. */
    private static final Pattern ROW =
        Pattern.compile("^relations\\[(\\d+)\\](\\.type|\\.target)?$");

    /** The index of a problem of one entry of a list field: {@code verticals[1]}. */
    private static final Pattern INDEX = Pattern.compile("^\\w+\\[(\\d+)\\]");

    /** Whether a problem the form marks is one of the input {@code inputId} ({@link #inputOf}). */
    public boolean invalid(String inputId) {
      return problems.stream().anyMatch(p -> inputOf(p.field()).equals(inputId));
    }

    /** The empty relation rows after the record's own, to add relations without script. */
    public static final int EMPTY_RELATION_ROWS = 3;

    /** The select of the type of the relation row {@code row} (from 0). */
    public static String relationType(int row) {
      return "relation_type_" + row;
    }

    /** The input of the other record's identifier of the relation row {@code row} (from 0). */
    public static String relationTarget(int row) {
      return "relation_target_" + row;
    }

    /** A dimension's concept ids as {@link #values} holds them: one a line. */
    public static String joinConcepts(List<String> ids) {
      return String.join("\n", ids);
    }

    /** The concept ids of {@link #joinConcepts}. */
    public static List<String> splitConcepts(String joined) {
      return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    public Messages t() {
      return layout.t();
    }

    /**
     * How many relation rows the form shows: those it holds (the record's relations, or the rows as
     * sent) and empty ones after them, {@link #EMPTY_RELATION_ROWS} in all at the end.
     */
    public int relationRows() {
      int held = 0;
      while (values.containsKey(relationTarget(held)) || values.containsKey(relationType(held))) {
        held++;
      }
      int empty = 0;
      while (empty < held
          && value(relationType(held - 1 - empty)).isEmpty()
          && value(relationTarget(held - 1 - empty)).isEmpty()) {
        empty++;
      }
      return held + Math.max(0, EMPTY_RELATION_ROWS - empty);
    }

    public List<RelationType> relationTypes() {
      return List.of(RelationType.values());
    }

    /** The type sent for row {@code row} when it is none of the types (shown again as sent). */
    public String unknownRelationType(int row) {
      String v = value(relationType(row));
      return v.isEmpty() || RelationType.fromWire(v).isPresent() ? null : v;
    }

    public List<Dimension> dimensions() {
      return List.of(Dimension.values());
    }

    /** The ids of the concepts of {@code dimension} ticked. */
    public List<String> checked(Dimension dimension) {
      return splitConcepts(value(dimension.recordField()));
    }

    /**
     * A checkbox of a classification dimension: {@code inputId} its id, {@code value} the concept
     * id it sends, {@code label} the concept's label in the page's language, {@code depth} how deep
     * the concept sits in the hierarchy.
     */
    public record ConceptOption(
        String inputId, String value, String label, int depth, boolean checked) {}

    /**
     * The checkboxes of {@code dimension}: its concepts offered (retired ones are not), in the
     * taxonomy's order, then any other value ticked (a retired concept the record holds, or an id
     * sent that the taxonomy does not know) so that it is kept, or unticked, as the author chooses.
     */
    public List<ConceptOption> conceptOptions(Dimension dimension) {
      List<String> checked = checked(dimension);
      String lang = layout.t().lang();
      List<ConceptOption> out = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (Taxonomy.Node n : taxonomy.tree(dimension)) {
        Concept c = n.concept();
        if (c.retired() && !checked.contains(c.id())) {
          continue;
        }
        shown.add(c.id());
        out.add(
            new ConceptOption(
                dimension.recordField() + "_" + out.size(),
                c.id(),
                c.label(lang),
                n.depth(),
                checked.contains(c.id())));
      }
      for (String id : checked) {
        if (!shown.contains(id)) {
          shown.add(id);
          out.add(
              new ConceptOption(
                  dimension.recordField() + "_" + out.size(),
                  id,
                  taxonomy.concept(dimension, id).map(c -> c.label(lang)).orElse(id),
                  0,
                  true));
        }
      }
      return out;
    }

    /** Record fields as the pages name them ({@link Messages#fieldName}), joined for a sentence. */
    public String labels(List<String> fields) {
      Messages t = layout.t();
      return t.list(fields.stream().map(t::fieldName).toList());
    }

    public String value(String name) {
      return values.getOrDefault(name, "");
    }

    public List<PublicationType> types() {
      return List.of(PublicationType.values());
    }

    public List<Status> statuses() {
      return List.of(Status.values());
    }

    /**
     * The problems of one record field (e.g. {@code title}, {@code title.en}, {@code keywords[0]}).
     */
    public List<Problem> problemsOf(String field) {
      return problems.stream()
          .filter(
              p ->
                  p.field().equals(field)
                      || p.field().startsWith(field + ".")
                      || p.field().startsWith(field + "["))
          .toList();
    }

    public boolean isRequired(String field) {
      return required.contains(field);
    }

    /**
     * A problem's field as the form names it in the page's language, e.g. {@code Titre (anglais)}
     * for {@code title.en}; a field whose label is not the form's own ({@code type}, {@code
     * status}) as the record's field is named; a field the pages have no name for keeps its record
     * name.
     */
    public String fieldName(String field) {
      Messages t = layout.t();
      Matcher row = ROW.matcher(field);
      if (row.matches()) {
        int n = Integer.parseInt(row.group(1)) + 1;
        return ".type".equals(row.group(2))
            ? t.get("submit.relation.type", n)
            : t.get("submit.relation.target", n);
      }
      String base = field.replaceAll("[.\\[].*$", "");
      if (Dimension.fromRecordField(base).isPresent() || base.equals("relations")) {
        return t.fieldName(base);
      }
      String input =
          field.equals("title.fr") || field.equals("abstract.fr") || field.equals("record")
              ? field.replace('.', '_')
              : inputOf(field);
      return t.has("submit.field." + input) ? t.get("submit.field." + input) : t.fieldName(field);
    }

    /**
     * The input a problem's field is entered in, for the error summary's links; a problem of the
     * whole record (it changes nothing) leads to the form's first input.
     */
    public String inputOf(String field) {
      Matcher row = ROW.matcher(field);
      if (row.matches()) {
        int n = Integer.parseInt(row.group(1));
        return ".type".equals(row.group(2)) ? relationType(n) : relationTarget(n);
      }
      String base = field.replaceAll("[.\\[].*$", "");
      Optional<Dimension> dimension = Dimension.fromRecordField(base);
      if (dimension.isPresent()) {
        // The checkbox of the concept in question (an id the taxonomy does not know has its own),
        // else the dimension's first.
        List<ConceptOption> options = conceptOptions(dimension.get());
        Matcher at = INDEX.matcher(field);
        List<String> checked = checked(dimension.get());
        if (at.find() && Integer.parseInt(at.group(1)) < checked.size()) {
          String id = checked.get(Integer.parseInt(at.group(1)));
          for (ConceptOption o : options) {
            if (o.value().equals(id)) {
              return o.inputId();
            }
          }
        }
        return options.isEmpty() ? base : options.get(0).inputId();
      }
      if (base.equals("relations")) {
        return relationTarget(0);
      }
      return switch (base) {
        case "title", "abstract" -> base + "_en";
        case "record" -> "identifier";
        default -> base;
      };
    }
  }

  /**
   * The form proposing a learning resource ({@code action} create) or a correction of the listed
   * one whose id is in {@code values} ({@code action} update), new or resubmitted as {@code
   * submissionId}; {@code values} by input name, {@code problems} as the resources' reader found
   * them; {@code existingId} when a new resource's id is taken by that one (correct it instead).
   */
  public record ResourceForm(
      PageModels.Layout layout,
      String csrf,
      String postUrl,
      String action,
      String submissionId,
      Map<String, String> values,
      List<Problem> problems,
      String existingId) {
    /** The free-text inputs, in the form's order; lists are comma-separated. */
    public static final List<String> TEXT_INPUTS =
        List.of(
            "id",
            "title_en",
            "title_fr",
            "provider",
            "url",
            "languages",
            "audience",
            "start",
            "end",
            "standards",
            "concepts");

    public Messages t() {
      return layout.t();
    }

    public List<String> textInputs() {
      return TEXT_INPUTS;
    }

    /** Whether it proposes a correction of a listed resource (whose id then stays). */
    public boolean isCorrection() {
      return "update".equals(action);
    }

    public String value(String name) {
      return values.getOrDefault(name, "");
    }

    public boolean isRequired(String input) {
      return List.of("title_en", "provider", "kind").contains(input);
    }

    /** The values of a choice (kind, level, format), by wire name. */
    public List<String> options(String input) {
      return switch (input) {
        case "kind" ->
            java.util.Arrays.stream(org.aisx.learn.ResourceKind.values())
                .map(org.aisx.learn.ResourceKind::wire)
                .toList();
        case "level" ->
            java.util.Arrays.stream(org.aisx.learn.ResourceLevel.values())
                .map(org.aisx.learn.ResourceLevel::wire)
                .toList();
        case "format" ->
            java.util.Arrays.stream(org.aisx.learn.ResourceFormat.values())
                .map(org.aisx.learn.ResourceFormat::wire)
                .toList();
        default -> List.of();
      };
    }

    /**
     * The input a problem's field is entered in: {@code standards[2]} in {@code standards}, the
     * request's {@code resource.id} in {@code id}; null for the resource as a whole ({@code
     * resource}: a correction that changes nothing).
     */
    public String inputOf(String field) {
      String f = field.startsWith("resource.") ? field.substring("resource.".length()) : field;
      if (f.equals("title.fr")) {
        return "title_fr";
      }
      if (f.equals("resource")) {
        return null;
      }
      String base = f.replaceAll("[.\\[].*$", "");
      return base.equals("title") ? "title_en" : base;
    }

    public List<Problem> problemsOf(String input) {
      return problems.stream()
          .filter(p -> java.util.Objects.equals(inputOf(p.field()), input))
          .toList();
    }

    /** A problem's field as the form names it in the page's language. */
    public String fieldName(String field) {
      String key = "submit.resource." + inputOf(field);
      return layout.t().has(key) ? layout.t().get(key) : field;
    }
  }

  /**
   * One field of the side-by-side comparison: the field's name and its values as the page's
   * language says them.
   */
  public record DiffRow(String field, String label, String before, String after, boolean changed) {}

  /** A submission's page: what it proposes against the record as it is now. */
  public record Detail(
      PageModels.Layout layout,
      Submission submission,
      String title,
      boolean isNew,
      Integer currentRevision,
      // A correction of a learning resource deleted since it was proposed: it cannot be approved.
      boolean targetGone,
      List<DiffRow> diff,
      boolean canDecide,
      boolean canResubmit,
      boolean canWithdraw,
      List<Relation> heldRelations,
      String csrf,
      // Every decision coordinators made on it, oldest first.
      List<org.aisx.submission.ReviewDecision> decisions,
      // Why the decision just sent was refused (its comment), and the comment as typed.
      List<Problem> problems,
      String typedComment,
      // The other open submissions on the same record, as far as the viewer may read them.
      List<org.aisx.submission.Submissions.Competing> competing,
      // The record's fields changed since the submission's base revision (none: it did not move).
      List<org.aisx.submission.Submissions.FieldMoved> moved,
      // Whether the viewer is the submission's author.
      boolean byViewer,
      // Who made each change since the base that no submission made, by field, as the page names
      // them (ActorLabels).
      Map<String, String> changedBy,
      // Whether the viewer may bring it up to date on the record's current revision (its author,
      // while it is pending and the record moved on), and that form as last sent.
      boolean canRebase,
      RebaseForm rebaseForm,
      // Every time its author brought it up to date, oldest first.
      List<org.aisx.submission.SubmissionRebase> rebases) {
    public Messages t() {
      return layout.t();
    }

    /** The fields changed both in the record since the base and by the submission. */
    public List<org.aisx.submission.Submissions.FieldMoved> conflicts() {
      return moved.stream().filter(org.aisx.submission.Submissions.FieldMoved::conflict).toList();
    }

    /**
     * Who made the record's latest change of {@code m}'s field, as the page names them; null for an
     * approved submission (linked by {@link #submissionOf}) or when no one is known.
     */
    public String changedBy(org.aisx.submission.Submissions.FieldMoved m) {
      return submissionOf(m) != null ? null : changedBy.get(m.field());
    }

    /** Record fields as the pages name them ({@link Messages#fieldName}), joined for a sentence. */
    public String labels(List<String> fields) {
      Messages t = layout.t();
      return t.list(fields.stream().map(t::fieldName).toList());
    }

    /** Whether the record changed {@code field} since the submission's base revision. */
    public boolean movedSinceBase(String field) {
      return moved.stream().anyMatch(m -> m.field().equals(field));
    }

    /** A value of a field changed since the base, as the page's language says it. */
    public String valueOf(org.aisx.submission.Submissions.FieldMoved m, boolean now) {
      return FieldValues.ofRecord(layout.t(), m.field(), now ? m.now() : m.proposed(), "\n");
    }

    /** The approved submission a change since the base came from; null for any other source. */
    public String submissionOf(org.aisx.submission.Submissions.FieldMoved m) {
      String source = m.source();
      return source != null && source.startsWith("submission:")
          ? source.substring("submission:".length())
          : null;
    }

    /** The conflicting fields among those changed since the base. */
    public long conflictCount() {
      return moved.stream().filter(org.aisx.submission.Submissions.FieldMoved::conflict).count();
    }

    /** The longest comment a decision takes, for the textarea. */
    public int maxComment() {
      return org.aisx.submission.Submissions.MAX_COMMENT;
    }

    public long changedCount() {
      return diff.stream().filter(DiffRow::changed).count();
    }

    /** What it proposes, as the pages name it: a new record, a correction of a resource, .... */
    public String actionLabel() {
      return layout
          .t()
          .get(
              (submission.resource() != null ? "action.resource." : "action.")
                  + submission.action().wire());
    }

    /** The comparison's heading: against the record, or the resource, as it is now. */
    public String diffHeading() {
      return layout
          .t()
          .get(submission.resource() != null ? "submission.resourceDiff" : "submission.diff");
    }

    /** The heading of the comparison's column of what there is now. */
    public String beforeLabel() {
      Messages t = layout.t();
      if (submission.resource() != null) {
        return t.get(isNew ? "submission.noResource" : "submission.resourceNow");
      }
      return t.get(isNew ? "submission.noRecord" : "submission.before");
    }

    public boolean stale() {
      return currentRevision != null
          && submission.baseRevision() != null
          && !currentRevision.equals(submission.baseRevision());
    }
  }

  /**
   * The author's form bringing a submission up to date on the record's current revision, as last
   * sent: why it was refused ({@code problems}; a missing choice's field is {@code
   * choices.<field>}), and the value chosen for each field ({@code mine} or {@code current}).
   */
  public record RebaseForm(List<Problem> problems, Map<String, String> chosen) {
    static final RebaseForm NEW = new RebaseForm(List.of(), Map.of());

    /** The problems of the choice for {@code field}. */
    public List<Problem> problemsOf(String field) {
      return problems.stream().filter(p -> p.field().equals("choices." + field)).toList();
    }

    /** The problems of no one choice (the record moved on again, nothing left to change). */
    public List<Problem> general() {
      return problems.stream().filter(p -> !p.field().startsWith("choices.")).toList();
    }

    /** Whether {@code choice} was chosen for {@code field}. */
    public boolean isChosen(String field, String choice) {
      return choice.equals(chosen.get(field));
    }
  }

  /**
   * A list of submissions: the review queue or one author's; {@code ofBodies}, on an author's, the
   * pending submissions of others of their bodies (none on the queue).
   */
  public record ListPage(
      PageModels.Layout layout,
      String heading,
      String lead,
      List<Submission> items,
      List<Submission> ofBodies,
      String lang,
      // How many other open submissions there are on each one's record, by submission id.
      Map<String, Integer> competing) {
    public Messages t() {
      return layout.t();
    }

    /** How many other open submissions there are on the record of {@code s}; 0: none. */
    public int competingWith(Submission s) {
      return competing.getOrDefault(s.id(), 0);
    }

    public String titleOf(Submission s) {
      return s.titleIn(lang);
    }

    /** What {@code s} proposes, as the pages name it. */
    public String actionOf(Submission s) {
      return layout
          .t()
          .get((s.resource() != null ? "action.resource." : "action.") + s.action().wire());
    }
  }

  /**
   * The required-field policy editor, on the current version; {@code ticked} the boxes shown ticked
   * (the current policy's, or what the editor chose when a save was refused), {@code problems} why
   * it was.
   */
  public record PolicyPage(
      PageModels.Layout layout,
      FieldPolicy current,
      List<String> always,
      List<String> optional,
      List<FieldPolicy> history,
      String csrf,
      boolean saved,
      List<String> ticked,
      List<Problem> problems) {
    public Messages t() {
      return layout.t();
    }
  }
}
