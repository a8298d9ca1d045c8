package org.aisx.editions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Slug;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * The rules that keep editions straight, applied to the whole catalogue at once. Pure: records in,
 * corrections out; {@link Editions} reads the catalogue and writes what they say.
 *
 * <ol>
 *   <li><b>Drafts</b> (status draft, or an identifier that names a draft), within their edition
 *       group ({@link EditionKey}): a draft is {@code replaced}, with {@code replaced-by} the
 *       published edition, when an edition of the same publication was published at most {@value
 *       #DRAFT_SLACK_DAYS} days before it or any time after, or when the draft is undated and
 *       prepares the edition (by number) that was published; otherwise {@code replaced}, with
 *       {@code replaced-by} the newest draft, when a later draft of it exists (by date, then draft
 *       number); otherwise {@code withdrawn} when its body marks it inactive (IEEE {@code
 *       Inactive}); otherwise it stays a draft. IEEE groups count only members whose titles name
 *       the same publication ({@link EditionKey#sameTitle}).
 *   <li><b>Successors</b>: an edition in force whose feed says another record of the catalogue
 *       replaces it (IEEE {@code obsoletedBy} on a record still marked Active) is {@code
 *       superseded}; a superseded edition (or a withdrawn one with a later edition) that points to
 *       no successor gets {@code replaced-by} the next edition of its group (a "related" link to it
 *       is retyped), else, for a part (ISO/IEC 2382-28), the next edition of the whole publication
 *       (ISO/IEC 2382). An edition in force that a published edition of its own body, in force and
 *       not older, says it replaces (a new edition imported over it) is {@code superseded} too;
 *       that record is its successor ({@link org.aisx.catalog.Catalog#successor}).
 *   <li><b>Identical texts</b>: records with the same ISBN or the same URL (at most {@value
 *       #MAX_SAME} records share it; more is a catalogue page, not a document), and twins: a record
 *       whose other identifiers name another record (the ISO/IEC number of an ITU-T | ISO/IEC
 *       common text, the edition closest in date when the number has no year), or whose title names
 *       another body's edition of the same text (an IEC/IEEE dual logo: "IEC 62243:2012(E) (IEEE
 *       Std 1232-2010)"), are linked both ways as {@code identical}.
 *   <li><b>Types</b>: amendments and corrigenda (errata) by their identifier ("/Amd 1", "Amd. 1",
 *       "Cor. 1", "Err. 1"; for IEEE, whose amendments carry the base designation, by "Amendment
 *       N:" or "Corrigendum N:" in the title) get the types {@code amendment} and {@code
 *       corrigendum} ({@link #typeOf}).
 * </ol>
 */
final class EditionRules {
  private EditionRules() {}

  static final int DRAFT_SLACK_DAYS = 120;
  static final int MAX_SAME = 3;

  /** The rule names, as {@link Correction#rules} and the report give them. */
  static final String DRAFT_PUBLISHED = "draft-published";

  static final String DRAFT_LATER = "draft-later-draft";
  static final String DRAFT_INACTIVE = "draft-inactive";
  static final String DRAFT_AGAIN = "draft-in-development";
  static final String OBSOLETED = "obsoleted-by-over-active";
  static final String REPLACED_OVER_IN_FORCE = "replaced-over-in-force";
  static final String SUCCESSOR = "successor-link";
  static final String SAME_ISBN = "identical-isbn";
  static final String SAME_URL = "identical-url";
  static final String TWIN = "identical-twin";
  static final String W3C_LATEST = "identical-w3c-latest-version";
  static final String TYPE = "type";

  private static final Pattern DUAL_LOGO_IEEE =
      Pattern.compile("\\(IEEE Std ([\\w.]+)-(\\d{4})\\)");
  private static final Pattern TITLE_DESIGNATION =
      Pattern.compile("^((?:ISO/IEC/IEEE|IEC/IEEE|ISO/IEEE|ISO/IEC|IEC|ISO) [\\d-]+:\\d{4})");

  /** A dated W3C edition: "W3C REC-speech-grammar-20040316" (maturity, short name, date). */
  static final Pattern W3C_DATED =
      Pattern.compile("^W3C [A-Z]+-(.+)-((?:19|20)\\d{2})(\\d{2})(\\d{2})$");

  /** An undated W3C record, the specification's latest version: "W3C speech-grammar". */
  private static final Pattern W3C_LATEST_VERSION = Pattern.compile("^W3C [^\\s]+$");

  /**
   * The type the identifier and title say a record has (amendment, corrigendum), or null when they
   * say nothing or the record already has it.
   */
  static PublicationType typeOf(Standard s) {
    PublicationType t =
        EditionKey.changeType(s.identifier(), "IEEE".equals(s.sdo()) ? s.titleIn("en") : null);
    return t == null || t == s.type() ? null : t;
  }

  /** The corrections the rules make to {@code records} (the whole catalogue), by record id. */
  static Map<String, Correction> derive(Collection<Standard> records) {
    Map<String, Standard> byId = new HashMap<>();
    Map<String, List<Standard>> groups = new HashMap<>();
    Map<String, Set<String>> incomingReplaces = new HashMap<>();
    for (Standard s : records) {
      byId.put(s.id(), s);
      String key = EditionKey.of(s);
      if (key != null) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      }
      for (Relation r : s.relations()) {
        if (r.type() == RelationType.REPLACES) {
          incomingReplaces.computeIfAbsent(r.targetId(), k -> new HashSet<>()).add(s.id());
        }
      }
    }
    Map<String, Draft> out = new LinkedHashMap<>();
    for (Standard s : records) {
      PublicationType t = typeOf(s);
      if (t != null) {
        draft(out, s).type = t;
        draft(out, s).rules.add(TYPE);
      }
    }
    for (Map.Entry<String, List<Standard>> g : groups.entrySet()) {
      List<Standard> members = new ArrayList<>(g.getValue());
      members.sort(ORDER);
      boolean byTitle = g.getKey().startsWith("IEEE ");
      drafts(members, byTitle, out);
      successors(members, byTitle, byId, groups, incomingReplaces, out);
    }
    identical(records, byId, groups, out);
    return corrections(out, byId);
  }

  /**
   * The corrections of the W3C latest-version rule alone ({@link #W3C_LATEST}, the one {@link
   * #derive} applies among the identical-text rules) to {@code records}, by record id: what the
   * upgrade applies to a catalogue stored before the rule ({@link Editions#w3cLatestVersions}).
   */
  static Map<String, Correction> latestVersions(Collection<Standard> records) {
    Map<String, Standard> byId = new HashMap<>();
    records.forEach(s -> byId.put(s.id(), s));
    Map<String, Draft> out = new LinkedHashMap<>();
    for (Standard s : records) {
      latestVersion(s, byId, out);
    }
    return corrections(out, byId);
  }

  /** The corrections put together in {@code out} that change their record. */
  private static Map<String, Correction> corrections(
      Map<String, Draft> out, Map<String, Standard> byId) {
    Map<String, Correction> corrections = new LinkedHashMap<>();
    out.forEach(
        (id, d) -> {
          Standard s = byId.get(id);
          Correction c = d.build();
          if (c.apply(s) != s) {
            corrections.put(id, c);
          }
        });
    return corrections;
  }

  // ------------------------------------------------------------------------------------ drafts

  private static void drafts(List<Standard> members, boolean byTitle, Map<String, Draft> out) {
    List<Standard> editions = editions(members);
    List<Standard> drafts = members.stream().filter(EditionKey::isDraft).toList();
    for (Standard d : drafts) {
      Standard published = null;
      for (Standard e : editions) {
        if ((onOrAfter(e.published(), d.published(), DRAFT_SLACK_DAYS) || sameEdition(d, e))
            && same(byTitle, d, e)) {
          published = e;
          break;
        }
      }
      Standard latest = null;
      if (published == null) {
        for (Standard other : drafts) {
          if (other != d && ORDER.compare(other, d) > 0 && same(byTitle, d, other)) {
            latest = other; // drafts are in order: the last one that qualifies is the newest
          }
        }
      }
      Standard successor = published != null ? published : latest;
      if (successor != null) {
        Draft c = draft(out, d);
        c.status = Status.REPLACED;
        c.add.add(Relation.of(RelationType.REPLACED_BY, successor.identifier()));
        c.rules.add(published != null ? DRAFT_PUBLISHED : DRAFT_LATER);
      } else if (inactive(d.stage())) {
        Draft c = draft(out, d);
        c.status = Status.WITHDRAWN;
        c.rules.add(DRAFT_INACTIVE);
      } else if (d.status() == Status.REPLACED) {
        Draft c = draft(out, d);
        c.status = Status.DRAFT;
        c.rules.add(DRAFT_AGAIN);
      }
    }
  }

  /**
   * An undated draft of the edition a published record is: ISO's DIS and FDIS records carry no
   * date, only the edition they prepare ("1" for ISO/IEC FDIS 42006, published as ISO/IEC
   * 42006:2025, edition 1); a draft of a later edition has a higher number and is not matched.
   */
  private static boolean sameEdition(Standard draft, Standard published) {
    return draft.published() == null
        && draft.edition() != null
        && draft.edition().equals(published.edition());
  }

  private static boolean inactive(String stage) {
    if (stage == null) {
      return false;
    }
    String s = stage.toLowerCase(Locale.ROOT);
    return s.equals("inactive") || s.equals("withdrawn") || s.equals("deleted");
  }

  // -------------------------------------------------------------------------------- successors

  private static void successors(
      List<Standard> members,
      boolean byTitle,
      Map<String, Standard> byId,
      Map<String, List<Standard>> groups,
      Map<String, Set<String>> incomingReplaces,
      Map<String, Draft> out) {
    List<Standard> editions = editions(members);
    for (Standard e : editions) {
      Status status = e.status();
      if (status == Status.IN_FORCE) {
        for (Relation r : e.relations()) {
          Standard target = byId.get(r.targetId());
          if (r.type() == RelationType.REPLACED_BY
              && target != null
              && !EditionKey.isDraft(target)
              && !target.id().equals(e.id())) {
            status = Status.SUPERSEDED;
            Draft c = draft(out, e);
            c.status = status;
            c.rules.add(OBSOLETED);
            break;
          }
        }
      }
      if (status == Status.IN_FORCE && replacedByNewer(e, byId, incomingReplaces)) {
        status = Status.SUPERSEDED;
        Draft c = draft(out, e);
        c.status = status;
        c.rules.add(REPLACED_OVER_IN_FORCE);
      }
      if (status != Status.SUPERSEDED && status != Status.WITHDRAWN) {
        continue;
      }
      // A draft that will replace the edition (ISO's "Will be replaced by") is no successor yet.
      boolean pointed =
          e.relations().stream()
                  .anyMatch(r -> r.type() == RelationType.REPLACED_BY && !toDraft(r, byId))
              || incomingReplaces.containsKey(e.id());
      if (pointed) {
        continue;
      }
      Standard next = next(e, editions, byTitle);
      if (next == null && status == Status.SUPERSEDED) {
        String key = EditionKey.of(e);
        int dash = key == null ? -1 : key.lastIndexOf('-');
        if (dash > 0 && !key.startsWith("IEEE ") && !key.startsWith("ITU")) {
          List<Standard> whole = groups.get(key.substring(0, dash));
          if (whole != null) {
            List<Standard> sorted = new ArrayList<>(whole);
            sorted.sort(ORDER);
            next = next(e, editions(sorted), false);
          }
        }
      }
      if (next == null) {
        continue;
      }
      Draft c = draft(out, e);
      String nextId = next.id();
      if (e.relations().stream().anyMatch(r -> r.targetId().equals(nextId))) {
        c.retype.put(nextId, RelationType.REPLACED_BY);
      } else {
        c.add.add(Relation.of(RelationType.REPLACED_BY, next.identifier()));
      }
      c.rules.add(SUCCESSOR);
    }
  }

  /** Whether {@code r} leads to a draft: one in the catalogue, else one its identifier names. */
  private static boolean toDraft(Relation r, Map<String, Standard> byId) {
    Standard target = byId.get(r.targetId());
    return target != null ? EditionKey.isDraft(target) : EditionKey.namesIsoDraft(r.target());
  }

  /**
   * Whether a published edition of {@code e}'s own body, in force and not older than {@code e},
   * says it replaces {@code e}: a new edition imported over one still in force. Drafts do not count
   * (ISO's "Will be replaced by" also reads as "replaces": a draft that will replace), nor do
   * amendments and corrigenda, nor another body's records, whose replacements wait for review
   * ({@link org.aisx.catalog.RelationReview}). When each says it replaces the other, only the newer
   * replaces.
   */
  private static boolean replacedByNewer(
      Standard e, Map<String, Standard> byId, Map<String, Set<String>> incomingReplaces) {
    for (String sourceId : incomingReplaces.getOrDefault(e.id(), Set.of())) {
      Standard x = byId.get(sourceId);
      if (x != null
          && !x.id().equals(e.id())
          && x.status() == Status.IN_FORCE
          && !EditionKey.isDraft(x)
          && x.type() != PublicationType.AMENDMENT
          && x.type() != PublicationType.CORRIGENDUM
          && org.aisx.catalog.RelationReview.sameBody(x.sdo(), e.sdo())
          && (x.published() == null
              || e.published() == null
              || onOrAfter(x.published(), e.published(), 0))
          && !(incomingReplaces.getOrDefault(x.id(), Set.of()).contains(e.id()) && !newer(x, e))) {
        return true;
      }
    }
    return false;
  }

  private static boolean newer(Standard a, Standard b) {
    LocalDate x = date(a.published());
    LocalDate y = date(b.published());
    return x != null && y != null && x.isAfter(y);
  }

  /** The first edition after {@code e} by date; of those on one date, one from e's body first. */
  private static Standard next(Standard e, List<Standard> editions, boolean byTitle) {
    Standard best = null;
    for (Standard x : editions) {
      if (x.id().equals(e.id())
          || x.published() == null
          || e.published() == null
          || x.published().compareTo(e.published()) <= 0
          || !same(byTitle, e, x)) {
        continue;
      }
      if (best == null) {
        best = x;
      } else if (x.published().equals(best.published())
          && java.util.Objects.equals(x.sdo(), e.sdo())
          && !java.util.Objects.equals(best.sdo(), e.sdo())) {
        best = x;
      } else if (!x.published().equals(best.published())) {
        break;
      }
    }
    return best;
  }

  // ---------------------------------------------------------------------------------- identical

  private static void identical(
      Collection<Standard> records,
      Map<String, Standard> byId,
      Map<String, List<Standard>> groups,
      Map<String, Draft> out) {
    Map<String, List<Standard>> byIsbn = new HashMap<>();
    Map<String, List<Standard>> byUrl = new HashMap<>();
    for (Standard s : records) {
      Set<String> isbns = new HashSet<>();
      for (Identifier i : s.identifiers()) {
        if ("ISBN".equalsIgnoreCase(i.type())) {
          String isbn = i.value().replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT);
          if (isbn.length() >= 10 && isbns.add(isbn)) {
            byIsbn.computeIfAbsent(isbn, k -> new ArrayList<>()).add(s);
          }
        }
      }
      String url = normalisedUrl(s.url());
      if (url != null) {
        byUrl.computeIfAbsent(url, k -> new ArrayList<>()).add(s);
      }
    }
    linkShared(byIsbn.values(), SAME_ISBN, out);
    linkShared(byUrl.values(), SAME_URL, out);
    for (Standard s : records) {
      latestVersion(s, byId, out);
    }
    for (Standard s : records) {
      String ownKey = EditionKey.of(s);
      for (Identifier i : s.identifiers()) {
        String type = i.type() == null ? "" : i.type().toUpperCase(Locale.ROOT);
        if (!EditionKey.TWIN_IDENTIFIER_TYPES.contains(type)) {
          continue;
        }
        Standard twin = byId.get(Slug.of(i.value()));
        if (twin == null) {
          String key = EditionKey.of(i.value(), null);
          if (key != null && !key.equals(ownKey)) {
            twin = closestInDate(s, groups.get(key));
          }
        }
        if (twin != null
            && !twin.id().equals(s.id())
            && !java.util.Objects.equals(EditionKey.of(twin), ownKey)) {
          link(s, twin, TWIN, out);
        }
      }
      String title = s.titleIn("en");
      Matcher m = DUAL_LOGO_IEEE.matcher(title);
      if (m.find()) {
        Standard twin = byId.get(Slug.of("IEEE " + m.group(1) + "-" + m.group(2)));
        if (twin != null && !twin.id().equals(s.id())) {
          link(s, twin, TWIN, out);
        }
      }
      m = TITLE_DESIGNATION.matcher(title);
      if (m.find()) {
        Standard twin = byId.get(Slug.of(m.group(1)));
        if (twin != null && !twin.id().equals(s.id())) {
          link(s, twin, TWIN, out);
        }
      }
    }
  }

  /**
   * W3C's feed gives a specification twice: undated ("W3C speech-grammar", its latest version, at
   * www.w3.org/TR/speech-grammar/) and as each dated edition ("W3C REC-speech-grammar-20040316"),
   * linked only as related. The undated record and the dated edition of its date are one text:
   * linked as identical both ways (the related links retyped), and the undated record, whose status
   * the importer could infer only from that edition's maturity prefix, takes the edition's status
   * ("W3C ngram-spec" a draft while its only edition, a 2001 Working Draft, is retired).
   */
  private static void latestVersion(
      Standard s, Map<String, Standard> byId, Map<String, Draft> out) {
    if (!"W3C".equals(s.sdo()) || s.published() == null || !isW3cLatestVersion(s.identifier())) {
      return;
    }
    String shortName = s.identifier().substring("W3C ".length());
    for (Relation r : s.relations()) {
      Matcher m = W3C_DATED.matcher(r.target());
      if (!m.matches()
          || !m.group(1).equals(shortName)
          || !s.published().equals(m.group(2) + "-" + m.group(3) + "-" + m.group(4))) {
        continue;
      }
      Standard edition = byId.get(r.targetId());
      if (edition == null) {
        continue;
      }
      link(s, edition, W3C_LATEST, out);
      draft(out, s).retype.put(edition.id(), RelationType.IDENTICAL);
      draft(out, edition).retype.put(s.id(), RelationType.IDENTICAL);
      if (s.statusInferred() && edition.status() != null && edition.status() != s.status()) {
        draft(out, s).status = edition.status();
      }
    }
  }

  /** Whether {@code identifier} names a W3C specification's latest version (undated). */
  static boolean isW3cLatestVersion(String identifier) {
    return identifier != null && W3C_LATEST_VERSION.matcher(identifier).matches();
  }

  private static void linkShared(
      Collection<List<Standard>> sets, String rule, Map<String, Draft> out) {
    for (List<Standard> same : sets) {
      if (same.size() < 2 || same.size() > MAX_SAME) {
        continue;
      }
      for (int i = 0; i < same.size(); i++) {
        for (int j = i + 1; j < same.size(); j++) {
          if (!same.get(i).id().equals(same.get(j).id())) {
            link(same.get(i), same.get(j), rule, out);
          }
        }
      }
    }
  }

  private static void link(Standard a, Standard b, String rule, Map<String, Draft> out) {
    draft(out, a).add.add(Relation.of(RelationType.IDENTICAL, b.identifier()));
    draft(out, a).rules.add(rule);
    draft(out, b).add.add(Relation.of(RelationType.IDENTICAL, a.identifier()));
    draft(out, b).rules.add(rule);
  }

  /** Of a group's published editions, the one closest in year to {@code s}, within a year. */
  private static Standard closestInDate(Standard s, List<Standard> group) {
    if (group == null || s.year() == 0) {
      return null;
    }
    Standard best = null;
    for (Standard x : editions(group)) {
      int gap = Math.abs(x.year() - s.year());
      if (x.year() > 0 && gap <= 1 && (best == null || gap < Math.abs(best.year() - s.year()))) {
        best = x;
      }
    }
    return best;
  }

  static String normalisedUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip().toLowerCase(Locale.ROOT).replaceFirst("^http://", "https://");
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  // ---------------------------------------------------------------------------------- helpers

  /** The group's published editions (no drafts, amendments or corrigenda), in order. */
  private static List<Standard> editions(List<Standard> members) {
    return members.stream()
        .filter(s -> !EditionKey.isDraft(s))
        .filter(
            s -> s.type() != PublicationType.AMENDMENT && s.type() != PublicationType.CORRIGENDUM)
        .toList();
  }

  private static boolean same(boolean byTitle, Standard a, Standard b) {
    return !byTitle || EditionKey.sameTitle(a.titleIn("en"), b.titleIn("en"));
  }

  /**
   * Whether {@code later} is on or after {@code earlier} less {@code slackDays}; false if unknown.
   */
  static boolean onOrAfter(String later, String earlier, int slackDays) {
    LocalDate l = date(later);
    LocalDate e = date(earlier);
    return l != null && e != null && !l.isBefore(e.minusDays(slackDays));
  }

  private static LocalDate date(String iso) {
    if (iso == null || iso.length() < 4) {
      return null;
    }
    try {
      int y = Integer.parseInt(iso.substring(0, 4));
      int m = iso.length() >= 7 ? Integer.parseInt(iso.substring(5, 7)) : 1;
      int d = iso.length() >= 10 ? Integer.parseInt(iso.substring(8, 10)) : 1;
      return LocalDate.of(y, m, d);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Editions in order: by date (unknown last), then draft number, approved drafts last, id. */
  static final Comparator<Standard> ORDER =
      Comparator.comparing((Standard s) -> s.published() == null ? "9999" : s.published())
          .thenComparing(
              s -> EditionKey.draftVersion(s.identifier()), EditionRules::compareVersions)
          .thenComparing(s -> s.titleIn("en").contains("Approved") ? 1 : 0)
          .thenComparing(Standard::id);

  private static int compareVersions(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      int x = i < a.size() ? a.get(i) : 0;
      int y = i < b.size() ? b.get(i) : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static Draft draft(Map<String, Draft> out, Standard s) {
    return out.computeIfAbsent(s.id(), k -> new Draft());
  }

  /** A correction being put together. */
  private static final class Draft {
    Status status;
    PublicationType type;
    final List<Relation> add = new ArrayList<>();
    final Map<String, RelationType> retype = new HashMap<>();
    final Set<String> rules = new LinkedHashSet<>();

    Correction build() {
      return new Correction(status, type, add, retype, rules);
    }
  }
}
