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
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * bge-small-en-v1.5-q driven through ONNX Runtime directly, many texts per call: each text is
 * tokenized once (the model's own tokenizer file, the DJL HuggingFace tokenizer) and cut at {@link
 * #maxTokens}, texts of similar length are padded into one batch, each batch is one {@code
 * OrtSession.run}, and only the first (CLS) row of each text's hidden state is read and
 * L2-normalised. The model file and tokenizer are those LangChain4j ships (nothing is downloaded);
 * {@code OnnxEncoderTest} checks the vectors equal LangChain4j's path on the same text.
 *
 * <p>Thread-safe: ONNX Runtime sessions and the tokenizer may be used by several threads at once.
 */
final class OnnxEncoder implements AutoCloseable {
  static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
  static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

  /**
   * The most tokens a batch may hold (texts × padded length): bounds the memory of one run while
   * letting short texts share a batch. 32 texts of 256 tokens.
   */
  static final int BATCH_TOKENS = 8_192;

  /** The most texts in one batch. */
  static final int BATCH_TEXTS = 32;

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final int maxTokens;

  /**
   * Loads the model.
   *
   * @param maxTokens the most tokens of a text the model reads, [CLS] and [SEP] included (at most
   *     512, the model's limit); the rest is cut
   * @param intraOpThreads the threads ONNX Runtime uses inside one run (0: its default, one per
   *     core)
   */
  OnnxEncoder(int maxTokens, int intraOpThreads) {
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

  /** The unit-length embeddings of {@code texts}, in order. */
  float[][] embed(List<String> texts) {
    long[][] ids = new long[texts.size()][];
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = tokens(texts.get(i));
      order[i] = i;
    }
    // Similar lengths together, so that little of a batch is padding.
    Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
    float[][] out = new float[ids.length][];
    List<Integer> batch = new ArrayList<>();
    int longest = 0;
    for (int i : order) {
      int len = ids[i].length;
      if (!batch.isEmpty()
          && (batch.size() == BATCH_TEXTS
              || (batch.size() + 1) * Math.max(longest, len) > BATCH_TOKENS)) {
        run(ids, batch, longest, out);
        batch.clear();
        longest = 0;
      }
      batch.add(i);
      longest = Math.max(longest, len);
    }
    if (!batch.isEmpty()) {
      run(ids, batch, longest, out);
    }
    return out;
  }

  /** One {@code OrtSession.run} over the texts {@code batch}, padded to {@code length}. */
  private void run(long[][] ids, List<Integer> batch, int length, float[][] out) {
    int n = batch.size();
    long[] input = new long[n * length];
    long[] mask = new long[n * length];
    for (int b = 0; b < n; b++) {
      long[] t = ids[batch.get(b)];
      System.arraycopy(t, 0, input, b * length, t.length);
      Arrays.fill(mask, b * length, b * length + t.length, 1L);
    }
    long[] shape = {n, length};
    try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape);
        OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * length]), shape);
        OrtSession.Result result =
            session.run(
                typeIds
                    ? Map.of(
                        "input_ids", inputIds, "attention_mask", attention, "token_type_ids", types)
                    : Map.of("input_ids", inputIds, "attention_mask", attention))) {
      // last_hidden_state [n, length, 384]: BGE's embedding is each text's first (CLS) row.
      FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
      for (int b = 0; b < n; b++) {
        float[] v = new float[Embedder.DIMENSIONS];
        hidden.get(b * length * Embedder.DIMENSIONS, v);
        out[batch.get(b)] = normalise(v);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed on a batch of " + n, e);
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
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the embedding model", e);
    }
    tokenizer.close();
  }
}
