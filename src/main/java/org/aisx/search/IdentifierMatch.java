package org.aisx.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.aisx.editions.EditionKey;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * How closely a query typed as an identifier names one record, read from the record's own
 * identifier and the publication it is an edition of ({@link EditionKey}); the records a query
 * names come first in this order ({@link Level}), then the AI publication, then the document before
 * its supplements, then the current edition.
 *
 * <p>Each token of the query that holds a digit must be in the record's identifier as typed: a
 * number as it stands, or with a revision or edition after it ("53" is in NIST SP 800-53r5 and AI
 * 100-2e2023, not in SP 800-53A, which is another document); a token run together from letters and
 * a number ("y3172", "rfc9969") as it stands or as its letters followed by its number (ITU-T
 * Y.3172, RFC 9969), never as the number alone (RFC 3172); a "P" before a number, IEEE's
 * designation of a project, also as the number of an IEEE publication (P7001 names IEEE 7001-2021).
 */
final class IdentifierMatch {

  /** How a record is named by the query, worst first. */
  enum Level {
    /** The query's numbers are not all in the record's identifier (found by another identifier). */
    OTHER,
    /**
     * The query's numbers are in the identifier (a number also with a letter after it, "8183A"),
     * but it names more: a part, a supplement.
     */
    PART,
    /**
     * The query names every number of the publication, not every letter of the record's identifier
     * (its designation, or what it says besides: a handbook, a draft).
     */
    NUMBER,
    /** The query names the publication: its numbers and every letter of the identifier. */
    PUBLICATION
  }

  /**
   * Words that name the body rather than the publication, besides the words of its own name (the
   * record's {@code sdo}): IETF numbers its documents as RFCs, CEN and CENELEC theirs as EN (prEN
   * while in draft), so "RFC" and "EN" say who published, as "ISO" does. A letter that is part of
   * the designation itself (ITU-T's series letter, JIS's division letter, NIST's SP, IR and AI,
   * ISO's TR and TS) is not among them: a query that leaves it out names the number only.
   */
  private static final Map<String, Set<String>> BODY_WORDS =
      Map.of("IETF", Set.of("rfc"), "CEN-CENELEC", Set.of("en", "pren"));

  private static final Pattern SAME_PUBLICATION_SUFFIX = Pattern.compile("r\\d+|e\\d{4}");
  private static final Pattern LETTERS_THEN_NUMBER = Pattern.compile("([a-z]+)(\\d+)");
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
  private static final Pattern DATE = Pattern.compile("(?:19|20)\\d{6}");

  private final Analyzer analyzer;
  private final List<String> query;
  private final String joined;

  IdentifierMatch(Analyzer analyzer, String q) {
    this.analyzer = analyzer;
    this.query = tokens(q);
    this.joined = joined(query);
  }

  /**
   * A word followed by numbers, joined into one token as W3C writes a short name with its version
   * ("WCAG 2.1" is "wcag21"); null for any other query.
   */
  static String joined(List<String> tokens) {
    if (tokens.size() < 2 || hasDigit(tokens.get(0))) {
      return null;
    }
    StringBuilder out = new StringBuilder(tokens.get(0));
    for (String t : tokens.subList(1, tokens.size())) {
      if (!t.chars().allMatch(Character::isDigit)) {
        return null;
      }
      out.append(t);
    }
    return out.toString();
  }

  /** How the query names a record with this identifier and body. */
  Level level(String identifier, String sdo) {
    Level asTyped = level(query, identifier, sdo);
    if (joined == null) {
      return asTyped;
    }
    Level asJoined = level(List.of(joined), identifier, sdo);
    return asJoined.compareTo(asTyped) > 0 ? asJoined : asTyped;
  }

  /** Whether the query names the body of the record (a word of its name, "RFC" for IETF). */
  boolean namesBody(String sdo) {
    Set<String> body = bodyWords(sdo);
    return query.stream().anyMatch(body::contains);
  }

