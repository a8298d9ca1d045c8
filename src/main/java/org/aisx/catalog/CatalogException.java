package org.aisx.catalog;

import java.util.List;

/**
 * The failures a user can cause and be told about. The web layer maps each to one HTTP status in
 * one place; everything else is a server fault.
 */
public abstract sealed class CatalogException extends RuntimeException
    permits CatalogException.Invalid,
        CatalogException.NotFound,
        CatalogException.Conflict,
        CatalogException.AlreadyExists,
        CatalogException.BadParameter,
        CatalogException.NearMiss,
        CatalogException.AlreadyDecided,
        CatalogException.Gone {

  CatalogException(String message) {
    super(message);
  }

  /** A machine-readable code for the error body, e.g. {@code validation_failed}. */
  public abstract String code();

  public List<Problem> problems() {
    return List.of();
  }

  /** A record (or request body) failed validation; each problem names its field. */
  public static final class Invalid extends CatalogException {
    private final String what;
    private final List<Problem> problems;

    public Invalid(String what, List<Problem> problems) {
      super(what + " is invalid: " + problems);
      this.what = what;
      this.problems = List.copyOf(problems);
    }

    /**
     * Whether what was refused is a record (or a proposed one: a submission), so that a page may
     * say "the record was not accepted"; else it was a suite, an account, a decision, ...
     */
    public boolean aboutARecord() {
      return what.startsWith("record") || what.startsWith("submission");
    }

    @Override
    public String code() {
      return "validation_failed";
    }

    @Override
    public List<Problem> problems() {
      return problems;
    }
  }

  /** No record with that id. */
  public static final class NotFound extends CatalogException {
    private final List<Problem> problems;

    public NotFound(String what) {
      this(what, List.of());
    }

    /**
     * Nothing is named by a field of a request's body ({@code resource.id}): the problem names the
     * field.
     */
    public NotFound(String what, Problem problem) {
      this(what, List.of(problem));
    }

    private NotFound(String what, List<Problem> problems) {
      super(what + " was not found");
      this.problems = problems;
    }

    @Override
    public String code() {
      return "not_found";
    }

    @Override
    public List<Problem> problems() {
      return problems;
    }
  }

  /** The record moved on since the revision the caller based its change on. */
  public static final class Conflict extends CatalogException {
    private final int currentRevision;

    public Conflict(String id, int expected, int currentRevision) {
      super(
          "record "
              + id
              + " is at revision "
              + currentRevision
              + ", not at revision "
              + expected
              + " that the change was based on");
      this.currentRevision = currentRevision;
    }

    public int currentRevision() {
      return currentRevision;
    }

    @Override
    public String code() {
      return "revision_conflict";
    }
  }

  /**
   * A new record (or resource) whose id is taken: {@code field} names what makes it the same
   * ({@code identifier}), {@code existingId} the one there is, to propose a change to it instead.
   */
  public static final class AlreadyExists extends CatalogException {
    private final String existingId;
    private final Problem problem;

    public AlreadyExists(String field, String existingId, String existingName) {
      super(
          ("id".equals(field) ? "a learning resource" : "a record")
              + " with this "
              + field
              + " already exists: "
              + existingName
              + " ("
              + existingId
              + "); propose a change to it instead");
      this.existingId = existingId;
      this.problem = Problem.of(field, "problem.alreadyExists", existingName, existingId);
    }

    public String existingId() {
      return existingId;
    }

    @Override
    public String code() {
      return "already_exists";
    }

    @Override
    public List<Problem> problems() {
      return List.of(problem);
    }
  }

  /** A query parameter that cannot be understood; names the parameter and the value. */
  public static final class BadParameter extends CatalogException {
    private final Problem problem;

    /** A problem known only in English: pages show it as it is. */
    public BadParameter(String parameter, String problem) {
      this(new Problem(parameter, problem));
    }

    /**
     * The problem {@code Problem.of(parameter, key, args)} says: in English in the API, in the
     * page's language on a page.
     */
    public BadParameter(Problem problem) {
      super("parameter " + problem.field() + ": " + problem.problem());
      this.problem = problem;
    }

    /** The problem the message {@code key} of the bundles says about {@code parameter}. */
    public static BadParameter of(String parameter, String key, Object... args) {
      return new BadParameter(Problem.of(parameter, key, args));
    }

    @Override
    public String code() {
      return "bad_parameter";
    }

    @Override
    public List<Problem> problems() {
      return List.of(problem);
    }
  }

  /**
   * A parameter that names nothing exactly, but comes close to {@link #choices} (a record typed a
   * little differently, a committee in another spelling): the caller is offered them instead.
   */
  public static final class NearMiss extends CatalogException {
    private final Problem problem;
    private final List<Choice> choices;

    public NearMiss(String parameter, String value, List<Choice> choices) {
      super(
          "parameter " + parameter + ": '" + value + "' names nothing exactly; did you mean one?");
      this.problem = Problem.of(parameter, "problem.nearMiss", String.valueOf(choices.size()));
      this.choices = List.copyOf(choices);
    }

    /** What the caller may have meant, closest first. */
    public List<Choice> choices() {
      return choices;
    }

    /** The parameter that missed. */
    public String parameter() {
      return problem.field();
    }

    @Override
    public String code() {
      return "near_miss";
    }

    @Override
    public List<Problem> problems() {
      return List.of(problem);
    }
  }

  /** One choice offered for a near miss: the value to send again, and what a person reads. */
  public record Choice(String value, String label) {}

  /** A decision on something already decided (a held relation approved or rejected before). */
  public static final class AlreadyDecided extends CatalogException {
    public AlreadyDecided(String what, String state) {
      super(what + " is " + state + " already; only a pending one can be decided");
    }

    @Override
    public String code() {
      return "already_decided";
    }
  }

  /**
   * What a decision would change is no longer there: it was deleted after the change was proposed
   * (a learning resource a submission corrects). Nothing is written.
   */
  public static final class Gone extends CatalogException {
    private final Problem problem;

    public Gone(String what, Problem problem) {
      super(what + " was deleted after the change was proposed; nothing was changed");
      this.problem = problem;
    }

    @Override
    public String code() {
      return "gone";
    }

    @Override
    public List<Problem> problems() {
      return List.of(problem);
    }
  }
}
