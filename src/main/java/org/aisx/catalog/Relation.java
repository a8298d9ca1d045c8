package org.aisx.catalog;

/**
 * A directed relation from the record that holds it to {@code target}, an identifier as the body
 * writes it. {@code targetId} is the slug of that identifier, whether or not it is in the
 * catalogue.
 */
public record Relation(RelationType type, String target, String targetId) {
  public Relation {
    targetId = Slug.of(target);
  }

  public static Relation of(RelationType type, String target) {
    return new Relation(type, target, null);
  }
}
