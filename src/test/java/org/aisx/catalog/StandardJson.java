package org.aisx.catalog;

import java.util.List;
import java.util.Map;

/**
 * The hand-written record writer the store used before it wrote records with Jackson, kept as the
 * test oracle: the store must keep writing the same bytes (null when this writer could not say).
 */
public final class StandardJson {
  private StandardJson() {}

  public static String of(Standard s) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("id").value(s.id());
    w.name("identifier").value(s.identifier());
    w.name("identifiers").beginArray();
    for (Identifier i : s.identifiers()) {
      w.beginObject().name("type").value(i.type()).name("value").value(i.value()).endObject();
    }
    w.endArray();
    w.name("title").texts(s.title());
    w.name("abstract").texts(s.summary());
    w.name("sdo").value(s.sdo());
    w.name("committee").value(s.committee());
    w.name("type").value(s.type() == null ? null : s.type().wire());
    w.name("status").value(s.status() == null ? null : s.status().wire());
    w.name("stage").value(s.stage());
    w.name("published").value(s.published());
    w.name("edition").value(s.edition());
    w.name("url").value(s.url());
    w.name("kind").value(s.kind() == null ? null : s.kind().wire());
    w.name("keywords").strings(s.keywords());
    w.name("verticals").strings(s.verticals());
    w.name("activities").strings(s.activities());
    w.name("applications").strings(s.applications());
    w.name("concerns").strings(s.concerns());
    w.name("suggestions").beginObject();
    for (Map.Entry<String, List<Suggestion>> e : JsonWriter.sorted(s.suggestions()).entrySet()) {
      w.name(e.getKey()).beginArray();
      for (Suggestion g : e.getValue()) {
        w.beginObject()
            .name("concept")
            .value(g.concept())
            .name("score")
            .value(g.score())
            .name("evidence")
            .value(g.evidence())
            .endObject();
      }
      w.endArray();
    }
    w.endObject();
    w.name("useCases").beginArray();
    for (UseCase u : s.useCases()) {
      w.beginObject().name("description").value(u.description()).name("url").value(u.url());
      w.endObject();
    }
    w.endArray();
    w.name("openSource").value(s.openSource());
    w.name("codeRepository").value(s.codeRepository());
    w.name("relations").beginArray();
    for (Relation r : s.relations()) {
      w.beginObject()
          .name("type")
          .value(r.type() == null ? null : r.type().wire())
          .name("target")
          .value(r.target())
          .name("targetId")
          .value(r.targetId())
          .endObject();
    }
    w.endArray();
    w.name("source").value(s.source());
    w.name("revision").value(s.revision());
    w.endObject();
    return w.exact() ? w.toString() : null;
  }
}
