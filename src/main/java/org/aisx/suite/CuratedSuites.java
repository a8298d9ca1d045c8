package org.aisx.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The curated suites shipped with the service ({@code /suites/curated.json}), published on start
 * when the catalogue has none of that id yet. Their members name records by id and identifier; a
 * member the catalogue does not hold stays in the suite, shown as missing.
 */
public final class CuratedSuites {
  public static final String RESOURCE = "/suites/curated.json";
  static final String CURATOR = "aisx-curated-suites";

  private CuratedSuites() {}

  /** Publishes each bundled suite that is absent; returns how many it added. */
  public static int loadIfAbsent(Suites suites, ObjectMapper json) {
    JsonNode root;
    try (InputStream in = CuratedSuites.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      root = json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the curated suites", e);
    }
    int added = 0;
    for (JsonNode s : root.get("suites")) {
      String id = s.get("id").asText();
      if (suites.find(id).isPresent()) {
        continue;
      }
      List<Member> members = new ArrayList<>();
      for (JsonNode m : s.get("members")) {
        members.add(
            new Member(
                m.get("id").asText(),
                m.path("identifier").asText(null),
                m.path("note").asText(null),
                m.path("group").asText(null)));
      }
      List<String> verticals = new ArrayList<>();
      s.path("verticals").forEach(v -> verticals.add(v.asText()));
      List<String> concerns = new ArrayList<>();
      s.path("concerns").forEach(v -> concerns.add(v.asText()));
      suites.createPublished(
          id,
          new Content(
              s.get("title").asText(),
              s.path("purpose").asText(null),
              verticals,
              concerns,
              members,
              s.path("attribution").asText(null)),
          CURATOR);
      added++;
    }
    return added;
  }
}
