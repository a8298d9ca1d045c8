package org.aisx.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Problem;

/** Failures of a taxonomy edit a coordinator can cause; the web layer maps each to a status. */
public abstract sealed class TaxonomyException extends RuntimeException
    permits TaxonomyException.Invalid, TaxonomyException.Unknown, TaxonomyException.Stale {

  TaxonomyException(String message) {
    super(message);
  }

  public abstract String code();

  /**
   * What is wrong, by field ({@code concept}, {@code labels.fr} ...), each with its message key so
   * that a page says it in its language, in the order found; empty when nothing is.
   */
  public List<Problem> details() {
    return List.of();
  }

  /** The change does not fit the taxonomy (a duplicate id, a cycle, a missing label): 400. */
  public static final class Invalid extends TaxonomyException {
    private final Map<String, Problem> problems;

    Invalid(Map<String, Problem> problems) {
      super("the taxonomy change is invalid: " + english(problems));
      this.problems = new LinkedHashMap<>(problems);
    }

    private static Map<String, String> english(Map<String, Problem> problems) {
      Map<String, String> out = new LinkedHashMap<>();
      problems.forEach((field, p) -> out.put(field, p.problem()));
      return out;
    }

    @Override
    public String code() {
      return "validation_failed";
    }

    @Override
    public List<Problem> details() {
      return List.copyOf(problems.values());
    }
  }

  /** No such concept, or no such version: 404. */
  public static final class Unknown extends TaxonomyException {
    private final List<Problem> details;

    Unknown(String what) {
      this(what, List.of());
    }

    /** Nothing is what a request's parameter names ({@code version}): the problem names it. */
    Unknown(String what, Problem problem) {
      this(what, List.of(problem));
    }

    private Unknown(String what, List<Problem> details) {
      super(what + " was not found");
      this.details = details;
    }

    @Override
    public List<Problem> details() {
      return details;
    }

    @Override
    public String code() {
      return "not_found";
    }
  }

  /** The change was based on an older version than the current one: 409. */
  public static final class Stale extends TaxonomyException {
    Stale(int based, int current) {
      super(
          "the change is based on taxonomy version "
              + based
              + " but the taxonomy is at version "
              + current);
    }

    @Override
    public String code() {
      return "conflict";
    }
  }
}
