package org.aisx.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Json;
import org.aisx.catalog.PlainText;

/**
 * Migration 26, in Java because it rewrites suites' JSON documents, the same way on SQLite and
 * PostgreSQL: a suite stored before its members kept why the suggester proposed them as facts
 * ({@code suite.Member#reason}) holds that reason as a note typed in the language of whoever made
 * the suite ("Proposé : correspond à chatbot ; 42 % proche par le sens"), and a member swapped in
 * for its successor holds "Replaces ISO/IEC 42001:2023. Note on ISO/IEC 42001:2023: ..." in the
 * editor's language. Such a note, when it is exactly one of the wordings the code of that time
 * generated in one of the six languages, becomes the facts it was said from, so that each reader is
 * told it in their language: a {@code reason} (the words matched, the similarity as the note's
 * percentage, whether it is a coming draft) and no note; {@code replaces}, the identifier replaced,
 * with the part "Note on X: ..." as the member's note (or, when that part is itself a generated
 * reason, as its reason). A note a person typed, or one that is not exactly such a wording, stays
 * as it is; so does a member that has a reason or says what it replaces already.
 *
 * <p>The wordings are copies of the messages and of the code of that time ({@code suite.reason*},
 * {@code suite.swapNote*} and {@code Messages.clauses} from the suites' first version to 898d9f5):
 * French with a plain space before its colons and semicolon and with the no-break ones it took
 * later, the semicolon of each language (Chinese ；, Arabic ؛) and the plain one before it, the
 * Arabic words between isolates or not (the note's cleaning dropped them) and its percentage in
 * Arabic-Indic digits (the JDK's Arabic number format) or Latin ones. A note is read back into
 * facts and taken only when those facts, said again in one of these wordings, give the note
 * exactly, its words being words as the suggester read them (letters and digits, in lower case).
 *
 * <p>Both the working copy ({@code suite}, whose version, its ETag, goes up, so that an editor's
 * write based on the old note is refused as stale) and every publication ({@code
 * suite_publication}, whose number stays) are rewritten. Flyway applies it once per database;
 * {@link #repair} finds nothing to do on a repaired store. A backup taken before this migration is
 * repaired when it is restored ({@code backup.Backup}).
 */
public final class SuiteNotesAsFacts extends RecordsMigration {
  /** The schema version this migration brings a store to. */
  public static final String VERSION = "26";

  /** The most words a reason keeps ({@code suite.Reason.MAX_WORDS}): a note with more stays. */
  static final int MAX_WORDS = 20;

  /** The longest identifier a member may say it replaces (a suite's title's limit). */
  private static final int MAX_IDENTIFIER = 200;

  private static final char FSI = '\u2068';
  private static final char PDI = '\u2069';

  /**
   * How the code of that time said a reason and a swap in one language: the reason's patterns
   * ({@code suite.reason}, each wording it had), those of its clauses, the semicolons that joined
   * them, whether the words stood between isolates (right-to-left pages), the digits of its
   * percentage, and the swap's patterns ({@code suite.swapNote}, {@code suite.swapNoteWas}).
   */
  record Wording(
      String lang,
      List<String> reasons,
      String words,
      String similarity,
      String coming,
      List<String> semicolons,
      boolean isolated,
      List<String> swaps,
      List<String> swapsWas) {}

