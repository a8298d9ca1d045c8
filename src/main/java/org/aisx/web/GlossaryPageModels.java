package org.aisx.web;

import java.util.List;
import java.util.Map;
import org.aisx.glossary.Definition;
import org.aisx.glossary.Evidence;
import org.aisx.glossary.Glossary;
import org.aisx.glossary.Mapping;
import org.aisx.glossary.MappingEvent;
import org.aisx.glossary.MappingState;
import org.aisx.glossary.Term;
import org.aisx.glossary.Vocabulary;
import org.aisx.web.PageModels.Layout;

/** What the glossary's pages show (templates glossary.jte, glossary-term.jte, mappings.jte). */
public final class GlossaryPageModels {
  private GlossaryPageModels() {}

  /**
   * Why the machine suggested a mapping, in plain words in {@code t}'s language ("same name;
   * definitions 99 % alike"), from its stored {@link Evidence}; null for evidence of a shape the
   * pages do not know, which they show as stored, in English.
   */
  static String reason(Messages t, String evidence, Map<String, String> vocabularyNames) {
    Evidence e = Evidence.parse(evidence);
    if (e.kind() == Evidence.Kind.OTHER) {
      return null;
    }
    int alike = PageModels.percent(e.cosine());
    return switch (e.kind()) {
      case SAME_LABEL -> t.get("glossary.reason.sameLabel", alike);
      case SPECIALISES ->
          t.isolating("glossary.reason.specialises", e.narrower(), e.broader(), alike);
      case NEAREST -> t.get("glossary.reason.nearest", alike);
      case LINKED ->
          t.isolating(
              "glossary.reason.linked",
              vocabularyNames.getOrDefault(e.vocabulary(), e.vocabulary()),
              alike);
      case OTHER -> null;
    };
  }

  /** The key prefix of a vocabulary whose name and notice are ours, said in every language. */
  private static String ownKey(Vocabulary v) {
    return "glossary.vocabulary." + v.id() + ".";
  }

  /**
   * A vocabulary as a page in {@code t}'s language names it: one whose name and notice are ours
   * (the catalogue's own definitions) in that language, a published one by its own name and notice.
   */
  static Vocabulary localized(Vocabulary v, Messages t) {
    String key = ownKey(v);
    if (!t.has(key + "name")) {
      return v;
    }
    return new Vocabulary(
        v.id(),
        t.get(key + "name"),
        v.url(),
        t.get(key + "notice"),
        v.licence(),
        v.licenceUrl(),
        v.licenceText());
  }

  /** The language of a vocabulary's notice as {@link #localized} gives it. */
  static String noticeLang(Vocabulary v, Messages t) {
    return t.has(ownKey(v) + "notice") ? t.lang() : "en";
  }

  /** The direction of a vocabulary's notice as {@link #localized} gives it. */
  static String noticeDir(Vocabulary v, Messages t) {
    return t.has(ownKey(v) + "notice") ? t.dir() : "ltr";
  }

  /** A record a term links to: its id, identifier and title. */
  public record RecordLink(String id, String identifier, String title) {}

  /** The glossary: a search, the source filter and a page of terms. */
  public record ListPage(
      Layout layout,
      String q,
      String source,
      List<Vocabulary> vocabularies,
      Map<String, Integer> documents,
      List<Term> terms,
      int total,
      int page,
      boolean more,
      String query) {
    public Messages t() {
      return layout.t();
    }

    public String vocabularyName(String id) {
      return vocabularies.stream()
          .filter(v -> v.id().equals(id))
          .map(Vocabulary::name)
          .findFirst()
          .orElse(id);
    }

    public String pageUrl(int p) {
      return "/glossary?" + query + "page=" + p;
    }

    public int lastPage() {
      return Math.max(1, (total + GlossaryRoutes.PAGE_SIZE - 1) / GlossaryRoutes.PAGE_SIZE);
    }

    public String noticeLang(Vocabulary v) {
      return GlossaryPageModels.noticeLang(v, layout.t());
    }

    public String noticeDir(Vocabulary v) {
      return GlossaryPageModels.noticeDir(v, layout.t());
    }
  }

  /**
   * One definition on a term's page, beside the others: whose term it is, how that term relates to
   * the page's (null for the page's own), and the catalogue record of the cited document.
   */
  public record Side(Term term, Definition definition, String relation, RecordLink record) {}

  /** A term: its definitions beside those of the terms it maps to, mappings, records, history. */
  public record TermPage(
      Layout layout,
      Term term,
      Vocabulary vocabulary,
      List<Side> sides,
      List<Glossary.Link> links,
      List<RecordLink> standards,
      List<MappingEvent> history,
      List<Vocabulary> notices,
      Map<String, String> labels,
      Map<String, String> vocabularyNames) {
    public Messages t() {
      return layout.t();
    }

    public String label(String termId) {
      return labels.getOrDefault(termId, termId);
    }

    public String noticeLang(Vocabulary v) {
      return GlossaryPageModels.noticeLang(v, layout.t());
    }

    public String noticeDir(Vocabulary v) {
      return GlossaryPageModels.noticeDir(v, layout.t());
    }

    public String vocabularyName(String id) {
      return vocabularyNames.getOrDefault(id, id);
    }

    /** Why the machine suggested {@code m} in the page's language; null: say it as stored. */
    public String reason(Mapping m) {
      return GlossaryPageModels.reason(layout.t(), m.evidence(), vocabularyNames);
    }
  }

  /** A row of the mapping review queue. */
  public record MappingRow(Mapping mapping, Term from, Term to) {
    public String key() {
      return mapping.key();
    }
  }

  /** The queue of mapping suggestions. */
  public record ReviewPage(
      Layout layout,
      String state,
      String type,
      long min,
      int page,
      String query,
      Map<MappingState, Long> counts,
      List<MappingRow> rows,
      boolean more,
      String csrf,
      Integer changed,
      Map<String, String> vocabularyNames,
      // The form was sent with no mapping ticked.
      boolean nothingChosen) {
    public Messages t() {
      return layout.t();
    }

    /** Why the machine suggested {@code m} in the page's language; null: say it as stored. */
    public String reason(Mapping m) {
      return GlossaryPageModels.reason(layout.t(), m.evidence(), vocabularyNames);
    }

    public String pageUrl(int p) {
      return "/review/mappings?" + query + "&page=" + p;
    }

    public String vocabularyName(String id) {
      return vocabularyNames.getOrDefault(id, id);
    }
  }
}
