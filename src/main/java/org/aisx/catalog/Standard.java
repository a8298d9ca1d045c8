package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One publication, one edition: the record of SPEC §1. Instances are immutable; build changed
 * copies with {@link #toBuilder()}. Validation happens in {@link StandardValidator} (one rule per
 * field), called by {@link StandardReader}, never here, so a record read back from the store is
 * never rejected. A new field is a component here (and its builder setter), its rule in {@link
 * StandardValidator} and its messages in the bundles.
 */
public record Standard(
    String id,
    String identifier,
    List<Identifier> identifiers,
    Map<String, String> title,
    @JsonProperty("abstract") Map<String, String> summary,
    String sdo,
    String committee,
    PublicationType type,
    Status status,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean statusInferred,
    String stage,
    String published,
    String edition,
    String url,
    Kind kind,
    List<String> keywords,
    List<String> verticals,
    List<String> activities,
    List<String> applications,
    List<String> concerns,
    Map<String, List<Suggestion>> suggestions,
    List<UseCase> useCases,
    Boolean openSource,
    String codeRepository,
    List<Relation> relations,
    // Left out of the JSON when empty, as a feed mapper's record is (no provenance until stored).
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> fieldSources,
    String source,
    int revision) {

  /**
   * The record's fields as JSON names them, in the order JSON writes them: the components above,
   * renamed where {@link JsonProperty} says so. Everything that lists the fields derives from this.
   */
  public static final List<String> FIELDS =
      java.util.Arrays.stream(Standard.class.getRecordComponents())
          .map(
              c -> {
                JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
                return renamed != null ? renamed.value() : c.getName();
              })
          .toList();

  /**
   * The fields the catalogue and the classifier own: a write (an edit, a submission) may send them
   * back as a read gave them, and they are set aside, never taken from the writer.
   */
  public static final List<String> OWNED_BY_SERVICE =
      List.of("source", "revision", "suggestions", "fieldSources");

  public Standard {
    identifiers = List.copyOf(identifiers == null ? List.of() : identifiers);
    title = Map.copyOf(title == null ? Map.of() : title);
    summary = Map.copyOf(summary == null ? Map.of() : summary);
    keywords = List.copyOf(keywords == null ? List.of() : keywords);
    verticals = List.copyOf(verticals == null ? List.of() : verticals);
    activities = List.copyOf(activities == null ? List.of() : activities);
    applications = List.copyOf(applications == null ? List.of() : applications);
    concerns = List.copyOf(concerns == null ? List.of() : concerns);
    suggestions = Map.copyOf(suggestions == null ? Map.of() : suggestions);
    useCases = List.copyOf(useCases == null ? List.of() : useCases);
    relations = List.copyOf(relations == null ? List.of() : relations);
    fieldSources = FieldSources.copyOf(fieldSources);
    source = SourceNames.publishable(source);
  }

  /**
   * The title in {@code lang}, else English, else any language; a feed's placeholder for a title it
   * does not have ({@link #isPlaceholderTitle}) counts as no title in its language.
   */
  public String titleIn(String lang) {
    return pickTitle(title, lang);
  }

  /**
   * The title a reader of {@code lang} is shown ({@link #titleIn}), or null when the record has
   * none: what the API answers as a title in one language (a search item, a reference to a record),
   * never an empty text (SPEC §4; the record's own {@code title} is then {@code {}}).
   */
  public String titleOrNull(String lang) {
    return titleOrNull(title, lang);
  }

  /** As {@link #titleOrNull(String)}, from per-language {@code titles}. */
  public static String titleOrNull(Map<String, String> titles, String lang) {
    String t = pickTitle(titles, lang);
    return t.isEmpty() ? null : t;
  }

  /**
   * Whether the record has no title: a feed may describe a publication without one (ISO Open Data's
   * deliverables files carry none), or give only its placeholder for one ({@link
   * #isPlaceholderTitle}), and it is still a record until a feed or a person gives it.
   */
  public boolean untitled() {
    return untitled(title);
  }

  /** Whether per-language {@code titles} hold no title but placeholders, or nothing. */
  public static boolean untitled(Map<String, String> titles) {
    return realTitles(titles).isEmpty();
  }

  /**
   * What a reader of {@code lang} is shown where the record's title goes (a heading, a link): the
   * title ({@link #titleIn}), or the identifier alone when the record has none ({@link #nameOf}).
   */
  public String nameIn(String lang) {
    return nameOf(title, identifier, lang);
  }

  /**
   * The title a reader of {@code lang} is shown from per-language {@code titles}, or {@code
   * identifier} when there is none: a record without a title is named by its identifier, never by
   * an empty text.
   */
  public static String nameOf(Map<String, String> titles, String identifier, String lang) {
    String t = pickTitle(titles, lang);
    return t.isEmpty() ? identifier : t;
  }

  /** The abstract in {@code lang}, else English, else any language; empty when there is none. */
  public String abstractIn(String lang) {
    return pick(translations(summary), lang);
  }

  /** The language {@link #titleIn} picks for {@code lang}, for marking it in pages. */
  public String titleLanguage(String lang) {
    return pickLanguage(realTitles(title), lang);
  }

  /** The language {@link #abstractIn} picks for {@code lang}. */
  public String abstractLanguage(String lang) {
    return pickLanguage(translations(summary), lang);
  }

  /** The language a reader of {@code lang} is shown from per-language {@code texts}. */
  public static String pickLanguage(Map<String, String> texts, String lang) {
    if (texts.containsKey(lang)) {
      return lang;
    }
    if (texts.containsKey("en")) {
      return "en";
    }
    return texts.keySet().stream().sorted().findFirst().orElse(lang);
  }

  /** The bodies that publish this record: each of a joint body's ("ISO/IEC": ISO and IEC). */
  public List<String> bodies() {
    return bodiesOf(sdo);
  }

  /**
   * The bodies that publish a record whose {@code sdo} is given: each part of a joint body
   * ("ISO/IEC" is ISO and IEC), a single body alone; empty for none.
   */
  public static List<String> bodiesOf(String sdo) {
    return Bodies.of(sdo);
  }

  /** Publication year, or 0 when unknown. */
  public int year() {
    return yearOf(published);
  }

  /** The year of an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or 0. */
  public static int yearOf(String published) {
    if (published == null || published.length() < 4) {
      return 0;
    }
    try {
      return Integer.parseInt(published.substring(0, 4));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The confirmed concepts of one taxonomy dimension. */
  public List<String> concepts(String dimension) {
    return switch (dimension) {
      case "vertical" -> verticals;
      case "activity" -> activities;
      case "application" -> applications;
      case "concern" -> concerns;
      default -> throw new IllegalArgumentException("no taxonomy dimension " + dimension);
    };
  }

  /**
   * Whether {@code title} is a feed's placeholder for a title it does not have in a language, not a
   * title: ISO's and IEC's French feeds write "Titre manque" (alone, or as a part: "Partie 2-23:
   * Titre manque", "Titre manque -- Amendement 1"), their English ones now and then "Title missing"
   * ("Title missing - Legacy paper document").
   */
  public static boolean isPlaceholderTitle(String title) {
    if (title == null) {
      return false;
    }
    String t = title.toLowerCase(java.util.Locale.ROOT);
    return t.contains("titre manque") || t.contains("title missing");
  }

  /**
   * {@code titles} without the languages whose title is a placeholder or a copy of the English one
   * ({@link #translations}). A placeholder is never shown or searched as a title, even when nothing
   * else is left: the record is then untitled, named by its identifier ({@link #nameOf}).
   */
  public static Map<String, String> realTitles(Map<String, String> titles) {
    Map<String, String> translated = translations(titles);
    if (translated.values().stream().noneMatch(Standard::isPlaceholderTitle)) {
      return translated;
    }
    Map<String, String> real = new java.util.LinkedHashMap<>();
    translated.forEach(
        (lang, text) -> {
          if (!isPlaceholderTitle(text)) {
            real.put(lang, text);
          }
        });
    return real;
  }

  /**
   * {@code texts} without the other languages whose text is the English text again: some feeds
   * (ISO's, for about 0.5 % of its records) fill the French title with the English one, which is
   * then English shown as French. The stored record keeps what the feed gave; a reader of French is
   * shown the English text, marked as English.
   */
  public static Map<String, String> translations(Map<String, String> texts) {
    String english = texts.get("en");
    if (english == null
        || texts.size() < 2
        || texts.entrySet().stream()
            .noneMatch(
                e -> !e.getKey().equals("en") && e.getValue().strip().equals(english.strip()))) {
      return texts;
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    texts.forEach(
        (lang, text) -> {
          if (lang.equals("en") || !text.strip().equals(english.strip())) {
            out.put(lang, text);
          }
        });
    return out;
  }

  /** The title a reader of {@code lang} is shown ({@link #titleIn}) from per-language titles. */
  public static String pickTitle(Map<String, String> titles, String lang) {
    return pick(realTitles(titles), lang);
  }

  /** The text a reader of {@code lang} is shown: theirs, else English, else any. */
  public static String pick(Map<String, String> texts, String lang) {
    return texts.getOrDefault(pickLanguage(texts, lang), "");
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public static Builder builder(String identifier) {
    return new Builder().identifier(identifier);
  }

  /** Builds changed copies; the id always follows the identifier. */
  public static final class Builder {
    private String identifier;
    private List<Identifier> identifiers = List.of();
    private Map<String, String> title = Map.of();
    private Map<String, String> summary = Map.of();
    private String sdo;
    private String committee;
    private PublicationType type;
    private Status status;
    private boolean statusInferred;
    private String stage;
    private String published;
    private String edition;
    private String url;
    private Kind kind;
    private List<String> keywords = List.of();
    private List<String> verticals = List.of();
    private List<String> activities = List.of();
    private List<String> applications = List.of();
    private List<String> concerns = List.of();
    private Map<String, List<Suggestion>> suggestions = Map.of();
    private List<UseCase> useCases = List.of();
    private Boolean openSource;
    private String codeRepository;
    private List<Relation> relations = List.of();
    private Map<String, List<String>> fieldSources = Map.of();
    private String source;
    private int revision;

    private Builder() {}

    private Builder(Standard s) {
      identifier = s.identifier;
      identifiers = s.identifiers;
      title = s.title;
      summary = s.summary;
      sdo = s.sdo;
      committee = s.committee;
      type = s.type;
      status = s.status;
      statusInferred = s.statusInferred;
      stage = s.stage;
      published = s.published;
      edition = s.edition;
      url = s.url;
      kind = s.kind;
      keywords = s.keywords;
      verticals = s.verticals;
      activities = s.activities;
      applications = s.applications;
      concerns = s.concerns;
      suggestions = s.suggestions;
      useCases = s.useCases;
      openSource = s.openSource;
      codeRepository = s.codeRepository;
      relations = s.relations;
      fieldSources = s.fieldSources;
      source = s.source;
      revision = s.revision;
    }

    public Builder identifier(String v) {
      identifier = v;
      return this;
    }

    public Builder identifiers(List<Identifier> v) {
      identifiers = v;
      return this;
    }

    public Builder title(Map<String, String> v) {
      title = v;
      return this;
    }

    public Builder summary(Map<String, String> v) {
      summary = v;
      return this;
    }

    public Builder sdo(String v) {
      sdo = v;
      return this;
    }

    public Builder committee(String v) {
      committee = v;
      return this;
    }

    public Builder type(PublicationType v) {
      type = v;
      return this;
    }

    public Builder status(Status v) {
      status = v;
      return this;
    }

    /** Whether the importer inferred {@code status} because the feed gave none (SPEC §1). */
    public Builder statusInferred(boolean v) {
      statusInferred = v;
      return this;
    }

    public Builder stage(String v) {
      stage = v;
      return this;
    }

    public Builder published(String v) {
      published = v;
      return this;
    }

    public Builder edition(String v) {
      edition = v;
      return this;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    public Builder kind(Kind v) {
      kind = v;
      return this;
    }

    public Builder keywords(List<String> v) {
      keywords = v;
      return this;
    }

    public Builder verticals(List<String> v) {
      verticals = v;
      return this;
    }

    public Builder activities(List<String> v) {
      activities = v;
      return this;
    }

    public Builder applications(List<String> v) {
      applications = v;
      return this;
    }

    public Builder concerns(List<String> v) {
      concerns = v;
      return this;
    }

    public Builder suggestions(Map<String, List<Suggestion>> v) {
      suggestions = v;
      return this;
    }

    public Builder useCases(List<UseCase> v) {
      useCases = v;
      return this;
    }

    public Builder openSource(Boolean v) {
      openSource = v;
      return this;
    }

    public Builder codeRepository(String v) {
      codeRepository = v;
      return this;
    }

    public Builder relations(List<Relation> v) {
      relations = v;
      return this;
    }

    /** Field name → the feeds its value came from (see {@link FieldSources}). */
    public Builder fieldSources(Map<String, List<String>> v) {
      fieldSources = v;
      return this;
    }

    public Builder source(String v) {
      source = v;
      return this;
    }

    public Builder revision(int v) {
      revision = v;
      return this;
    }

    public Standard build() {
      return new Standard(
          Slug.of(identifier),
          identifier,
          identifiers,
          title,
          summary,
          sdo,
          committee,
          type,
          status,
          statusInferred,
          stage,
          published,
          edition,
          url,
          kind,
          keywords,
          verticals,
          activities,
          applications,
          concerns,
          suggestions,
          useCases,
          openSource,
          codeRepository,
          relations,
          fieldSources,
          source,
          revision);
    }
  }
}
