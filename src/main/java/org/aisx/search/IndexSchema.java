package org.aisx.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.classify.AiRelevance;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/**
 * What the index holds of a record: the stored hit, the analysed text fields, the facet dimensions
 * (each taxonomy facet twice, confirmed only and with suggestions), the sort keys and the vector.
 * An index committed with another {@link #VERSION} is rebuilt from the store when opened.
 */
final class IndexSchema {
  /**
   * 2: taxonomy facets also indexed with machine suggestions ({@code <facet>_all}); 3: identifiers
   * index the leading number of a token such as "53r5" ({@link IdentifierAnalyzer}); 4: the status
   * {@code replaced} (drafts no longer in development); 5: Spanish titles with the Spanish
   * analyzer; 6: Japanese titles and abstracts in fields of their own ({@code title_ja}, Kuromoji);
   * 7: "NISTIR" indexed as "NIST IR" ({@link IdentifierAnalyzer}); 8: the facet {@code ai} (core,
   * adjacent, other); 9: the year also as a doc value ({@code year_value}), for the landscape's
   * year axis; 10: the third mapping of the facet {@code ai} (docs/ai-corpus.md), so that indexes
   * holding the second mapping's tiers are rebuilt; 11: the fourth mapping (recognition of people
   * and writing, automatic interpretation, knowledge-based systems, support vector machines; edge
   * intelligence and intelligent process automation adjacent); 12: the fifth mapping (generic
   * biometric recognition, "technology", grammars, requests for proposals, memoranda and devices
   * under test no longer core; "intelligent" as a title's only cue no longer makes a record
   * adjacent); 13: the tiers an editorial review decided (the AI census, {@code
   * classify/ai-tier-reviews.tsv}) win over the rules; 14: titles, abstracts and keywords also as
   * written ({@code title_words}, {@code text_words}, {@link WordsAnalyzer}), for prefixes; 15: the
   * facet {@code sdo} holds each body of a joint publication ("ISO/IEC": ISO and IEC), the value as
   * written in {@code sdo_exact}; 16: a title or abstract that another language's slot repeats word
   * for word (the ISO feed gives its English text as the French one where it has no translation) is
   * indexed under English only ({@link Standard#translations}), not read again by the French
   * analyzer; 17: a feed's placeholder for a title it lacks ("Titre manque", {@link
   * Standard#isPlaceholderTitle}) is not indexed as a title, so that "manque" no longer finds every
   * record whose French title the feed left out; 18: a record folded into its twin ({@link
   * org.aisx.editions.Twins}, a W3C dated edition that is its latest version's text) is marked
   * ({@link IndexFields#FOLDED}) and left out of result lists, and its card's hit names it.
   */
  static final String VERSION = "18";

  /** The value of {@link IndexFields#FOLDED} on a folded record. */
  static final String FOLDED = "yes";

  /** The records folded into their twin ({@link IndexFields#FOLDED}). */
  static org.apache.lucene.search.Query folded() {
    return new org.apache.lucene.search.TermQuery(
        new org.apache.lucene.index.Term(IndexFields.FOLDED, FOLDED));
  }

  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern DATE_DIGITS = Pattern.compile("\\d{4,8}");
  private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");

  private final FacetsConfig facetsConfig = new FacetsConfig();

  IndexSchema() {
    for (Facet f : Facet.values()) {
      facetsConfig.setMultiValued(f.id(), f.multiValued());
      if (f.taxonomy()) {
        facetsConfig.setMultiValued(withSuggestions(f), true);
      }
    }
  }

  /** How the facet dimensions are indexed; configured here once, then only read. */
  FacetsConfig facets() {
    return facetsConfig;
  }