  static final List<Wording> WORDINGS =
      List.of(
          new Wording(
              "en",
              List.of("Suggested: {0}"),
              "matches {0}",
              "{0} % close in meaning",
              "draft, coming",
              List.of("; "),
              false,
              List.of("Replaces {0}."),
              List.of("Replaces {0}. Note on {0}: {1}")),
          new Wording(
              "fr",
              List.of("Proposé : {0}", "Proposé\u00a0: {0}"),
              "correspond à {0}",
              "{0} % proche par le sens",
              "projet, à venir",
              List.of("; ", "\u202f; "),
              false,
              List.of("Remplace {0}."),
              List.of("Remplace {0}. Note sur {0} : {1}", "Remplace {0}. Note sur {0}\u00a0: {1}")),
          new Wording(
              "es",
              List.of("Sugerido: {0}"),
              "coincide con {0}",
              "{0} % cercano en significado",
              "proyecto, próximamente",
              List.of("; "),
              false,
              List.of("Sustituye a {0}."),
              List.of("Sustituye a {0}. Nota sobre {0}: {1}")),
          new Wording(
              "ru",
              List.of("Предложено: {0}"),
              "совпадает: {0}",
              "близость по смыслу {0} %",
              "проект, ожидается",
              List.of("; "),
              false,
              List.of("Заменяет {0}."),
              List.of("Заменяет {0}. Примечание к {0}: {1}")),
          new Wording(
              "zh",
              List.of("建议理由：{0}"),
              "匹配 {0}",
              "语义相似度 {0}%",
              "草案，即将发布",
              List.of("; ", "；"),
              false,
              List.of("取代 {0}。"),
              List.of("取代 {0}。关于 {0} 的备注：{1}")),
          new Wording(
              "ar",
              List.of("مقترح: {0}"),
              "يطابق {0}",
              "قرب في المعنى {0} %",
              "مسودة قادمة",
              List.of("; ", "\u061b "),
              true,
              List.of("يحلّ محلّ {0}."),
              List.of("يحلّ محلّ {0}. ملاحظة عن {0}: {1}")));

  /** Why the suggester proposed a member, as read back from its note. */
  record Facts(List<String> words, Integer percent, boolean coming) {}

  /** What a swap's note says: the identifier replaced, and the note about it (null for none). */
  record Swap(String replaces, String note) {}

  public SuiteNotesAsFacts() {
    super(
        VERSION, "suite notes generated in one language kept as facts", SuiteNotesAsFacts::repair);
  }

