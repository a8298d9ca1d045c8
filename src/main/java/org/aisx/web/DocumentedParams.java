package org.aisx.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The query parameters openapi.json documents for each GET of the API, and the filter that refuses
 * any other (with {@code lang}, which every endpoint takes) as a 400 naming it, before the handler
 * runs: so every read of the API treats an unknown parameter alike, not only those whose handler
 * lists its own ({@link Params#onlyKnown}), and what the API accepts is what it documents. {@code
 * RoutesTest} checks the other way: that each handler accepts what is documented for it.
 */
final class DocumentedParams {
  private record Route(String path, List<String> names, int parameters) {}

  /** The documented GET paths, those with fewer path parameters first (a literal path wins). */
  private final List<Route> routes;

  private DocumentedParams(List<Route> routes) {
    this.routes = routes;
  }

  /** The parameters of the openapi.json in the jar. */
  static DocumentedParams load(ObjectMapper json) {
    return of(openapi(json));
  }

  /** The openapi.json in the jar. */
  static JsonNode openapi(ObjectMapper json) {
    try (InputStream in = DocumentedParams.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      return json.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("openapi.json does not read", e);
    }
  }

  static DocumentedParams of(JsonNode openapi) {
    List<Route> routes = new ArrayList<>();
    JsonNode paths = openapi.path("paths");
    for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
      String path = p.next();
      JsonNode get = paths.get(path).get("get");
      if (get == null || !path.startsWith("/api/")) {
        continue;
      }
      List<String> names = new ArrayList<>();
      List<JsonNode> parameters = new ArrayList<>();
      paths.get(path).path("parameters").forEach(parameters::add);
      get.path("parameters").forEach(parameters::add);
      for (JsonNode parameter : parameters) {
        JsonNode resolved = resolve(openapi, parameter);
        if (resolved.path("in").asText().equals("query")) {
          names.add(resolved.path("name").asText());
        }
      }
      routes.add(
          new Route(path, List.copyOf(names), (int) path.chars().filter(c -> c == '{').count()));
    }
    routes.sort(Comparator.comparingInt(Route::parameters));
    return new DocumentedParams(List.copyOf(routes));
  }

  private static JsonNode resolve(JsonNode openapi, JsonNode parameter) {
    String ref = parameter.path("$ref").asText();
    if (ref.startsWith("#/")) {
      return openapi.at(ref.substring(1));
    }
    return parameter;
  }

  /** Each documented GET path of the API with its query parameters. */
  java.util.Map<String, List<String>> byPath() {
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    routes.forEach(r -> out.put(r.path(), r.names()));
    return out;
  }

  /** A before filter: refuses a GET of a documented API path with an undocumented parameter. */
  void check(Context ctx) {
    if ((ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD)
        || !ctx.path().startsWith("/api/")) {
      return;
    }
    for (Route r : routes) {
      if (WebServer.matches(r.path(), ctx.path())) {
        Params.query(ctx).onlyKnown(r.names());
        return;
      }
    }
  }
}
