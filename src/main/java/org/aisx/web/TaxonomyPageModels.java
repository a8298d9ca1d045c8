package org.aisx.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aisx.classify.Classification;
import org.aisx.taxonomy.Concept;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.LiveTaxonomy;
import org.aisx.taxonomy.Taxonomy;

/** What the taxonomy's pages show. */
public final class TaxonomyPageModels {
  private TaxonomyPageModels() {}

  /** The languages labels and definitions are edited in. */
  public static List<String> languages() {
    return Taxonomy.LANGUAGES;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The link to a concept's page. */
  public static String conceptUrl(Dimension dim, String id) {
    return "/taxonomy/" + dim.id() + "/" + id;
  }

  /** The search for records carrying a concept. */
  public static String facetUrl(Dimension dim, String id) {
    return "/search?" + dim.id() + "=" + enc(id);
  }

  /**
   * The taxonomy browser at one version; {@code csrf} is set when the caller may edit (the current
   * version only), {@code progress} is the reclassification the last edit started.
   */
  public record TaxonomyPage(
      PageModels.Layout layout,
      Taxonomy taxonomy,
      int currentVersion,
      String csrf,
      Classification.Progress progress,
      Typed typed) {
    public Messages t() {
      return layout.t();
    }

    public String lang() {
      return layout.t().lang();
    }

    public boolean earlier() {
      return taxonomy.version() != currentVersion;
    }

    public boolean canEdit() {
      return csrf != null;
    }

    /** Every concept not retired, by dimension, as parents for a new one. */
    public List<Concept> offered(Dimension dim) {
      List<Concept> out = new ArrayList<>();
      taxonomy
          .tree(dim)
          .forEach(
              n -> {
                if (!n.concept().retired()) {
                  out.add(n.concept());
                }
              });
      return out;
    }
  }

  /** One concept: its labels and definitions in every language, its place, its history. */
  public record ConceptPage(
      PageModels.Layout layout,
      Taxonomy taxonomy,
      Concept concept,
      List<LiveTaxonomy.Version> history,
      String csrf,
      Typed typed) {
    public Messages t() {
      return layout.t();
    }

    public String lang() {
      return layout.t().lang();
    }

    public boolean canEdit() {
      return csrf != null;
    }

    public Dimension dimension() {
      return concept.dimension();
    }

    public Concept parent() {
      return concept.parent() == null
          ? null
          : taxonomy.concept(concept.dimension(), concept.parent()).orElse(null);
    }

    public List<Concept> narrower() {
      return taxonomy.narrower(concept.dimension(), concept.id());
    }

    /** Concepts it may be moved under: offered ones, not itself or narrower than it. */
    public List<Concept> parents() {
      List<Concept> out = new ArrayList<>();
      for (Taxonomy.Node n : taxonomy.tree(concept.dimension())) {
        Concept c = n.concept();
        if (!c.retired() && !under(c)) {
          out.add(c);
        }
      }
      return out;
    }

    private boolean under(Concept c) {
      for (String at = c.id(); at != null; ) {
        if (at.equals(concept.id())) {
          return true;
        }
        at = taxonomy.concept(concept.dimension(), at).map(Concept::parent).orElse(null);
      }
      return false;
    }
  }

  /**
   * A change a coordinator sent by a form and the page refused: what was typed and chosen (the
   * template escapes it), shown again in the form of {@code kind}, and the problems by field
   * ({@code concept}, {@code labels.fr}, {@code parent} ...); {@link #NONE} for fresh forms.
   */
  public record Typed(
      String kind,
      String dimension,
      String concept,
      String parent,
      java.util.Map<String, String> labels,
      java.util.Map<String, String> definitions,
      List<org.aisx.catalog.Problem> problems) {
    public static final Typed NONE =
        new Typed("", null, null, null, java.util.Map.of(), java.util.Map.of(), List.of());

    public Typed {
      labels = java.util.Map.copyOf(labels);
      definitions = java.util.Map.copyOf(definitions);
      problems = List.copyOf(problems);
    }

    /** Whether this is the refused change of the form of {@code kind}. */
    public boolean is(String formKind) {
      return kind.equals(formKind);
    }

    public String label(String lang) {
      return labels.getOrDefault(lang, "");
    }

    public String definition(String lang) {
      return definitions.getOrDefault(lang, "");
    }

    public String conceptOrEmpty() {
      return concept == null ? "" : concept;
    }

    /** The problems of one field: {@code labels.fr}, or {@code labels} for all its languages. */
    public List<org.aisx.catalog.Problem> problemsOf(String field) {
      return problems.stream()
          .filter(p -> p.field().equals(field) || p.field().startsWith(field + "."))
          .toList();
    }

    /** A problem's field as the form names it in the page's language. */
    public String fieldName(String field, Messages t) {
      int dot = field.indexOf('.');
      String lang = dot < 0 ? null : field.substring(dot + 1);
      String base = dot < 0 ? field : field.substring(0, dot);
      String language = lang != null ? FieldValues.languageName(t, lang) : null;
      return switch (base) {
        case "concept" -> t.get("taxonomy.edit.id");
        case "dimension" -> t.get("taxonomy.edit.dimension");
        case "parent" -> t.get("taxonomy.concept.parent");
        case "labels" -> lang == null ? field : t.get("taxonomy.edit.labelIn", language);
        case "definitions" -> lang == null ? field : t.get("taxonomy.edit.definitionIn", language);
        default -> field;
      };
    }

    /** The input of a problem's field, for the summary's link; {@code prefix} is the form's. */
    public String inputOf(String field, String prefix) {
      int dot = field.indexOf('.');
      String base = dot < 0 ? field : field.substring(0, dot);
      String lang = dot < 0 ? "en" : field.substring(dot + 1);
      return switch (base) {
        case "labels" -> prefix + "label-" + lang;
        case "definitions" -> prefix + "definition-" + lang;
        case "parent" -> prefix.isEmpty() ? "move-parent" : prefix + "parent";
        case "concept", "dimension" -> prefix.isEmpty() ? "edit-h" : prefix + base;
        default -> prefix.isEmpty() ? "edit-h" : "add-h";
      };
    }
  }

  /** Every version, newest first. */
  public record HistoryPage(
      PageModels.Layout layout, Taxonomy current, List<LiveTaxonomy.Version> versions) {
    public Messages t() {
      return layout.t();
    }

    public String lang() {
      return layout.t().lang();
    }

    /** The concept's label now (its id when it is not in the current version). */
    public String label(LiveTaxonomy.Version v) {
      return current.label(v.edit().change().dimension(), v.edit().change().concept(), lang());
    }

    /**
     * What a difference changed, as the edit form names it: "Label in Français" for {@code
     * labels.fr}, "Broader concept" for {@code parent}.
     */
    public String field(Taxonomy.Difference d) {
      Messages t = layout.t();
      String f = d.field();
      int dot = f.indexOf('.');
      if (dot > 0) {
        // The language as the edit form names it, in the page's language.
        String language = FieldValues.languageName(t, f.substring(dot + 1));
        return switch (f.substring(0, dot)) {
          case "labels" -> t.get("taxonomy.edit.labelIn", language);
          case "definitions" -> t.get("taxonomy.edit.definitionIn", language);
          default -> f;
        };
      }
      return switch (f) {
        case "concept" -> t.get("field.identifier");
        case "parent" -> t.get("taxonomy.concept.parent");
        case "retired" -> t.get("taxonomy.retired");
        default -> f;
      };
    }

    /** A side of a difference: yes or no for {@code retired}, else the text; null for none. */
    public String value(Taxonomy.Difference d, String v) {
      if (v != null && d.field().equals("retired")) {
        return layout.t().get(Boolean.parseBoolean(v) ? "yes" : "no");
      }
      return v;
    }
  }
}
