package org.aisx.editions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;

/**
 * One document that its body publishes twice, as two records linked {@code identical}: W3C's latest
 * version of a specification ("W3C speech-grammar", undated) and its dated edition of the same date
 * ("W3C REC-speech-grammar-20040316"), which {@link EditionRules} links both ways. The record that
 * stands for the document (its <em>card</em>) is the latest version; the dated edition is
 * <em>folded</em> into it: one search result, one duplication signal, the card naming the dated
 * identifier too.
 *
 * <p>Read from each record's own relations, so that whoever indexes or lists a record alone can
 * tell: a dated edition is folded while it holds the identical link to its latest version, and the
 * card names the dated editions it holds identical links to. Identical texts of different bodies
 * (ITU-T | ISO/IEC common texts, IEC/IEEE dual logos) are different publications with identifiers
 * of their own, and are never folded.
 */
public final class Twins {
  private Twins() {}

  /** A record folded into a card, or a card's twin, as lists name it. */
  public record Twin(String id, String identifier) {}

  /**
   * The record {@code s} is folded into (its card), from the identical link {@code s} holds; empty
   * when {@code s} is a record of its own.
   */
  public static Optional<Twin> foldedInto(Standard s) {
    Matcher dated = datedW3c(s);
    if (dated == null) {
      return Optional.empty();
    }
    for (Relation r : s.relations()) {
      if (r.type() == RelationType.IDENTICAL
          && EditionRules.isW3cLatestVersion(r.target())
          && r.target().substring("W3C ".length()).equals(dated.group(1))) {
        return Optional.of(new Twin(r.targetId(), r.target()));
      }
    }
    return Optional.empty();
  }

  /**
   * The dated editions {@code s} is also published as: those folded into it, when {@code s} is a
   * W3C latest version, named by the identical links it holds; empty for any other record.
   */
  public static List<Twin> alsoPublishedAs(Standard s) {
    if (!"W3C".equals(s.sdo()) || !EditionRules.isW3cLatestVersion(s.identifier())) {
      return List.of();
    }
    String shortName = s.identifier().substring("W3C ".length());
    List<Twin> out = new ArrayList<>();
    for (Relation r : s.relations()) {
      if (r.type() != RelationType.IDENTICAL) {
        continue;
      }
      Matcher m = EditionRules.W3C_DATED.matcher(r.target());
      if (m.matches() && m.group(1).equals(shortName)) {
        out.add(new Twin(r.targetId(), r.target()));
      }
    }
    return List.copyOf(out);
  }

  /** The match of a dated W3C edition's identifier (group 1 its short name), else null. */
  private static Matcher datedW3c(Standard s) {
    if (!"W3C".equals(s.sdo()) || s.identifier() == null) {
      return null;
    }
    Matcher m = EditionRules.W3C_DATED.matcher(s.identifier());
    return m.matches() ? m : null;
  }
}
