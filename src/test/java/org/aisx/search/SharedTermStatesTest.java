package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query given its terms' statistics once ({@link SharedTermStates}) finds the same documents with
 * the same scores as the query as built, over four segments, and a term that appears in several
 * places of it is looked up once.
 */
class SharedTermStatesTest {
  static final String[] WORDS = {"risk", "quality", "safety", "robot", "data", "model", "agent"};
  @TempDir Path dir;

  @Test
  void theSameHitsAndScoresWithEachTermLookedUpOnce() throws IOException {
    Random r = new Random(5);
    try (FSDirectory d = FSDirectory.open(dir)) {
      IndexWriterConfig config =
          new IndexWriterConfig(new StandardAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(d, config)) {
        for (int i = 0; i < 400; i++) {
          Document doc = new Document();
          doc.add(new TextField("title_en", words(r, 3), Field.Store.NO));
          doc.add(new TextField("title_fr", words(r, 2), Field.Store.NO));
          doc.add(new TextField("keywords", words(r, 4), Field.Store.NO));
          doc.add(new DoubleDocValuesField("currency", r.nextDouble()));
          w.addDocument(doc);
          if (i % 100 == 99) {
            w.commit();
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        assertThat(reader.leaves()).hasSize(4);
        IndexSearcher searcher = new IndexSearcher(reader);
        for (String a : WORDS) {
          for (String b : WORDS) {
            Query built = perLanguage(a, b);
            Query shared = new SharedTermStates(searcher).of(built);
            ScoreDoc[] expected = searcher.search(built, 50).scoreDocs;
            ScoreDoc[] actual = searcher.search(shared, 50).scoreDocs;
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
              assertThat(actual[i].doc).isEqualTo(expected[i].doc);
              assertThat(actual[i].score).isEqualTo(expected[i].score);
            }
            assertThat(expected).isNotEmpty();
            Map<TermStates, Term> states = new IdentityHashMap<>();
            List<Term> terms = new ArrayList<>();
            collect(shared, states, terms);
            // nine term queries: keywords:a three times, keywords:b twice, each looked up once
            assertThat(terms).hasSize(9);
            assertThat(states).hasSize(a.equals(b) ? 3 : 6);
          }
        }
      }
    }
  }

  /** As Queries reads words: once per language, the shared field in each, under function score. */
  static Query perLanguage(String a, String b) {
    List<Query> languages = new ArrayList<>();
    for (String lang : List.of("en", "fr")) {
      BooleanQuery.Builder words = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
      for (String word : List.of(a, b)) {
        words.add(
            new BooleanQuery.Builder()
                .add(
                    new BoostQuery(new TermQuery(new Term("title_" + lang, word)), 3f),
                    BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term("keywords", word)), BooleanClause.Occur.SHOULD)
                .build(),
            BooleanClause.Occur.SHOULD);
      }
      languages.add(words.build());
    }
    Query text =
        new BooleanQuery.Builder()
            .add(new DisjunctionMaxQuery(languages, 0f), BooleanClause.Occur.MUST)
            .add(
                new ConstantScoreQuery(new TermQuery(new Term("keywords", a))),
                BooleanClause.Occur.SHOULD)
            .build();
    return FunctionScoreQuery.boostByValue(text, DoubleValuesSource.fromDoubleField("currency"));
  }

  static void collect(Query q, Map<TermStates, Term> states, List<Term> terms) {
    q.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
          }

          @Override
          public void consumeTerms(Query query, Term... ts) {
            if (query instanceof TermQuery t) {
              assertThat(t.getTermStates()).as("states of %s", t).isNotNull();
              states.put(t.getTermStates(), t.getTerm());
              terms.add(t.getTerm());
            }
          }
        });
  }

  static String words(Random r, int n) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
    }
    return out.toString();
  }
}
