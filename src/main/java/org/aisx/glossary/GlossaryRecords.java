package org.aisx.glossary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.aisx.catalog.Standard;
import org.aisx.search.Hit;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;

/**
 * Where the glossary meets the catalogue: the record of a cited document (found by identifier, as
 * people type it: "ISO/IEC 22989:2022" finds iso-iec-22989-2022), the records that define or use a
 * term, and the terms a record defines or uses.
 */
public final class GlossaryRecords {
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern KIND = Pattern.compile("\\b(tr|ts|is|pas)\\b");
  private static final int USED_BY = 20;
  private static final int TERMS_OF_RECORD = 20;

  private final Glossary glossary;
  private final SearchIndex index;

  public GlossaryRecords(Glossary glossary, SearchIndex index) {
    this.glossary = glossary;
    this.index = index;
  }

  /** An identifier compared: lower case, "TR"/"TS" dropped, letters and digits only. */
  static String compared(String identifier) {
    String s = identifier.toLowerCase(Locale.ROOT);
    s = KIND.matcher(s).replaceAll(" ");
    return NOT_ALNUM.matcher(s).replaceAll("");
  }

  /**
   * Whether {@code identifier} is the document a definition cites: the same identifier, or the
   * cited one without its year ("ISO/IEC 22989" names "ISO/IEC 22989:2022").
   */
  static boolean names(String document, String identifier) {
    if (document == null || identifier == null || document.chars().noneMatch(Character::isDigit)) {
      return false;
    }
    String d = compared(document);
    String i = compared(identifier);
    return !d.isEmpty() && (i.equals(d) || (i.startsWith(d) && !document.contains(":")));
  }

  /** The catalogue's record of a cited document, current edition first; empty if not there. */
  public Optional<String> recordOf(String document) {
    if (document == null || document.chars().noneMatch(Character::isDigit)) {
      return Optional.empty();
    }
    for (Hit h : index.named(document, 5)) {
      if (names(document, h.identifier())) {
        return Optional.of(h.id());
      }
    }
    return Optional.empty();
  }

  /** The records that define the term (cite it) first, then those whose text uses its label. */
  public List<String> standards(Term t) {
    Set<String> out = new LinkedHashSet<>();
    for (Definition d : t.definitions()) {
      recordOf(d.document()).ifPresent(out::add);
    }
    String label = Labels.normal(t.labelIn("en"));
    if (!label.isEmpty()) {
      SearchRequest phrase =
          new SearchRequest(
              "\"" + label + "\"", Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, USED_BY);
      index.search(phrase).items().forEach(h -> out.add(h.id()));
    }
    return List.copyOf(out);
  }

  /**
   * The terms {@code s} defines (a definition cites its identifier), then those of several words
   * its English title, summary or keywords use, by label; at most {@value #TERMS_OF_RECORD}.
   */
  public List<Term> termsOf(Standard s) {
    List<Term> defines = new ArrayList<>();
    List<Term> uses = new ArrayList<>();
    String text =
        " "
            + Labels.normalText(
                String.join(
                    " ",
                    s.titleIn("en") == null ? "" : s.titleIn("en"),
                    s.abstractIn("en") == null ? "" : s.abstractIn("en"),
                    String.join(" ", s.keywords())))
            + " ";
    Set<String> seenLabels = new LinkedHashSet<>();
    for (Term t : glossary.terms()) {
      if (t.definitions().stream().anyMatch(d -> names(d.document(), s.identifier()))) {
        defines.add(t);
        continue;
      }
      String label = Labels.normalText(Labels.normal(t.labelIn("en")));
      if (label.contains(" ") && text.contains(" " + label + " ") && seenLabels.add(label)) {
        uses.add(t);
      }
    }
    List<Term> out = new ArrayList<>(defines);
    out.addAll(uses);
    return out.size() > TERMS_OF_RECORD ? out.subList(0, TERMS_OF_RECORD) : out;
  }
}
