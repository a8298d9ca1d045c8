package org.aisx.web;

import java.util.List;
import java.util.Map;
import org.aisx.catalog.Problem;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Status;
import org.aisx.submission.FieldPolicy;
import org.aisx.submission.Submission;

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
      List<String> bodies) {
    public Messages t() {
      return layout.t();
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
     * for {@code title.en}; a field the form has no input for keeps its record name.
     */
    public String fieldName(String field) {
      String input =
          field.equals("title.fr") || field.equals("abstract.fr")
              ? field.replace('.', '_')
              : inputOf(field);
      Messages t = layout.t();
      return t.has("submit.field." + input) ? t.get("submit.field." + input) : field;
    }

    /** The input a problem's field is entered in, for the error summary's links. */
    public String inputOf(String field) {
      String base = field.replaceAll("[.\\[].*$", "");
      return switch (base) {
        case "title", "abstract" -> base + "_en";
        default -> base;
      };
    }
  }

  /** One field of the side-by-side comparison. */
  public record DiffRow(String field, String before, String after, boolean changed) {}

  /** A submission's page: what it proposes against the record as it is now. */
  public record Detail(
      PageModels.Layout layout,
      Submission submission,
      String title,
      boolean isNew,
      Integer currentRevision,
      List<DiffRow> diff,
      boolean canDecide,
      boolean canResubmit,
      String csrf) {
    public Messages t() {
      return layout.t();
    }

    public long changedCount() {
      return diff.stream().filter(DiffRow::changed).count();
    }

    public boolean stale() {
      return currentRevision != null
          && submission.baseRevision() != null
          && !currentRevision.equals(submission.baseRevision());
    }
  }

  /** A list of submissions: the review queue or one author's. */
  public record ListPage(
      PageModels.Layout layout, String heading, String lead, List<Submission> items, String lang) {
    public Messages t() {
      return layout.t();
    }

    public String titleOf(Submission s) {
      return s.record().titleIn(lang);
    }
  }

  /** The required-field policy editor. */
  public record PolicyPage(
      PageModels.Layout layout,
      FieldPolicy current,
      List<String> always,
      List<String> optional,
      List<FieldPolicy> history,
      String csrf,
      boolean saved) {
    public Messages t() {
      return layout.t();
    }
  }
}
