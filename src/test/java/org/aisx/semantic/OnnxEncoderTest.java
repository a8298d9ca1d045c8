package org.aisx.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.ingest.JsonFormat;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bulk path (tokenize once, one ONNX run per text on two threads, read the CLS row) gives the
 * vectors of the path it replaces, LangChain4j's, on real records.
 */
class OnnxEncoderTest {
  static List<String> texts;
  static OnnxEncoder encoder;

  @BeforeAll
  static void load() throws Exception {
    var json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    List<Standard> records = new ArrayList<>();
    try (InputStream in = OnnxEncoderTest.class.getResourceAsStream("/corpus/starter.json")) {
      new JsonFormat(json).read(in, raw -> records.add(reader.read(raw.node())));
    }
    // Every 12th record of the bundled corpus: about 40 texts of every length, one a title alone.
    texts = new ArrayList<>();
    for (int i = 0; i < records.size(); i += 12) {
      texts.add(Embedder.textOf(records.get(i)));
    }
    texts.add(records.get(0).titleIn("en"));
    encoder = new OnnxEncoder(512, 1, 2);
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  @Test
  void bulkVectorsEqualThoseOfLangChain4j() {
    var reference = new BgeSmallEnV15QuantizedEmbeddingModel();
    float[][] batched = encoder.embed(texts);
    assertThat(batched.length).isEqualTo(texts.size());
    int compared = 0;
    for (int i = 0; i < texts.size(); i++) {
      // LangChain4j averages 510-token parts of a longer text; the bulk path cuts it, so only
      // texts within the model's limit are the same computation.
      if (encoder.tokens(texts.get(i)).length >= 512) {
        continue;
      }
      float[] one = reference.embed(texts.get(i)).content().vector();
      assertThat(cosine(batched[i], one)).as("text %d: %s", i, texts.get(i)).isGreaterThan(0.9999);
      compared++;
    }
    assertThat(compared).isGreaterThan(texts.size() * 9 / 10);
  }

  @Test
  void manyTextsAtOnceOnTwoThreadsGiveWhatEachGivesAlone() {
    float[][] batched = encoder.embed(texts);
    for (int i = 0; i < texts.size(); i += 5) {
      float[] alone = encoder.embed(List.of(texts.get(i)))[0];
      assertThat(cosine(batched[i], alone)).isGreaterThan(0.9999);
      assertThat(cosine(alone, alone)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void longTextsAreCutAtTheTokenLimitEndingWithSeparator() {
    try (OnnxEncoder short16 = new OnnxEncoder(16, 1, 1)) {
      String longest = texts.stream().max((a, b) -> a.length() - b.length()).orElseThrow();
      long[] full = encoder.tokens(longest);
      long[] cut = short16.tokens(longest);
      assertThat(full.length).isGreaterThan(16);
      assertThat(cut).hasSize(16);
      assertThat(cut[0]).isEqualTo(full[0]);
      assertThat(cut[15]).isEqualTo(full[full.length - 1]);
      assertThat(cut[14]).isEqualTo(full[14]);
    }
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
