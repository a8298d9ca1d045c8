package org.aisx.catalog;

/** One thing wrong with one field of a request or record, e.g. {@code title: required}. */
public record Problem(String field, String problem) {
  @Override
  public String toString() {
    return field + ": " + problem;
  }
}