  /**
   * Rewrites, in the caller's transaction on {@code c}, the generated notes of the stored suites
   * and publications as facts; returns how many documents changed (0 when there is nothing left to
   * repair). A document that does not read is left as it is, as the store leaves it.
   */
  public static int repair(Connection c, Clock clock) throws SQLException {
    ObjectMapper json = Json.mapper();
    int changed = 0;
    List<String[]> suites = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("SELECT id, document FROM suite ORDER BY id");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        suites.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    List<Object[]> publications = new ArrayList<>();
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT suite_id, version, document FROM suite_publication"
                    + " ORDER BY suite_id, version");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        publications.add(new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)});
      }
    }
    try (RecordWrites writes = new RecordWrites(c, clock.instant().toString())) {
      for (String[] s : suites) {
        String rewritten = rewrite(json, s[1]);
        if (rewritten != null) {
          writes.suite(s[0], rewritten);
          changed++;
        }
      }
      for (Object[] p : publications) {
        String rewritten = rewrite(json, (String) p[2]);
        if (rewritten != null) {
          writes.publication((String) p[0], (Integer) p[1], rewritten);
          changed++;
        }
      }
      writes.flush();
    }
    return changed;
  }

  /**
   * The suite's document with its members' generated notes as facts; null when none is, or when it
   * does not read.
   */
  static String rewrite(ObjectMapper json, String document) {
    JsonNode doc;
    try {
      doc = json.readTree(document);
    } catch (JsonProcessingException e) {
      return null;
    }
    if (doc == null || !doc.isObject() || !doc.path("members").isArray()) {
      return null;
    }
    ArrayNode members = (ArrayNode) doc.get("members");
    boolean changed = false;
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i) instanceof ObjectNode m) {
        ObjectNode next = member(json, m);
        if (next != null) {
          members.set(i, next);
          changed = true;
        }
      }
    }
    if (!changed) {
      return null;
    }
    try {
      return json.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a suite", e);
    }
  }

  /** The member with its generated note as facts; null when it has none to turn. */
  private static ObjectNode member(ObjectMapper json, ObjectNode m) {
    JsonNode noteNode = m.get("note");
    if (noteNode == null
        || !noteNode.isTextual()
        || present(m, "reason")
        || present(m, "replaces")) {
      return null;
    }
    String note = noteNode.asText();
    String replaces = null;
    String typed = null;
    Facts facts;
    Swap swap = swap(note);
    if (swap != null) {
      replaces = swap.replaces();
      facts = swap.note() == null ? null : reason(swap.note());
      typed = facts == null ? swap.note() : null;
    } else {
      facts = reason(note);
      if (facts == null) {
        return null;
      }
    }
    // The member as the Member record writes it: its components in order, then anything else.
    ObjectNode out = json.createObjectNode();
    copy(m, out, "id");
    copy(m, out, "identifier");
    if (typed != null) {
      out.put("note", typed);
    }
    copy(m, out, "group");
    if (facts != null) {
      ObjectNode reason = out.putObject("reason");
      ArrayNode words = reason.putArray("words");
      facts.words().forEach(words::add);
      if (facts.percent() != null) {
        reason.put("similarity", facts.percent() / 100.0);
      }
      reason.put("coming", facts.coming());
    }
    if (replaces != null) {
      out.put("replaces", replaces);
    }
    for (Map.Entry<String, JsonNode> f : m.properties()) {
      if (!out.has(f.getKey()) && !List.of("note", "reason", "replaces").contains(f.getKey())) {
        out.set(f.getKey(), f.getValue());
      }
    }
    return out;
  }

  private static boolean present(ObjectNode m, String field) {
    return m.has(field) && !m.get(field).isNull();
  }

  private static void copy(ObjectNode from, ObjectNode to, String field) {
    if (from.has(field)) {
      to.set(field, from.get(field));
    }
  }

  /**
   * The facts of a reason the suggester's note said in one of the six languages, exactly as the
   * code of that time said it; null for any other text.
   */
  static Facts reason(String note) {
    for (Wording w : WORDINGS) {
      for (String pattern : w.reasons()) {
        String[] around = pattern.split("\\{0\\}", -1);
        if (!note.startsWith(around[0])
            || !note.endsWith(around[1])
            || note.length() < around[0].length() + around[1].length()) {
          continue;
        }
        String body = note.substring(around[0].length(), note.length() - around[1].length());
        // One semicolon joins all the clauses of a note: each is tried on its own.
        for (String semicolon : w.semicolons()) {
          for (int shape = 1; shape < 8; shape++) {
            Matcher matcher = shape(w, shape, semicolon).matcher(body);
            if (!matcher.matches()) {
              continue;
            }
            Facts facts = facts(matcher, shape);
            if (facts != null && said(w, facts).contains(note)) {
              return facts;
            }
          }
        }
      }
    }
    return null;
  }

  private static final int WORDS = 1;
  private static final int SIMILARITY = 2;
  private static final int COMING = 4;

  /**
   * The body of a reason with the clauses {@code shape} names, each in its group, joined by {@code
   * semicolon}.
   */
  private static Pattern shape(Wording w, int shape, String semicolon) {
    List<String> parts = new ArrayList<>();
    if ((shape & WORDS) != 0) {
      parts.add(around(w.words(), "(?<words>.+)"));
    }
    if ((shape & SIMILARITY) != 0) {
      parts.add(around(w.similarity(), "(?<percent>[0-9\\u0660-\\u0669]{1,3})"));
    }
    if ((shape & COMING) != 0) {
      parts.add(Pattern.quote(w.coming()));
    }
    return Pattern.compile(String.join(Pattern.quote(semicolon), parts), Pattern.DOTALL);
  }

  private static String around(String pattern, String group) {
    String[] parts = pattern.split("\\{0\\}", -1);
    return (parts[0].isEmpty() ? "" : Pattern.quote(parts[0]))
        + group
        + (parts[1].isEmpty() ? "" : Pattern.quote(parts[1]));
  }

  /**
   * A word of a description as the suggester read it: letters and digits, in lower case (it split
   * the description at everything else).
   */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** The facts of a matched body, or null when they are not those of a reason. */
  private static Facts facts(Matcher matcher, int shape) {
    List<String> words = List.of();
    if ((shape & WORDS) != 0) {
      String said = matcher.group("words");
      if (said.length() >= 2 && said.charAt(0) == FSI && said.charAt(said.length() - 1) == PDI) {
        said = said.substring(1, said.length() - 1);
      }
      words = List.of(said.split(", ", -1));
      if (words.size() > MAX_WORDS) {
        return null;
      }
      for (String word : words) {
        if (word.length() > 100
            || !WORD.matcher(word).matches()
            || !word.equals(word.toLowerCase(Locale.ROOT))) {
          return null;
        }
      }
    }
    Integer percent = null;
    if ((shape & SIMILARITY) != 0) {
      int n = 0;
      String said = matcher.group("percent");
      for (int i = 0; i < said.length(); i++) {
        n = n * 10 + Character.digit(said.charAt(i), 10);
      }
      if (n > 100) {
        return null;
      }
      percent = n;
    }
    return new Facts(words, percent, (shape & COMING) != 0);
  }

  /** Every way the code of that time said {@code facts} in {@code w}'s language. */
  static List<String> said(Wording w, Facts facts) {
    List<String> out = new ArrayList<>();
    for (String pattern : w.reasons()) {
      for (String semicolon : w.semicolons()) {
        for (boolean isolated : w.isolated() ? List.of(false, true) : List.of(false)) {
          for (boolean arabicDigits : w.isolated() ? List.of(false, true) : List.of(false)) {
            List<String> parts = new ArrayList<>();
            if (!facts.words().isEmpty()) {
              String words = String.join(", ", facts.words());
              parts.add(with(w.words(), isolated ? FSI + words + PDI : words));
            }
            if (facts.percent() != null) {
              parts.add(with(w.similarity(), digits(facts.percent(), arabicDigits)));
            }
            if (facts.coming()) {
              parts.add(w.coming());
            }
            out.add(with(pattern, String.join(semicolon, parts)));
          }
        }
      }
    }
    return out;
  }

  private static String digits(int n, boolean arabic) {
    String latin = Integer.toString(n);
    if (!arabic) {
      return latin;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < latin.length(); i++) {
      out.append((char) ('\u0660' + (latin.charAt(i) - '0')));
    }
    return out.toString();
  }

  private static String with(String pattern, String value) {
    return pattern.replace("{0}", value);
  }

  /**
   * What a swap's note says, when it is exactly one of the wordings the code of that time gave a
   * successor swapped in for a member ("Replaces X.", "Replaces X. Note on X: ..."); else null.
   */
  static Swap swap(String note) {
    for (Wording w : WORDINGS) {
      for (String pattern : w.swaps()) {
        Matcher m = Pattern.compile(around(pattern, "(.+)"), Pattern.DOTALL).matcher(note);
        if (m.matches() && identifier(m.group(1)) && with(pattern, m.group(1)).equals(note)) {
          return new Swap(m.group(1), null);
        }
      }
      for (String pattern : w.swapsWas()) {
        String[] parts = pattern.split("\\{0\\}|\\{1\\}", -1);
        Pattern p =
            Pattern.compile(
                Pattern.quote(parts[0])
                    + "(.+?)"
                    + Pattern.quote(parts[1])
                    + "\\1"
                    + Pattern.quote(parts[2])
                    + "(.+)"
                    + (parts[3].isEmpty() ? "" : Pattern.quote(parts[3])),
                Pattern.DOTALL);
        Matcher m = p.matcher(note);
        if (m.matches()
            && identifier(m.group(1))
            && !m.group(2).isBlank()
            && pattern.replace("{0}", m.group(1)).replace("{1}", m.group(2)).equals(note)) {
          return new Swap(m.group(1), m.group(2));
        }
      }
    }
    return null;
  }

  /** Whether {@code text} can be the identifier of a member: one line of clean text. */
  private static boolean identifier(String text) {
    return text.length() <= MAX_IDENTIFIER && Objects.equals(text, PlainText.line(text));
  }
}
