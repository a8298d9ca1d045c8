package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * A real HTTP client that keeps cookies like a browser (and does not follow redirects, so tests see
 * them), against a server started on a free port.
 */
final class Browser {
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Http http;
  private final String base;

  Browser(int port) {
    this("localhost", port);
  }

  /** A browser on another loopback address (127.0.0.2, ...), as another client would be. */
  Browser(String host, int port) {
    this.base = "http://" + host + ":" + port;
    this.http = new Http(base, client);
  }

  HttpResponse<String> get(String path) {
    return http.get(path);
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build());
  }

  /** Posts a form whose names may repeat (ticked checkboxes of one group), in order. */
  HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    fields.stream()
                        .map(
                            e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                    + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))))
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    return http.send(request);
  }

  String base() {
    return base;
  }

  /** The CSRF token of the first form on the page at {@code path}. */
  String csrf(String path) {
    HttpResponse<String> page = get(path);
    assertThat(page.statusCode()).as("GET " + path).isEqualTo(200);
    return Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
  }

  /** Signs in through the sign-in form; returns the answer to the POST. */
  HttpResponse<String> signIn(String email, String password) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf("/signin"));
    fields.put("email", email);
    fields.put("password", password);
    return postForm("/signin", fields);
  }

  /** The value of a cookie the browser holds, or null. */
  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  void clearCookies() {
    cookies.getCookieStore().removeAll();
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