  /**
   * The document of record {@code s}: {@code hit} stored (what a result list shows), its texts
   * analysed per field, its facets confirmed and with {@code suggested} concepts, its sort keys,
   * and its embedding when it has one.
   */
  Document document(Standard s, Map<String, List<String>> suggested, byte[] hit, float[] vector)
      throws java.io.IOException {
    Document doc = new Document();
    doc.add(new StringField(IndexFields.ID, s.id(), Field.Store.YES));
    doc.add(new StoredField(IndexFields.DOCUMENT, hit));
    org.aisx.editions.Twins.foldedInto(s)
        .ifPresent(
            card -> {
              doc.add(new StringField(IndexFields.FOLDED, FOLDED, Field.Store.NO));
              doc.add(new StoredField(IndexFields.FOLDED_CARD, card.identifier()));
            });
    doc.add(new TextField(IndexFields.IDENTIFIER, s.identifier(), Field.Store.NO));
    for (Identifier other : s.identifiers()) {
      doc.add(new TextField(IndexFields.IDENTIFIER, other.value(), Field.Store.NO));
    }
    Standard.realTitles(s.title())
        .forEach(
            (lang, t) -> {
              doc.add(new TextField(IndexFields.title(lang), t, Field.Store.NO));
              doc.add(new TextField(IndexFields.TITLE_WORDS, t, Field.Store.NO));
            });
    Standard.translations(s.summary())
        .forEach(
            (lang, t) -> {
              doc.add(new TextField(IndexFields.summary(lang), t, Field.Store.NO));
              doc.add(new TextField(IndexFields.TEXT_WORDS, t, Field.Store.NO));
            });
    for (String k : s.keywords()) {
      doc.add(new TextField(IndexFields.KEYWORDS, k, Field.Store.NO));
      doc.add(new TextField(IndexFields.TEXT_WORDS, k, Field.Store.NO));
    }
    if (s.committee() != null) {
      doc.add(new TextField(IndexFields.COMMITTEE, s.committee(), Field.Store.NO));
    }
    for (String body : s.bodies()) {
      facet(doc, Facet.SDO, body);
    }
    if (s.sdo() != null && !s.sdo().isBlank()) {
      doc.add(new StringField(IndexFields.SDO_EXACT, s.sdo(), Field.Store.NO));
    }
    facet(doc, Facet.TYPE, s.type() == null ? null : s.type().wire());
    facet(doc, Facet.STATUS, s.status() == null ? null : s.status().wire());
    facet(doc, Facet.COMMITTEE, s.committee());
    facet(doc, Facet.AI, AiRelevance.tier(s).wire());
    classification(doc, Facet.VERTICAL, s.verticals(), suggested);
    classification(doc, Facet.ACTIVITY, s.activities(), suggested);
    classification(doc, Facet.APPLICATION, s.applications(), suggested);
    classification(doc, Facet.CONCERN, s.concerns(), suggested);
    int year = s.year();
    if (year > 0) {
      doc.add(new IntPoint(IndexFields.YEAR, year));
      doc.add(new NumericDocValuesField(IndexFields.YEAR_VALUE, year));
    }
    doc.add(new NumericDocValuesField(IndexFields.PUBLISHED_SORT, dateKey(s.published())));
    doc.add(
        new SortedDocValuesField(
            IndexFields.IDENTIFIER_SORT, new BytesRef(naturalKey(s.identifier()))));
    doc.add(new DoubleDocValuesField(IndexFields.CURRENCY, currency(s.status())));
    doc.add(
        new DoubleDocValuesField(
            IndexFields.CURRENCY_BY_MEANING, 0.9 + 0.1 * currency(s.status())));
    if (vector != null) {
      doc.add(
          new org.apache.lucene.document.KnnFloatVectorField(
              IndexFields.VECTOR,
              vector,
              org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT));
    }
    return facetsConfig.build(doc);
  }

  /**
   * A taxonomy facet twice: confirmed labels under the facet's own name, and confirmed labels with
   * machine suggestions under {@link #withSuggestions}, so that a search picks either.
   */
  private static void classification(
      Document doc, Facet facet, List<String> confirmed, Map<String, List<String>> suggested) {
    Set<String> all = new java.util.LinkedHashSet<>(confirmed);
    all.addAll(suggested.getOrDefault(facet.id(), List.of()));
    for (String v : confirmed) {
      facet(doc, facet, v);
    }
    for (String v : all) {
      doc.add(new SortedSetDocValuesFacetField(withSuggestions(facet), v));
    }
  }

  /** The facet dimension holding a taxonomy facet's confirmed and suggested concepts. */
  static String withSuggestions(Facet facet) {
    return facet.id() + "_all";
  }

  /** The facet dimension a request filters and counts {@code facet} in. */
  static String dimension(Facet facet, SearchRequest request) {
    return facet.taxonomy() && request.includeSuggestions() ? withSuggestions(facet) : facet.id();
  }

  private static void facet(Document doc, Facet facet, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new SortedSetDocValuesFacetField(facet.id(), value));
    }
  }

  /** How much a status weighs in relevance: current editions come before superseded ones. */
  static double currency(Status status) {
    if (status == null) {
      return 0.5;
    }
    return switch (status) {
      case IN_FORCE -> 1.0;
      case DRAFT -> 0.85;
      case SUPERSEDED -> 0.4;
      case WITHDRAWN -> 0.35;
      case REPLACED -> 0.3;
    };
  }

  /** {@code 2023-12-18} → 20231218, {@code 2023} → 20230000; 0 when unknown. */
  static long dateKey(String published) {
    if (published == null) {
      return 0;
    }
    String digits = published.replace("-", "");
    if (!DATE_DIGITS.matcher(digits).matches()) {
      return 0;
    }
    return Long.parseLong((digits + "0000").substring(0, 8));
  }

  /**
   * Lower case with every number zero-padded, so Y.3172 sorts before Y.31720 and 5259 before 22989.
   */
  static String naturalKey(String identifier) {
    Matcher m = DIGITS.matcher(identifier.toLowerCase(java.util.Locale.ROOT));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String n = LEADING_ZEROS.matcher(m.group()).replaceFirst("");
      m.appendReplacement(out, "0".repeat(Math.max(0, 12 - n.length())) + n);
    }
    m.appendTail(out);
    return out.toString();
  }
}
