package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.bibitemIdentifier;
import static org.aisx.ingest.RelatonFields.first;
import static org.aisx.ingest.RelatonFields.firstNonNull;
import static org.aisx.ingest.RelatonFields.idValue;
import static org.aisx.ingest.RelatonFields.isTrue;
import static org.aisx.ingest.RelatonFields.language;
import static org.aisx.ingest.RelatonFields.list;
import static org.aisx.ingest.RelatonFields.markup;
import static org.aisx.ingest.RelatonFields.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Maps one parsed Relaton record (a YAML mapping) to a {@link Standard}: what every Relaton record
 * has, read the same way for every body, and the record's {@link BodyRules} for the rest (stage,
 * status, type, kind, published date, committee; the body's own naming of itself, its relations and
 * missing titles). Both schema generations of the public Relaton data repositories are read: v1.2.x
 * ({@code docid[].id}, {@code link[]}, {@code docstatus.stage.value}, {@code date[].value},
 * languages as lists; the IEC and IEEE feeds) and v1.5.x ({@code docidentifier[].content}, {@code
 * source[]}, {@code status.stage.content}, {@code date[].at}, languages as strings; the ITU-T
 * feed).
 *
 * <h2>Identifier</h2>
 *
 * The first {@code primary: true} docid without a {@code scope} (IEEE marks its ™ spelling with
 * {@code scope: trademark}). All other docids (URN, DOI, ISBN, the ™ spelling, the ISO number of a
 * joint ITU-T | ISO/IEC text) go to {@code identifiers} with their Relaton type. A record without a
 * primary docid is rejected. The type of the primary docid picks the body rules ({@link
 * BodyRules#of}).
 *
 * <h2>Publisher ({@code sdo})</h2>
 *
 * The publisher contributors' abbreviations (the organisation's {@code abbreviation}; else the
 * first of its names, in any language, that a body's rules know, so "一般財団法人 日本規格協会" is JIS; else
 * its English name; a full name as its body's rules abbreviate it, {@link
 * BodyRules#abbreviationOf}; CISPR counts as IEC) in the order ISO, IEC, IEEE, others, joined by
 * "/"; without publishers, the body prefix of the identifier ("JIS" of "JIS X 22989"). A body that
 * names itself its own way does so for its records and those it co-publishes (ITU: "ITU-T").
 *
 * <h2>Relations</h2>
 *
 * obsoletes, supersedes, successorOf → replaces; obsoletedBy, supersededBy, hasSuccessor →
 * replaced-by; updates → replaces when its description is "revises", amends when "amends",
 * otherwise updates; updatedBy → updated-by; amends/amendedBy → amends/amended-by;
 * adoptedFrom/identicalAdopted… → adopts; adoptedAs/adoptedBy → adopted-by; complementOf,
 * complements, hasComplement → complements; everything else (hasPart, partOf, related, …) →
 * related; unless the body rules type the relation their own way (ITU hasEdition; ISO's updates,
 * which means updated-by, {@link IsoIecRules}). A relation to the record itself is dropped,
 * repeated ones are kept once.
 *
 * <h2>Status</h2>
 *
 * As the body rules read it from the feed; when they find none, inferred from the record ({@link
 * StatusInference}: a draft version or identifier, a successor, a date) and marked {@code
 * statusInferred}. A record from which no status can be inferred is rejected, saying so.
 *
 * <h2>Other fields</h2>
 *
 * Titles per language (the {@code main} title, else "intro - main - part"; a body's rules may give
 * a record without one a title); abstracts per language, as plain text; {@code edition}; {@code
 * url}: the first link of type {@code src}, else the first link; keywords without repeats (case
 * aside); the dates by type (YYYY, YYYY-MM or YYYY-MM-DD as given) for the body rules.
 */
final class RelatonMapper {

  /** A record that cannot be mapped; the message names the field. */
  static final class Unmappable extends RuntimeException {
    Unmappable(String message) {
      super(message);
    }
  }

  private static final Pattern BODY_PREFIX =
      Pattern.compile("^([A-Z][A-Za-z]*(?:/[A-Z][A-Za-z]*)*)\\s");
  private static final Pattern DATE = Pattern.compile("^(\\d{4})(-\\d{2}(-\\d{2})?)?");

  private final String sourceName;

  RelatonMapper(String sourceName) {
    this.sourceName = sourceName;
  }

  /**
   * The body whose catalogue a record is from (its primary identifier's type) and its harvest
   * ({@code schema-version}, {@code fetched}).
   */
  static FeedOrigin origin(Map<?, ?> doc) {
    String type;
    try {
      type = identifiers(doc).primaryType;
    } catch (Unmappable e) {
      type = null;
    }
    return new FeedOrigin(
        type == null ? null : type.toUpperCase(Locale.ROOT),
        new org.aisx.catalog.Harvest(str(doc.get("schema-version")), str(doc.get("fetched"))));
  }

  Standard map(Map<?, ?> doc) {
    Ids feedIds = identifiers(doc);
    Contributors contributors = contributors(doc);
    BodyRules rules = BodyRules.of(feedIds.primaryType, contributors.publishers);
    Ids ids = feedIds.as(rules.identifier(feedIds.primary, doc), rules.keepsFeedDocid());
    String defaultLang = first(list(doc.get("language")));
    if (defaultLang == null) {
      defaultLang = "en";
    }
    String sdo = sdo(contributors, ids.primary, rules);
    Map<String, String> dates = dates(doc);
    String url = url(doc);
    List<Relation> relations = relations(doc, ids.primary, sdo, rules);
    Map<String, String> title = RelatonFields.titles(doc, defaultLang);
    if (title.isEmpty()) {
      title = rules.titleWhenMissing(doc, ids.primary);
    }

    Standard.Builder b =
        Standard.builder(ids.primary)
            .identifiers(ids.others)
            .title(title)
            .summary(abstracts(doc, defaultLang))
            .sdo(sdo)
            .edition(str(doc.get("edition")))
            .url(url)
            .keywords(keywords(doc))
            .relations(relations)
            .source(sourceName);
    BodyRules.Context context = new BodyRules.Context(doc, ids.primary, sdo, url, dates, relations);
    rules.complete(context, b);
    Standard mapped = b.build();
    if (mapped.status() != null) {
      return mapped;
    }
    Status inferred = StatusInference.infer(context);
    if (inferred == null) {
      throw new Unmappable(
          "record "
              + ids.primary
              + ": no status, and none can be inferred: no stage, draft version, successor or"
              + " date in the record");
    }
    return mapped.toBuilder().status(inferred).statusInferred(true).build();
  }

  // ---------------------------------------------------------------- identifiers

  private record Ids(String primary, String primaryType, List<Identifier> others) {
    /**
     * These identifiers under the body's own identifier {@code identifier}; the feed's primary
     * docid, when it differs, becomes one of the others if {@code keepDocid} (not when it is only a
     * respelling: a feed that only respells its identifiers changes nothing in the catalogue).
     */
    Ids as(String identifier, boolean keepDocid) {
      if (identifier.equals(primary)) {
        return this;
      }
      if (!keepDocid) {
        return new Ids(identifier, primaryType, others);
      }
      List<Identifier> all = new ArrayList<>();
      all.add(new Identifier(primaryType == null ? "other" : primaryType, primary));
      for (Identifier other : others) {
        if (!other.value().equals(identifier)) {
          all.add(other);
        }
      }
      return new Ids(identifier, primaryType, List.copyOf(all));
    }
  }

  private static Ids identifiers(Map<?, ?> doc) {
    List<Object> entries = new ArrayList<>(list(doc.get("docidentifier")));
    entries.addAll(list(doc.get("docid")));
    if (entries.isEmpty()) {
      throw new Unmappable("no identifier: the record has neither docid[] nor docidentifier[]");
    }
    int chosen = -1;
    int firstPrimary = -1;
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) instanceof Map<?, ?> m && isTrue(m.get("primary")) && idValue(m) != null) {
        if (firstPrimary < 0) {
          firstPrimary = i;
        }
        if (m.get("scope") == null) {
          chosen = i;
          break;
        }
      }
    }
    if (chosen < 0) {
      chosen = firstPrimary;
    }
    if (chosen < 0) {
      throw new Unmappable(
          "no primary identifier: no docid[] / docidentifier[] entry has primary: true");
    }
    Map<?, ?> primary = (Map<?, ?>) entries.get(chosen);
    String primaryValue = idValue(primary);
    List<Identifier> others = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    seen.add(primaryValue);
    for (int i = 0; i < entries.size(); i++) {
      if (i != chosen && entries.get(i) instanceof Map<?, ?> m) {
        String value = idValue(m);
        if (value != null && seen.add(value)) {
          String type = str(m.get("type"));
          others.add(new Identifier(type == null ? "other" : type, value));
        }
      }
    }
    return new Ids(primaryValue, str(primary.get("type")), others);
  }

  // ---------------------------------------------------------------- publishers

  /** The abbreviations of the organisations that published and that authored the record. */
  private record Contributors(List<String> publishers, List<String> authors) {}

  private static Contributors contributors(Map<?, ?> doc) {
    List<String> publishers = new ArrayList<>();
    List<String> authors = new ArrayList<>();
    for (Object c : list(doc.get("contributor"))) {
      if (!(c instanceof Map<?, ?> contributor)) {
        continue;
      }
      String abbr = orgAbbreviation(contributor.get("organization"));
      if (abbr == null) {
        continue;
      }
      for (Object r : list(contributor.get("role"))) {
        String role = r instanceof Map<?, ?> rm ? str(rm.get("type")) : str(r);
        if ("publisher".equals(role)) {
          publishers.add(abbr);
        } else if ("author".equals(role)) {
          authors.add(abbr);
        }
      }
    }
    return new Contributors(publishers, authors);
  }

  /**
   * The organisation's abbreviation: its own {@code abbreviation}; else the first of its names (in
   * any language) that a body's rules know as theirs; else its English name, else its first name,
   * as {@link BodyRules#abbreviationOf} gives it.
   */
  private static String orgAbbreviation(Object organization) {
    if (!(organization instanceof Map<?, ?> org)) {
      return null;
    }
    String abbreviation = PlainText.line(str(org.get("abbreviation")));
    if (abbreviation != null) {
      return BodyRules.abbreviationOf(abbreviation);
    }
    String english = null;
    String firstName = null;
    for (Object n : list(org.get("name"))) {
      String name = PlainText.line(str(n));
      if (name == null) {
        continue;
      }
      String known = BodyRules.knownAbbreviation(name);
      if (known != null) {
        return known;
      }
      firstName = firstName == null ? name : firstName;
      if (english == null && n instanceof Map<?, ?> m && "en".equals(language(m, null))) {
        english = name;
      }
    }
    String name = english != null ? english : firstName;
    return name == null ? null : BodyRules.abbreviationOf(name);
  }

  private static String sdo(Contributors contributors, String identifier, BodyRules rules) {
    String own = rules.sdo(identifier, contributors.authors);
    if (own != null) {
      return own;
    }
    for (BodyRules body : BodyRules.Registry.BODIES) {
      if (contributors.publishers.stream().anyMatch(body.publishers()::contains)) {
        String named = body.sdo(identifier, contributors.authors);
        if (named != null) {
          return named;
        }
      }
    }
    Set<String> bodies = new LinkedHashSet<>();
    for (String known : List.of("ISO", "IEC", "IEEE")) {
      if (contributors.publishers.contains(known)) {
        bodies.add(known);
      }
    }
    bodies.addAll(contributors.publishers);
    if (bodies.isEmpty() && identifier != null) {
      Matcher m = BODY_PREFIX.matcher(identifier);
      if (m.find()) {
        return m.group(1);
      }
    }
    return bodies.isEmpty() ? null : String.join("/", bodies);
  }

  // ---------------------------------------------------------------- texts, dates, links

  private static Map<String, String> abstracts(Map<?, ?> doc, String defaultLang) {
    Map<String, String> abstracts = new LinkedHashMap<>();
    for (Object a : list(doc.get("abstract"))) {
      if (a instanceof Map<?, ?> m) {
        String text = PlainText.clean(str(m.get("content")), PlainText.Field.ABSTRACT, markup(m));
        if (text != null) {
          abstracts.putIfAbsent(language(m, defaultLang), text);
        }
      } else {
        String text = PlainText.clean(str(a), PlainText.Field.ABSTRACT, PlainText.Markup.TEXT);
        if (text != null) {
          abstracts.putIfAbsent(defaultLang, text);
        }
      }
    }
    return abstracts;
  }

  /** Date type → YYYY[-MM[-DD]], the first of each type. */
  private static Map<String, String> dates(Map<?, ?> doc) {
    Map<String, String> dates = new LinkedHashMap<>();
    for (Object d : list(doc.get("date"))) {
      if (d instanceof Map<?, ?> m) {
        String type = str(m.get("type"));
        String value = str(firstNonNull(m.get("at"), m.get("value"), m.get("on")));
        if (type != null && value != null) {
          Matcher dm = DATE.matcher(value.strip());
          if (dm.find()) {
            dates.putIfAbsent(type, dm.group());
          }
        }
      }
    }
    return dates;
  }

  private static String url(Map<?, ?> doc) {
    List<Object> links = new ArrayList<>(list(doc.get("source")));
    links.addAll(list(doc.get("link")));
    String firstUrl = null;
    for (Object l : links) {
      String content = str(l);
      if (content == null) {
        continue;
      }
      if (l instanceof Map<?, ?> m && "src".equals(str(m.get("type")))) {
        return content;
      }
      firstUrl = firstUrl == null ? content : firstUrl;
    }
    return firstUrl;
  }

  private static List<String> keywords(Map<?, ?> doc) {
    Map<String, String> unique = new LinkedHashMap<>();
    for (Object k : list(doc.get("keyword"))) {
      Object v = k instanceof Map<?, ?> m && m.get("content") == null ? m.get("vocab") : k;
      String word = PlainText.line(str(v));
      if (word != null) {
        unique.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
      }
    }
    return List.copyOf(unique.values());
  }

  // ---------------------------------------------------------------- relations

  private static List<Relation> relations(
      Map<?, ?> doc, String identifier, String sdo, BodyRules rules) {
    Set<Relation> relations = new LinkedHashSet<>();
    for (Object r : list(doc.get("relation"))) {
      if (!(r instanceof Map<?, ?> rel)) {
        continue;
      }
      String type = str(rel.get("type"));
      String target = bibitemIdentifier(rel.get("bibitem"));
      if (type == null || target == null) {
        continue;
      }
      target = rules.relationTarget(target, (Map<?, ?>) rel.get("bibitem"), sdo);
      if (target.equals(identifier)) {
        continue;
      }
      RelationType mapped = rules.relationType(type, identifier, target);
      if (mapped == null) {
        mapped = relationType(type, str(rel.get("description")));
      }
      relations.add(Relation.of(mapped, target));
    }
    return List.copyOf(relations);
  }

  /** The generic meaning of a Relaton relation type (and its description, for "updates"). */
  static RelationType relationType(String type, String description) {
    String d = description == null ? "" : description.strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "obsoletes", "supersedes", "successorOf", "replaces" -> RelationType.REPLACES;
      case "obsoletedBy", "supersededBy", "hasSuccessor", "replacedBy" -> RelationType.REPLACED_BY;
      case "updates" ->
          switch (d) {
            case "revises" -> RelationType.REPLACES;
            case "amends" -> RelationType.AMENDS;
            default -> RelationType.UPDATES;
          };
      case "updatedBy" -> RelationType.UPDATED_BY;
      case "amends" -> RelationType.AMENDS;
      case "amendedBy" -> RelationType.AMENDED_BY;
      case "adoptedAs", "adoptedBy" -> RelationType.ADOPTED_BY;
      case "complementOf", "complements", "hasComplement" -> RelationType.COMPLEMENTS;
      default ->
          type.startsWith("adopted") || type.startsWith("identicalAdopted")
              ? RelationType.ADOPTS
              : RelationType.RELATED;
    };
  }
}
