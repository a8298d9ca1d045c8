package org.aisx.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.ingest.JsonFormat;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.EncoderAccess;
import org.aisx.taxonomy.Taxonomy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Embedding throughput (texts/s) of bge-small-en-v1.5-q on the bundled corpus's texts ({@link
 * Embedder#textOf}), three ways in the same run: {@code bulk}, our path for many texts ({@link
 * Embedder#embedAll}: each text tokenized once, one ONNX run per text, CLS row read, spread over
 * {@code callers} threads whose runs use {@code intraOp} threads each), 32 texts per call; {@code
 * rawOnnx}, the same model file driven directly through ONNX Runtime one text at a time (same
 * tokenizer file and options, one tokenization, CLS row read from the output buffer, L2
 * normalisation, default session options); and {@code langchain4j}, the path the service used
 * before (LangChain4j's in-process model, one text at a time). Each JMH thread takes the texts in
 * turn; all JMH threads share one model per path, as the service does. Run with {@code -t 1};
 * {@code -p maxTokens=256} cuts texts shorter. See BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
public class EmbeddingBenchmark {
  static final String MODEL = "/bge-small-en-v1.5-q.onnx";
  static final String TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

  /** ONNX Runtime threads inside one run of the bulk path (0: its default, one per core). */
  @Param({"1"})
  public int intraOp;

  /** Threads the bulk path spreads the texts of one call over. */
  @Param({"2"})
  public int callers;

  /** The bulk path's token limit per text. */
  @Param({"512"})
  public int maxTokens;

  static final int BATCH = 32;

  List<Standard> records;
  List<String> texts;
  dev.langchain4j.model.embedding.EmbeddingModel langchain4j;
  EncoderAccess bulk;
  OrtEnvironment env;
  OrtSession session;
  HuggingFaceTokenizer tokenizer;

  /** Where each caller thread is in the corpus. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int take(int size) {
      int i = next;
      next = (next + 1) % size;
      return i;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    var json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    records = new ArrayList<>();
    try (InputStream in = EmbeddingBenchmark.class.getResourceAsStream("/corpus/starter.json")) {
      new JsonFormat(json).read(in, raw -> records.add(reader.read(raw.node())));
    }
    texts = records.stream().map(Embedder::textOf).toList();
    langchain4j =
        new dev.langchain4j.model.embedding.onnx.bgesmallenv15q
            .BgeSmallEnV15QuantizedEmbeddingModel();
    bulk = new EncoderAccess(maxTokens, intraOp, callers);
    env = OrtEnvironment.getEnvironment();
    try (InputStream model = Embedder.class.getResourceAsStream(MODEL);
        InputStream tok = Embedder.class.getResourceAsStream(TOKENIZER)) {
      // The options LangChain4j uses: default session options, no padding.
      session = env.createSession(model.readAllBytes());
      tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("padding", "false"));
    }
    // The two paths must compute the same vectors, or the comparison means nothing.
    double worst = 1;
    for (int i = 0; i < records.size(); i += 25) {
      worst =
          Math.min(
              worst, dot(langchain4j.embed(texts.get(i)).content().vector(), raw(texts.get(i))));
    }
    if (worst < 0.999) {
      throw new IllegalStateException("raw ONNX and Embedder vectors differ: cosine " + worst);
    }
    double chars = texts.stream().mapToInt(String::length).average().orElse(0);
    System.err.printf(
        Locale.ROOT,
        "%d texts, %.0f characters on average; cosine of the two paths ≥ %.5f%n",
        texts.size(),
        chars,
        worst);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws OrtException {
    session.close();
    tokenizer.close();
    bulk.close();
  }

  /** The path before: a record's text embedded by LangChain4j's model, one at a time. */
  @Benchmark
  public float[] langchain4j(Cursor cursor) {
    return langchain4j.embed(texts.get(cursor.take(texts.size()))).content().vector();
  }

  /** Our bulk path: the next 32 texts in one call (as the embedding job's batches). */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public float[][] bulk(Cursor cursor) {
    List<String> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(texts.get(cursor.take(texts.size())));
    }
    return bulk.embed(batch);
  }

  /** The same text through the tokenizer and the ONNX session directly. */
  @Benchmark
  public float[] rawOnnx(Cursor cursor) throws OrtException {
    return raw(texts.get(cursor.take(texts.size())));
  }

  float[] raw(String text) throws OrtException {
    Encoding e = tokenizer.encode(text, true, true);
    long[] shape = {1, e.getIds().length};
    try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(e.getIds()), shape);
        OnnxTensor mask =
            OnnxTensor.createTensor(env, LongBuffer.wrap(e.getAttentionMask()), shape);
        OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(e.getTypeIds()), shape);
        OrtSession.Result r = session.run(inputs(ids, mask, types))) {
      // last_hidden_state [1, tokens, 384]: BGE's embedding is the first token's (CLS) row.
      FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
      float[] v = new float[Embedder.DIMENSIONS];
      hidden.get(v);
      double norm = 0;
      for (float f : v) {
        norm += f * f;
      }
      float scale = (float) (1 / Math.sqrt(norm));
      for (int d = 0; d < v.length; d++) {
        v[d] *= scale;
      }
      return v;
    }
  }

  private Map<String, OnnxTensor> inputs(OnnxTensor ids, OnnxTensor mask, OnnxTensor types)
      throws OrtException {
    return session.getInputNames().contains("token_type_ids")
        ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types)
        : Map.of("input_ids", ids, "attention_mask", mask);
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
