package org.aisx.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A query whose term queries carry their terms' statistics, looked up once per field and term for
 * one searcher. The words of a search are read once per language ({@link Queries}), so the same
 * term of the fields every language shares (keywords, committee, identifier) appears up to eight
 * times, and each search of a request (hits, facets, the named records, the words' own list) builds
 * its weights again: looking the terms up in every segment's dictionary was 43 % of a keyword
 * search over the whole shared-feed catalogue (JFR, BENCHMARKS.md "The default mode over the whole
 * shared-feed catalogue"). Same matches and scores: a {@link TermQuery} given its {@link
 * TermStates} uses them instead of building them, and they are those it would build.
 */
final class SharedTermStates {
  private final IndexSearcher searcher;
  private final Map<Term, TermStates> states = new HashMap<>();

  SharedTermStates(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /**
   * {@code query} with the statistics of its terms filled in, through the queries that only combine
   * others (boolean, boost, max of, constant score, function score); anything else is left as it is
   * and builds its own.
   */
  Query of(Query query) throws IOException {
    if (query instanceof TermQuery t) {
      TermStates s = states.get(t.getTerm());
      if (s == null) {
        s = TermStates.build(searcher, t.getTerm(), true);
        states.put(t.getTerm(), s);
      }
      return new TermQuery(t.getTerm(), s);
    }
    if (query instanceof BooleanQuery b) {
      BooleanQuery.Builder out =
          new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      for (BooleanClause c : b.clauses()) {
        out.add(of(c.getQuery()), c.getOccur());
      }
      return out.build();
    }
    if (query instanceof BoostQuery b) {
      return new BoostQuery(of(b.getQuery()), b.getBoost());
    }
    if (query instanceof DisjunctionMaxQuery d) {
      List<Query> out = new ArrayList<>();
      for (Query q : d.getDisjuncts()) {
        out.add(of(q));
      }
      return new DisjunctionMaxQuery(out, d.getTieBreakerMultiplier());
    }
    if (query instanceof ConstantScoreQuery c) {
      return new ConstantScoreQuery(of(c.getQuery()));
    }
    if (query instanceof FunctionScoreQuery f) {
      return new FunctionScoreQuery(of(f.getWrappedQuery()), f.getSource());
    }
    return query;
  }
}