  private Level level(List<String> query, String identifier, String sdo) {
    List<String> record = tokens(identifier);
    boolean ieee = sdo != null && sdo.contains("IEEE");
    for (String q : query) {
      if (!anyMatch(q, record, ieee)) {
        return Level.OTHER;
      }
    }
    String key = EditionKey.of(identifier, sdo);
    List<String> publication = key == null ? record : tokens(key);
    Set<String> body = bodyWords(sdo);
    boolean firstNumber = true;
    for (int i = 0; i < publication.size(); i++) {
      String p = publication.get(i);
      if (hasDigit(p) && !body.contains(p)) { // "W3C" is the body, not a number
        boolean date = DATE.matcher(p).matches() || (!firstNumber && YEAR.matcher(p).matches());
        firstNumber = false;
        if (!date && !namedBy(query, publication, i, ieee)) {
          return Level.PART;
        }
      }
    }
    // The letters of the record's own identifier: its designation, and what it says besides the
    // publication's number (a handbook's "HBK", a draft's "DIS", a redline).
    Set<String> typed = new java.util.HashSet<>(query);
    for (String q : query) {
      var m = LETTERS_THEN_NUMBER.matcher(q);
      if (m.matches()) {
        typed.add(m.group(1)); // "y3172" types the series letter of Y.3172
      }
    }
    for (String t : record) {
      if (!hasDigit(t) && !body.contains(t) && !typed.contains(t)) {
        return Level.NUMBER;
      }
    }
    return Level.PUBLICATION;
  }

  /** Whether some token of {@code query} names the token at {@code i} of {@code tokens}. */
  private static boolean namedBy(List<String> query, List<String> tokens, int i, boolean ieee) {
    for (String q : query) {
      if (hasDigit(q) && matchesAt(q, tokens, i, ieee)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyMatch(String q, List<String> tokens, boolean ieee) {
    if (!hasDigit(q)) {
      return tokens.contains(q);
    }
    for (int i = 0; i < tokens.size(); i++) {
      if (matchesAt(q, tokens, i, ieee) || supplementOf(q, tokens.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** {@code t} is the number {@code q} with a letter after it: a supplement ("8183A", "53A"). */
  private static boolean supplementOf(String q, String t) {
    return q.chars().allMatch(Character::isDigit)
        && t.length() > q.length()
        && t.startsWith(q)
        && Character.isLetter(t.charAt(q.length()));
  }

  /** Whether the query token {@code q}, which holds a digit, is the token at {@code i}. */
  private static boolean matchesAt(String q, List<String> tokens, int i, boolean ieee) {
    String t = tokens.get(i);
    if (t.equals(q)) {
      return true;
    }
    var m = LETTERS_THEN_NUMBER.matcher(q);
    if (m.matches()) {
      String letters = m.group(1);
      String number = m.group(2);
      return sameNumber(number, t)
          && ((i > 0 && tokens.get(i - 1).equals(letters)) || (ieee && letters.equals("p")));
    }
    return sameNumber(q, t);
  }

  /** {@code t} is the number {@code n}, or {@code n} with a revision or edition ("53r5"). */
  private static boolean sameNumber(String n, String t) {
    return t.equals(n)
        || (t.startsWith(n)
            && Character.isDigit(n.charAt(n.length() - 1))
            && SAME_PUBLICATION_SUFFIX.matcher(t.substring(n.length())).matches());
  }

  private static Set<String> bodyWords(String sdo) {
    Set<String> words = new java.util.HashSet<>();
    if (sdo != null) {
      for (String w : sdo.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      words.addAll(BODY_WORDS.getOrDefault(sdo, Set.of()));
    }
    return words;
  }

  private static boolean hasDigit(String s) {
    return s.chars().anyMatch(Character::isDigit);
  }

  /** The identifier analyser's tokens as typed: the first token at each position. */
  private List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(IndexFields.IDENTIFIER, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 0 || out.isEmpty()) {
          out.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
