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

  // equals and hashCode written out: a record's own go through method handles, and an import
  // hashes every relation of every record it reads.
  @Override
  public boolean equals(Object o) {
    return o instanceof Relation r
        && type == r.type
        && java.util.Objects.equals(target, r.target)
        && targetId.equals(r.targetId);
  }

  @Override
  public int hashCode() {
    return (31 * java.util.Objects.hashCode(type) + java.util.Objects.hashCode(target)) * 31
        + targetId.hashCode();
  }
}
