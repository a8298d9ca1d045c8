package org.aisx.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Standard;

/**
 * Judges suggested suites on the described systems of {@code /eval/suites.json} by the rule written
 * there before judging (strict and lenient readings of each pick; coverage of the concerns each
 * system needs), with Wilson 95% intervals. Run by hand with {@code main} to print the per-system
 * picks and verdicts; {@code SuiteSuggestionEvaluationTest} keeps the figures from dropping.
 */
public final class SuiteSuggestionEvaluation {
  private SuiteSuggestionEvaluation() {}

  /**
   * Pooled counts: picks judged relevant (strict, lenient) and needed concerns covered; {@code
   * unjudged}, picks in groups the rule has no terms for (the concerns added after it was written,
   * such as safety), which the rule cannot judge and the precision leaves out.
   */
  public record Figures(
      int picks, int strict, int lenient, int needed, int covered, int unjudged, String log) {
    double[] strictInterval() {
      return wilson(strict, picks);
    }

    double[] lenientInterval() {
      return wilson(lenient, picks);
    }

    double[] coverageInterval() {
      return wilson(covered, needed);
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "picks %d; precision strict %d/%d = %.2f [%.2f, %.2f], lenient %d/%d = %.2f [%.2f,"
              + " %.2f]; concern coverage %d/%d = %.2f [%.2f, %.2f]; unjudged picks %d",
          picks,
          strict,
          picks,
          (double) strict / picks,
          strictInterval()[0],
          strictInterval()[1],
          lenient,
          picks,
          (double) lenient / picks,
          lenientInterval()[0],
          lenientInterval()[1],
          covered,
          needed,
          (double) covered / needed,
          coverageInterval()[0],
          coverageInterval()[1],
          unjudged);
    }
  }

  /** The set the suggester was built and tuned on. */
  public static final String TUNING = "/eval/suites.json";

  /** The set written after the suggester was fixed, never tuned on. */
  public static final String UNSEEN = "/eval/suites-unseen.json";

  static JsonNode set(ObjectMapper json, String resource) throws IOException {
    try (InputStream in = SuiteSuggestionEvaluation.class.getResourceAsStream(resource)) {
      return json.readTree(in);
    }
  }

  /** {@link #judge(App, String)} on the tuning set. */
  public static Figures judge(App app) throws IOException {
    return judge(app, TUNING);
  }

  /**
   * Runs the suggester of {@code app} on every system of the set {@code resource} and judges each
   * pick by the set's rule.
   */
  public static Figures judge(App app, String resource) throws IOException {
    ObjectMapper json = app.json();
    JsonNode set = set(json, resource);
    JsonNode rule = set.get("rule");
    List<String> ai = strings(rule.get("ai"));
    int picks = 0;
    int strict = 0;
    int lenient = 0;
    int needed = 0;
    int covered = 0;
    int unjudged = 0;
    StringBuilder log = new StringBuilder();
    for (JsonNode system : set.get("systems")) {
      SuiteSuggester.Proposal p =
          app.suiteSuggester()
              .suggest(
                  new SuiteSuggester.Ask(
                      system.get("text").asText(), strings(system.get("vertical")), List.of()));
      List<String> sector = strings(system.get("sector"));
      List<String> coveredHere = new ArrayList<>();
      log.append(system.get("id").asText())
          .append(" ")
          .append(system.get("text").asText())
          .append('\n');
      for (SuiteSuggester.Group g : p.groups()) {
        for (SuiteSuggester.Pick pick : g.picks()) {
          Standard r = pick.record();
          if (!g.id().equals(ConcernGroup.SECTOR.id()) && !rule.get("terms").has(g.id())) {
            unjudged++;
            log.append(
                String.format(
                    Locale.ROOT, "  %-28s %-8s %s%n", g.id(), "unjudged", r.identifier()));
            continue;
          }
          String title = " " + r.titleIn("en").toLowerCase(Locale.ROOT) + " ";
          String all = title + r.abstractIn("en").toLowerCase(Locale.ROOT) + " ";
          boolean s;
          boolean l;
          if (g.id().equals(ConcernGroup.SECTOR.id())) {
            s = any(all, sector);
            l = s;
          } else {
            List<String> terms = strings(rule.get("terms").get(g.id()));
            s = any(title, terms) && any(all, ai);
            l = any(all, terms);
          }
          picks++;
          strict += s ? 1 : 0;
          lenient += l ? 1 : 0;
          if (s && !coveredHere.contains(g.id())) {
            coveredHere.add(g.id());
          }
          log.append(
              String.format(
                  Locale.ROOT,
                  "  %-28s %-8s %-30s %s%n",
                  g.id(),
                  s ? "strict" : l ? "lenient" : "no",
                  r.identifier(),
                  r.titleIn("en").length() > 80
                      ? r.titleIn("en").substring(0, 80)
                      : r.titleIn("en")));
        }
      }
      for (String need : strings(system.get("needs"))) {
        needed++;
        if (coveredHere.contains(need)) {
          covered++;
        } else {
          log.append("  gap: ").append(need).append('\n');
        }
      }
    }
    return new Figures(picks, strict, lenient, needed, covered, unjudged, log.toString());
  }

  private static boolean any(String text, List<String> terms) {
    return terms.stream().anyMatch(text::contains);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> out.add(v.asText().toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  /** The Wilson score interval (95%) of {@code k} successes in {@code n}. */
  static double[] wilson(int k, int n) {
    if (n == 0) {
      return new double[] {0, 1};
    }
    double z = 1.96;
    double p = (double) k / n;
    double den = 1 + z * z / n;
    double centre = (p + z * z / (2 * n)) / den;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / den;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /**
   * Prints the judged picks and the figures of each set named (default: both), on the classified
   * starter catalogue.
   */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("aisx-suite-eval-");
    try (App app = Fixtures.classifiedStarter(dir)) {
      for (String resource : args.length == 0 ? new String[] {TUNING, UNSEEN} : args) {
        Figures f = judge(app, resource);
        System.out.println("== " + resource);
        System.out.println(f.log());
        System.out.println(f.summary());
      }
    }
  }
}
