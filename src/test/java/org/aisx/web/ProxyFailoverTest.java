package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Json;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment of README "Deployment", as real processes: PostgreSQL, two nodes ({@code serve
 * --db ... --behind-proxy yes}, each a JVM of its own) and Debian's nginx running {@code
 * deploy/nginx.conf}. Writes go through node A and through the proxy, reads through the proxy; node
 * A is killed with SIGKILL while a reader and a writer keep a bounded load on the proxy. The proxy
 * keeps answering (no failed read once the failover window has passed), and every write that was
 * answered 200 is there afterwards, through the proxy, in the record and in search.
 */
class ProxyFailoverTest {
  static final String NGINX = System.getProperty("aisx.nginx", "/usr/sbin/nginx");
  static final int RECORDS = 60;

  /** After the kill, reads may fail for at most this long (nginx marks the node down). */
  static final Duration FAILOVER_WINDOW = Duration.ofSeconds(5);

  @TempDir Path dir;
  final ObjectMapper json = Json.mapper();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final List<Process> processes = new ArrayList<>();
  String schema;

  @AfterEach
  void stop() throws Exception {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (schema != null) {
      try (Connection c = DriverManager.getConnection(SeveralNodesTest.URL)) {
        c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  Process node(String name, String db, int port) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX:"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-Xmx400m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.aisx.Main",
            "serve",
            "--port",
            Integer.toString(port),
            "--data",
            dir.resolve(name).toString(),
            "--db",
            db,
            "--behind-proxy",
            "yes"));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile())
            .start();
    processes.add(p);
    return p;
  }

  /** {@code deploy/nginx.conf} with the lines marked "test:" pointed at this test's ports. */
  Process nginx(int port, int nodeA, int nodeB) throws IOException {
    Path prefix = Files.createDirectories(dir.resolve("nginx"));
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("deploy", "nginx.conf"))) {
      if (line.contains("# test:")) {
        String indent = line.substring(0, line.indexOf(line.trim()));
        String directive = line.trim().split("\\s+")[0];
        line =
            indent
                + switch (directive) {
                  case "user" -> "user " + System.getProperty("user.name") + ";";
                  case "pid" -> "pid " + prefix.resolve("nginx.pid") + ";";
                  case "error_log" -> "error_log " + prefix.resolve("error.log") + " warn;";
                  case "access_log" -> "access_log " + prefix.resolve("access.log") + ";";
                  case "listen" -> "listen 127.0.0.1:" + port + ";";
                  case "server" ->
                      line.trim()
                          .replace("127.0.0.1:7071", "127.0.0.1:" + nodeA)
                          .replace("127.0.0.1:7072", "127.0.0.1:" + nodeB)
                          .replaceAll("\\s*#.*", "");
                  default -> throw new IllegalStateException("unexpected test line: " + line);
                };
      }
      lines.add(line);
    }
    Path conf = prefix.resolve("nginx.conf");
    Files.write(conf, lines);
    Process p =
        new ProcessBuilder(
                NGINX, "-p", prefix.toString(), "-c", conf.toString(), "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("stdout.log").toFile())
            .start();
    processes.add(p);
    return p;
  }

  HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The log files a node named in {@code what} ("node A") writes. */
  List<Path> logsOf(String what) {
    String name = what.substring(what.length() - 1).toLowerCase(java.util.Locale.ROOT);
    return List.of(dir.resolve(name + ".log"));
  }

  void awaitHealthy(String base, Process p, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (true) {
      if (!p.isAlive()) {
        // Name what the node said before it ended, so that a failure here can be read.
        String log = "";
        for (Path f : logsOf(what)) {
          if (Files.exists(f)) {
            String all = Files.readString(f);
            log += f + ":\n" + all.substring(Math.max(0, all.length() - 4000));
          }
        }
        assertThat(p.isAlive()).as(what + " running; its log:\n" + log).isTrue();
      }
      assertThat(System.nanoTime()).as(what + " answers /healthz").isLessThan(deadline);
      try {
        if (get(base, "/healthz").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
  }

  static Standard seed(int i) {
    return Standard.builder("IEEE P66" + String.format(Locale.ROOT, "%02d", i))
        .title(Map.of("en", "Standard for failover trial " + i))
        .summary(Map.of("en", "A record the failover test edits."))
        .sdo("IEEE")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.DRAFT)
        .build();
  }

  /** Edits record {@code i} (revision 1) to carry {@code word}; the status code, or -1. */
  int edit(String base, String token, Standard s, String word) {
    try {
      String body =
          json.writeValueAsString(
              s.toBuilder().title(Map.of("en", "Standard for " + word + " trials")).build());
      return client
          .send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/standards/" + s.id()))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .header("If-Match", "\"1\"")
                  .PUT(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static String word(int i) {
    return "fovword" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
  }

  @Test
  void theProxyKeepsAnsweringWhenANodeIsKilledAndNoCommittedWriteIsLost() throws Exception {
    schema = "aisx_proxy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(SeveralNodesTest.URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    String db = SeveralNodesTest.URL + "&currentSchema=" + schema;
    // The catalogue and an editor's token, written before the nodes start (so they do not load
    // the starter corpus, and each builds its index from the store).
    List<Standard> records = new ArrayList<>();
    String token;
    try (App setup = Fixtures.node(dir.resolve("setup"), db)) {
      for (int i = 0; i < RECORDS; i++) {
        setup.catalog().save(seed(i), "test", "test", null);
        records.add(setup.catalog().get(seed(i).id()));
      }
      Fixtures.user(setup, "editor@example.org", Role.COORDINATOR);
      token = setup.accounts().createToken("editor@example.org", "failover").secret();
    }
    int portA = freePort();
    int portB = freePort();
    int portProxy = freePort();
    Process a = node("a", db, portA);
    Process b = node("b", db, portB);
    String nodeA = "http://127.0.0.1:" + portA;
    String proxy = "http://127.0.0.1:" + portProxy;
    awaitHealthy(nodeA, a, "node A");
    awaitHealthy("http://127.0.0.1:" + portB, b, "node B");
    Process nginx = nginx(portProxy, portA, portB);
    awaitHealthy(proxy, nginx, "nginx");

    // Written through node A, read through the proxy (either node answers).
    List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 10; i++) {
      assertThat(edit(nodeA, token, records.get(i), word(i))).isEqualTo(200);
      committed.add(i);
    }
    for (int i = 0; i < 10; i++) {
      awaitFound(proxy, i);
    }
    // nginx sets X-Forwarded-Proto itself: a client's own claim of HTTPS over plain HTTP is not
    // passed on, so the node sends no HSTS.
    HttpResponse<String> viaHttps =
        client.send(
            HttpRequest.newBuilder(URI.create(proxy + "/healthz"))
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(viaHttps.headers().firstValue("Strict-Transport-Security")).isEmpty();

    // Bounded load through the proxy: one reader and one writer, each one request at a time.
    AtomicBoolean running = new AtomicBoolean(true);
    List<long[]> reads = Collections.synchronizedList(new ArrayList<>()); // {nanoTime, status}
    Thread reader =
        new Thread(
            () -> {
              int n = 0;
              while (running.get()) {
                long at = System.nanoTime();
                int status;
                try {
                  status =
                      get(proxy, "/api/v1/standards?mode=keyword&q=trial+" + (n++ % 50))
                          .statusCode();
                } catch (IOException e) {
                  status = -1;
                } catch (InterruptedException e) {
                  return;
                }
                reads.add(new long[] {at, status});
              }
            },
            "reader");
    List<Integer> failedWrites = Collections.synchronizedList(new ArrayList<>());
    Thread writer =
        new Thread(
            () -> {
              for (int i = 10; i < RECORDS && running.get(); i++) {
                int status = edit(proxy, token, records.get(i), word(i));
                if (status == 200) {
                  committed.add(i);
                } else {
                  failedWrites.add(i);
                }
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "writer");
    reader.start();
    writer.start();
    Thread.sleep(2_000);
    long killedAt = System.nanoTime();
    a.destroyForcibly(); // SIGKILL
    assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(FAILOVER_WINDOW.toMillis() + 3_000);
    writer.join(TimeUnit.MINUTES.toMillis(2));
    running.set(false);
    reader.join(TimeUnit.MINUTES.toMillis(1));

    List<long[]> all = List.copyOf(reads);
    long failedBefore = all.stream().filter(r -> r[0] < killedAt && r[1] != 200).count();
    long failedInWindow =
        all.stream()
            .filter(r -> r[0] >= killedAt && r[0] < killedAt + FAILOVER_WINDOW.toNanos())
            .filter(r -> r[1] != 200)
            .count();
    long after = all.stream().filter(r -> r[0] >= killedAt + FAILOVER_WINDOW.toNanos()).count();
    long failedAfter =
        all.stream()
            .filter(r -> r[0] >= killedAt + FAILOVER_WINDOW.toNanos() && r[1] != 200)
            .count();
    System.out.printf(
        Locale.ROOT,
        "reads: %d (failed before the kill %d, in the %d s after it %d, later %d of %d);"
            + " writes answered 200: %d, failed: %s%n",
        all.size(),
        failedBefore,
        FAILOVER_WINDOW.toSeconds(),
        failedInWindow,
        failedAfter,
        after,
        committed.size(),
        failedWrites);
    assertThat(failedBefore).isZero();
    assertThat(after).as("reads after the failover window").isPositive();
    assertThat(failedAfter).as("failed reads after the failover window").isZero();
    assertThat(committed.size()).as("writes committed through the proxy").isGreaterThan(10);

    // Every write answered 200 is there, read through the proxy (node B alone now), and found.
    for (int i : List.copyOf(committed)) {
      JsonNode stored =
          json.readTree(get(proxy, "/api/v1/standards/" + records.get(i).id()).body());
      assertThat(stored.path("revision").asInt()).as(records.get(i).id()).isEqualTo(2);
      assertThat(stored.at("/title/en").asText()).contains(word(i));
      awaitFound(proxy, i);
    }
    // A write that failed (cut off with node A) is either whole or absent, never half.
    for (int i : List.copyOf(failedWrites)) {
      JsonNode stored =
          json.readTree(get(proxy, "/api/v1/standards/" + records.get(i).id()).body());
      int revision = stored.path("revision").asInt();
      assertThat(revision).isIn(1, 2);
      assertThat(stored.at("/title/en").asText().contains(word(i))).isEqualTo(revision == 2);
    }
  }

  void awaitFound(String proxy, int i) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String q = URLEncoder.encode(word(i), StandardCharsets.UTF_8);
    while (true) {
      JsonNode found = json.readTree(get(proxy, "/api/v1/standards?mode=keyword&q=" + q).body());
      for (JsonNode item : found.path("items")) {
        if (item.path("id").asText().equals(seed(i).id())) {
          return;
        }
      }
      assertThat(System.nanoTime()).as(word(i) + " found through the proxy").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
