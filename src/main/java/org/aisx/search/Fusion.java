package org.aisx.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/** How hybrid search ranks: the keyword and semantic rankings fused by their scaled scores. */
final class Fusion {
  private Fusion() {}

  /**
   * Weight of the keyword score in hybrid ranking; the semantic score weighs the rest. Chosen on
   * the labelled query set (BENCHMARKS.md): nDCG@10 is flat from 0.3 to 0.45, and lower outside.
   */
  static final double KEYWORD_WEIGHT = 0.4;

  /**
   * Score-aware fusion of a keyword ranking {@code words} and a semantic ranking {@code semantic}:
   * a convex combination of their scores, each scaled to 0..1 between its list's best and its score
   * at rank {@link SearchIndex#SEMANTIC_CANDIDATES} (so that a deeper page does not rescale the
   * first), a document missing from a list counting 0 there. A keyword list that ends before that
   * rank has no record there but non-matches, which score 0 by words: it is scaled down to 0, so
   * that its last match still counts for its words ({@link #wordsFloor}). Unlike reciprocal-rank
   * fusion, a record the semantic list puts far ahead is not overtaken by records that both lists
   * rank middling. Records of equal score (those below that rank in both lists score 0) come in the
   * order of their semantic score, then of their keyword score: with both lists at least as deep as
   * the page and as that rank, the first {@code limit} are those of the whole hit set.
   *
   * @return the first {@code limit} documents
   */
  static int[] fuse(ScoreDoc[] words, ScoreDoc[] semantic, int limit) {
    return fuse(words, semantic, java.util.Set.of(), limit);
  }

  /**
   * As {@link #fuse(ScoreDoc[], ScoreDoc[], int)}, where the documents {@code withoutVector} (just
   * written, not embedded yet) cannot be judged by meaning: their keyword score stands for both, so
   * a record is found by its own title the moment it is written, not once the embedding job reaches
   * it.
   */
  static int[] fuse(
      ScoreDoc[] words, ScoreDoc[] semantic, java.util.Set<Integer> withoutVector, int limit) {
    Map<Integer, Double> score = new HashMap<>();
    addScaled(score, words, wordsFloor(words), KEYWORD_WEIGHT);
    addScaled(score, semantic, semanticFloor(semantic), 1 - KEYWORD_WEIGHT);
    if (!withoutVector.isEmpty()) {
      Map<Integer, Double> keywordOnly = new HashMap<>();
      addScaled(keywordOnly, words, wordsFloor(words), 1 - KEYWORD_WEIGHT);
      keywordOnly.forEach(
          (doc, s) -> {
            if (withoutVector.contains(doc)) {
              score.merge(doc, s, Double::sum);
            }
          });
    }
    // Ties, the records below SEMANTIC_CANDIDATES in both lists above all (each scores 0), in the
    // order of closeness, then of the words' score: the order the lists themselves give, whatever
    // their depth, so that each page's order is that of every deeper one (the document number
    // alone would order them by which of them a deeper list reaches).
    Map<Integer, Float> close = raw(semantic);
    Map<Integer, Float> byWords = raw(words);
    Comparator<Integer> order =
        Comparator.<Integer>comparingDouble(score::get)
            .reversed()
            .thenComparing(
                d -> close.getOrDefault(d, Float.NEGATIVE_INFINITY), Comparator.reverseOrder())
            .thenComparing(
                d -> byWords.getOrDefault(d, Float.NEGATIVE_INFINITY), Comparator.reverseOrder())
            .thenComparing(Comparator.naturalOrder());
    return score.keySet().stream().sorted(order).limit(limit).mapToInt(Integer::intValue).toArray();
  }

  private static Map<Integer, Float> raw(ScoreDoc[] ranked) {
    Map<Integer, Float> out = new HashMap<>();
    for (ScoreDoc d : ranked) {
      out.putIfAbsent(d.doc, d.score);
    }
    return out;
  }

  /**
   * The keyword score that scales to 0: the score at rank {@link SearchIndex#SEMANTIC_CANDIDATES};
   * in a shorter list, 0, what a record the words do not match scores. Not the list's own last
   * score: a keyword list is every record that matches the words, whatever their score, so its last
   * match can score far above a non-match (for "EU AI Act", 7 matches, from 27.0 down to 10.3, the
   * six that name the act in their keywords only all between 10.3 and 12.3), and scaling down to it
   * would count that match as none and stretch the small differences between the few matches into
   * the whole keyword weight.
   */
  private static double wordsFloor(ScoreDoc[] words) {
    return words.length < SearchIndex.SEMANTIC_CANDIDATES
        ? 0
        : words[SearchIndex.SEMANTIC_CANDIDATES - 1].score;
  }

  /**
   * The semantic score that scales to 0: the score at rank {@link SearchIndex#SEMANTIC_CANDIDATES},
   * or the last of a shorter list. The semantic list is the records whose similarity is at least
   * {@link SearchIndex#SIMILARITY_FLOOR}, a threshold on the score being scaled (times currency),
   * so its last record lies at about the score where records stop being close in meaning.
   */
  private static double semanticFloor(ScoreDoc[] semantic) {
    return semantic.length == 0
        ? 0
        : semantic[Math.min(semantic.length, SearchIndex.SEMANTIC_CANDIDATES) - 1].score;
  }

  private static void addScaled(
      Map<Integer, Double> score, ScoreDoc[] ranked, double floor, double weight) {
    if (ranked.length == 0) {
      return;
    }
    double best = ranked[0].score;
    double range = best - floor;
    for (ScoreDoc d : ranked) {
      double scaled = range <= 0 ? 1 : Math.max(0, (d.score - floor) / range);
      score.merge(d.doc, weight * scaled, Double::sum);
    }
  }
}
