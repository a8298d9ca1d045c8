package org.aisx.web;

import java.util.Map;
import org.aisx.catalog.SourceNames;
import org.aisx.editions.Editions;
import org.aisx.ingest.Importer;
import org.aisx.store.RelationTargetsNamed;

/**
 * Who made a change and where it came from, as a page names them in its language: the processes
 * that write revisions by a label ({@code import} of the feed {@code relaton-iso} reads "Import of
 * relaton-iso", {@code editions} "Edition rules", {@code upgrade} "Upgrade of the catalogue"), and
 * the sources that are codes by theirs ({@code review}, {@code edit:coordinator}, {@code
 * submission:12}, {@code aisx-upgrade}, {@code aisx-starter-corpus}). A person (an account's
 * address as an admin sees it, or its public name, {@link PublicActors}) and a feed's name are
 * shown as they are, as is a code this version does not know. Pages and feeds only: the JSON API
 * keeps the codes, which openapi.json lists.
 */
public final class ActorLabels {
  /** The processes that write revisions, by the message that names them. */
  private static final Map<String, String> PROCESSES =
      Map.of(
          Importer.ACTOR, "actor.import",
          Editions.ACTOR, "actor.editions",
          RelationTargetsNamed.ACTOR, "actor.upgrade");

  /** The sources that are codes rather than a feed's name, by the message that names them. */
  private static final Map<String, String> SOURCES =
      Map.of(
          "review",
          "source.review",
          "edit",
          "source.edit",
          SourceNames.WITHHELD,
          "source.edit",
          RelationTargetsNamed.SOURCE,
          "actor.upgrade",
          SourceNames.STARTER_CORPUS,
          "source.starter");

  private ActorLabels() {}

  /**
   * Who made a change from {@code source}: a process by its label ({@code import} with the feed it
   * read), anyone else as given; empty for no one.
   */
  public static String who(String actor, String source, Messages t) {
    if (actor == null) {
      return source == null ? "" : source(source, t);
    }
    if (actor.equals(Importer.ACTOR) && source != null) {
      return source.equals(SourceNames.STARTER_CORPUS)
          ? t.get("actor.importStarter")
          : t.isolating("actor.importOf", source(source, t));
    }
    String key = PROCESSES.get(actor);
    return key == null ? actor : t.get(key);
  }

  /**
   * The source to show beside {@link #who} ({@link #source}), or null when there is none or {@link
   * #who} already says it (an import names its feed, the upgrade is its own source).
   */
  public static String via(String actor, String source, Messages t) {
    if (source == null
        || actor == null
        || actor.equals(Importer.ACTOR)
        || (actor.equals(RelationTargetsNamed.ACTOR)
            && source.equals(RelationTargetsNamed.SOURCE))) {
      return null;
    }
    return source(source, t);
  }

  /**
   * A source as a page names it: a code by its label ("Review of suggestions", "Submission 12",
   * "Direct edit"), a feed's name as it is. An argument a label names is isolated on a
   * right-to-left page ({@link Messages#isolating}).
   */
  public static String source(String source, Messages t) {
    if (source == null) {
      return null;
    }
    String key = SOURCES.get(source);
    if (key != null) {
      return t.get(key);
    }
    int colon = source.indexOf(':');
    if (colon > 0) {
      String kind = source.substring(0, colon);
      String rest = source.substring(colon + 1);
      if (kind.equals("submission") && !rest.isEmpty()) {
        return t.isolating("source.submission", rest);
      }
      if (kind.equals("edit")) {
        // edit:<role>: the role is who the actor beside it already names.
        return t.get("source.edit");
      }
    }
    return source;
  }
}
