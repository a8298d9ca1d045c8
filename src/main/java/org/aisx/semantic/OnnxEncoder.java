package org.aisx.semantic;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * bge-small-en-v1.5-q driven through ONNX Runtime directly, many texts per call: each text is
 * tokenized once (the model's own tokenizer file, the DJL HuggingFace tokenizer) and cut at {@link
 * #maxTokens}, run alone through the session, and only the first (CLS) row of its hidden state is
 * read and L2-normalised; the texts of one call are spread over {@code callers} threads sharing the
 * session. The model file and tokenizer are those LangChain4j ships (nothing is downloaded); {@code
 * OnnxEncoderTest} checks the vectors equal LangChain4j's path on the same text.
 *
 * <p>Why one text per run, not padded batches: this model is quantized with dynamic quantization,
 * whose scale is computed over the whole input tensor, so a text's vector depends on the other
 * texts and padding of its batch (measured: cosine 0.994-0.998 to the same text alone, median
 * 0.997, none at 0.9999), and on two CPU cores batches were no faster (BENCHMARKS.md, "Bulk
 * embedding").
 *
 * <p>Thread-safe: ONNX Runtime sessions and the tokenizer may be used by several threads at once.
 */
final class OnnxEncoder implements AutoCloseable {
  static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
  static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final int maxTokens;
  private final int callers;
  private final java.util.concurrent.ExecutorService pool;

  /**
   * Loads the model.
   *
   * @param maxTokens the most tokens of a text the model reads, [CLS] and [SEP] included (at most
   *     512, the model's limit); the rest is cut
   * @param intraOpThreads the threads ONNX Runtime uses inside one run (0: its default, one per
   *     core)
   * @param callers the threads that embed the texts of one {@link #embed} call at once
   */
  OnnxEncoder(int maxTokens, int intraOpThreads, int callers) {
    if (callers < 1) {
      throw new IllegalArgumentException("callers must be positive: " + callers);
    }
    this.callers = callers;
    this.pool =
        callers == 1
            ? null
            : java.util.concurrent.Executors.newFixedThreadPool(
                callers - 1,
                r -> {
                  Thread t = new Thread(r, "embedding-caller");
                  t.setDaemon(true);
                  return t;
                });
    if (maxTokens < 8 || maxTokens > 512) {
      throw new IllegalArgumentException("maxTokens must be 8..512: " + maxTokens);
    }
    this.maxTokens = maxTokens;
    this.env = OrtEnvironment.getEnvironment();
    try (InputStream model = resource(MODEL_RESOURCE);
        InputStream tok = resource(TOKENIZER_RESOURCE);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (intraOpThreads > 0) {
        options.setIntraOpNumThreads(intraOpThreads);
      }
      // Idle intra-op threads sleep rather than spin: the machine serves searches meanwhile.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      this.session = env.createSession(model.readAllBytes(), options);
      // The options LangChain4j uses; padding is done here, per batch.
      this.tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("padding", "false"));
      this.typeIds = session.getInputNames().contains("token_type_ids");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the embedding model", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OnnxEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is missing from the class path");
    }
    return in;
  }

  int maxTokens() {
    return maxTokens;
  }

  /** The token ids of {@code text}, [CLS] and [SEP] included, cut at {@link #maxTokens}. */
  long[] tokens(String text) {
    long[] ids = tokenizer.encode(text, true, false).getIds();
    if (ids.length <= maxTokens) {
      return ids;
    }
    long[] cut = Arrays.copyOf(ids, maxTokens);
    cut[maxTokens - 1] = ids[ids.length - 1]; // keep [SEP] last, as the tokenizer's truncation
    return cut;
  }

  /**
   * The unit-length embeddings of {@code texts}, in order: the calling thread and {@code callers -
   * 1} pool threads take texts in turn.
   */
  float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    Runnable work =
        () -> {
          for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
            out[i] = embedOne(texts.get(i));
          }
        };
    List<java.util.concurrent.Future<?>> helpers = new ArrayList<>();
    for (int c = 1; c < Math.min(callers, texts.size()); c++) {
      helpers.add(pool.submit(work));
    }
    work.run();
    for (java.util.concurrent.Future<?> f : helpers) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while embedding", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException("embedding failed", e.getCause());
      }
    }
    return out;
  }

  /** One text, one {@code OrtSession.run}; only the CLS row of the hidden state is read. */
  private float[] embedOne(String text) {
    long[] ids = tokens(text);
    long[] shape = {1, ids.length};
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1L);
    try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
        OrtSession.Result result =
            session.run(
                typeIds
                    ? Map.of(
                        "input_ids", inputIds, "attention_mask", attention, "token_type_ids", types)
                    : Map.of("input_ids", inputIds, "attention_mask", attention))) {
      // last_hidden_state [1, tokens, 384]: BGE's embedding is the first (CLS) row.
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] v = new float[Embedder.DIMENSIONS];
      hidden.get(v);
      return normalise(v);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed", e);
    }
  }

  static float[] normalise(float[] v) {
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

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the embedding model", e);
    }
    tokenizer.close();
  }
}
