package org.aisx.semantic;

import java.util.List;

/** Opens the package-private {@link OnnxEncoder} to the benchmarks, with their own options. */
public final class EncoderAccess implements AutoCloseable {
  private final OnnxEncoder encoder;

  public EncoderAccess(int maxTokens, int intraOpThreads, int callers) {
    this.encoder = new OnnxEncoder(maxTokens, intraOpThreads, callers);
  }

  public float[][] embed(List<String> texts) {
    return encoder.embed(texts);
  }

  /** The number of tokens the model reads of {@code text}. */
  public int tokens(String text) {
    return encoder.tokens(text).length;
  }

  @Override
  public void close() {
    encoder.close();
  }
}
