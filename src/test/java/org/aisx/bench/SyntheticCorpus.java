package org.aisx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Synthetic records for scale benchmarks: words drawn with a Zipf-like skew from the vocabulary of
 * the real starter corpus, so term statistics resemble real titles and abstracts.
 */
final class SyntheticCorpus {
  private static final String[] SDOS = {
    "ISO/IEC", "ITU-T", "IEEE", "IETF", "IEC", "ETSI", "NIST", "CEN-CENELEC"
  };
  private static final String[] CONCERNS = {
    "terminology",
    "management-systems",
    "risk-management",
    "data-quality",
    "bias-fairness",
    "transparency-explainability",
    "robustness",
    "safety",
    "security",
    "privacy",
    "testing-conformity",
    "environmental-sustainability",
    "governance",
    "human-oversight",
    "life-cycle"
  };
  private static final String[] VERTICALS = {
    "health",
    "transport-mobility",
    "energy",
    "telecommunications",
    "finance",
    "manufacturing",
    "cross-sector"
  };

  private final List<String> vocabulary;
  private final Random random;

  SyntheticCorpus(List<Standard> real, long seed) {
    Map<String, Integer> counts = new java.util.HashMap<>();
    for (Standard s : real) {
      for (String text : List.of(s.titleIn("en"), s.abstractIn("en"))) {
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9-]+")) {
          if (w.length() > 2) {
            counts.merge(w, 1, Integer::sum);
          }
        }
      }
    }
    List<String> words = new ArrayList<>(counts.keySet());
    words.sort((a, b) -> counts.get(b) - counts.get(a));
    this.vocabulary = words;
    this.random = new Random(seed);
  }

  private String word() {
    // Zipf-ish: squaring a uniform number favours the frequent words at the head of the list.
    double u = random.nextDouble();
    return vocabulary.get((int) (u * u * vocabulary.size()));
  }

  private String words(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(word());
    }
    return b.toString();
  }

  Standard record(int i) {
    String sdo = SDOS[random.nextInt(SDOS.length)];
    Status status =
        switch (random.nextInt(10)) {
          case 0, 1 -> Status.SUPERSEDED;
          case 2 -> Status.WITHDRAWN;
          case 3 -> Status.DRAFT;
          default -> Status.IN_FORCE;
        };
    int year = 1990 + random.nextInt(37);
    List<String> concerns = new ArrayList<>();
    for (int k = random.nextInt(3); k > 0; k--) {
      String c = CONCERNS[random.nextInt(CONCERNS.length)];
      if (!concerns.contains(c)) {
        concerns.add(c);
      }
    }
    return Standard.builder(sdo + " SYN " + (10000 + i) + ":" + year)
        .title(Map.of("en", capitalise(words(6 + random.nextInt(7)))))
        .summary(Map.of("en", capitalise(words(60 + random.nextInt(40))) + "."))
        .sdo(sdo)
        .committee(sdo + " TC " + (1 + random.nextInt(40)))
        .type(PublicationType.values()[random.nextInt(PublicationType.values().length)])
        .status(status)
        .published(year + "-" + String.format(Locale.ROOT, "%02d", 1 + random.nextInt(12)))
        .keywords(List.of(word(), word(), word()))
        .concerns(concerns)
        .verticals(
            random.nextInt(3) == 0
                ? List.of(VERTICALS[random.nextInt(VERTICALS.length)])
                : List.of())
        .relations(
            random.nextInt(5) == 0
                ? List.of(
                    Relation.of(
                        RelationType.REPLACES, sdo + " SYN " + (10000 + random.nextInt(i + 1))))
                : List.of())
        .source("synthetic")
        .revision(1)
        .build();
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
