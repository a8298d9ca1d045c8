package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.aisx.search.KeptAnswers;

/**
 * Request counts and latency per route and status, timed around every request and served at {@code
 * /metrics} in the Prometheus text format.
 */
public final class Metrics implements Routes {
  private static final String START = "startNanos";

  private static final double[] BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5
  };

  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
  private final LongAdder count = new LongAdder();
  private final java.util.concurrent.atomic.DoubleAdder sum =
      new java.util.concurrent.atomic.DoubleAdder();

  private final LongSupplier records;
  private final Supplier<KeptAnswers> keptAnswers;
  private final Supplier<KeptBodies.Stats> keptBodies;
  private final LongSupplier topicComputations;

  /**
   * {@code records}: how many records the catalogue holds, for the gauge; {@code keptAnswers}: how
   * the search's kept answers of repeated requests are used; {@code keptBodies}: how the search
   * pages and API bodies rendered from them are sent again; {@code topicComputations}: how many
   * topic clusterings this node has computed (of several nodes, one computes and the others serve
   * its result).
   */
  public Metrics(
      LongSupplier records,
      Supplier<KeptAnswers> keptAnswers,
      Supplier<KeptBodies.Stats> keptBodies,
      LongSupplier topicComputations) {
    this.records = records;
    this.keptAnswers = keptAnswers;
    this.keptBodies = keptBodies;
    this.topicComputations = topicComputations;
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new LongAdder();
    }
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.before(ctx -> ctx.attribute(START, System.nanoTime()));
    router.after(this::record);
    router.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4")
                .result(
                    render(
                        records.getAsLong(),
                        keptAnswers.get(),
                        keptBodies.get(),
                        topicComputations.getAsLong())));
  }

  void record(Context ctx) {
    Long start = ctx.attribute(START);
    String route = ctx.endpointHandlerPath();
    if (route == null || !route.startsWith("/")) {
      route = ctx.path().startsWith("/static/") ? "/static" : "unmatched";
    }
    String key = "route=\"" + route + "\",status=\"" + ctx.statusCode() + "\"";
    requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    if (start != null) {
      double seconds = (System.nanoTime() - start) / 1e9;
      count.increment();
      sum.add(seconds);
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          buckets[i].increment();
        }
      }
    }
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    single(out, name, "gauge", help, value);
  }

  private static void single(StringBuilder out, String name, String type, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    out.append(name).append(' ').append(value).append('\n');
  }

  /** A counter of lookups by {@code result="hit"} and {@code result="miss"}. */
  private static void hitsAndMisses(
      StringBuilder out, String name, String help, long hits, long misses) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
    out.append(name).append("{result=\"hit\"} ").append(hits).append('\n');
    out.append(name).append("{result=\"miss\"} ").append(misses).append('\n');
  }

  String render(long records, KeptAnswers kept, KeptBodies.Stats bodies, long topics) {
    StringBuilder out = new StringBuilder();
    out.append("# HELP aisx_records Records in the catalogue.\n# TYPE aisx_records gauge\n");
    out.append("aisx_records ").append(records).append('\n');
    gauge(
        out,
        "aisx_search_kept_answers",
        "Search answers kept for repeated requests.",
        kept.entries());
    hitsAndMisses(
        out,
        "aisx_search_kept_answer_lookups_total",
        "Searches by whether an answer was kept for them.",
        kept.hits(),
        kept.misses());
    gauge(
        out,
        "aisx_search_kept_pages",
        "Kept answers whose search pages or API bodies are kept too.",
        bodies.answers());
    hitsAndMisses(
        out,
        "aisx_search_kept_page_sends_total",
        "Search pages for visitors not signed in and search API bodies, by whether they were sent as kept or rendered.",
        bodies.hits(),
        bodies.misses());
    single(
        out,
        "aisx_topics_computations_total",
        "counter",
        "Topic clusterings this node computed since it started; the other nodes serve its result.",
        topics);
    out.append("# HELP aisx_http_requests_total HTTP requests by route and status.\n");
    out.append("# TYPE aisx_http_requests_total counter\n");
    requests.forEach(
        (k, v) ->
            out.append("aisx_http_requests_total{")
                .append(k)
                .append("} ")
                .append(v.sum())
                .append('\n'));
    out.append("# HELP aisx_http_request_seconds HTTP request latency.\n");
    out.append("# TYPE aisx_http_request_seconds histogram\n");
    for (int i = 0; i < BUCKETS.length; i++) {
      out.append("aisx_http_request_seconds_bucket{le=\"")
          .append(BUCKETS[i])
          .append("\"} ")
          .append(buckets[i].sum())
          .append('\n');
    }
    out.append("aisx_http_request_seconds_bucket{le=\"+Inf\"} ").append(count.sum()).append('\n');
    out.append("aisx_http_request_seconds_sum ").append(sum.sum()).append('\n');
    out.append("aisx_http_request_seconds_count ").append(count.sum()).append('\n');
    return out.toString();
  }
}
