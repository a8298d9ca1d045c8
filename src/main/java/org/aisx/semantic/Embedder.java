package org.aisx.semantic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aisx.catalog.Standard;

/**
 * Embeds text with the quantized bge-small-en-v1.5 model, in process (ONNX Runtime driven by {@link
 * OnnxEncoder}; the weights ship inside the LangChain4j artifact, nothing is downloaded). Vectors
 * have 384 dimensions and unit length. Many texts at once ({@link #embedAll}) are spread over both
 * cores: one ONNX Runtime thread per run, two runs at a time. The model loads once, on a background
 * thread started by {@link #loadInBackground} or by the first use; {@link #ready} tells whether it
 * has.
 */
public final class Embedder {
  /** Names the model in stored vectors, so that a different model never reuses them. */
  public static final String MODEL = "bge-small-en-v1.5-q";

  public static final int DIMENSIONS = 384;

  /** BGE's instruction for short retrieval queries (its model card). */
  static final String QUERY_INSTRUCTION =
      "Represent this sentence for searching relevant passages: ";

  /** The model reads at most 512 tokens; longer text only costs more passes, so it is cut. */
  static final int MAX_TEXT_CHARS = 1_500;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Embedder.class);

  /**
   * The most tokens of a text the model reads ([CLS] and [SEP] included): the model's own limit.
   * Chosen on measured quality against 256 and 128 (BENCHMARKS.md, "Bulk embedding").
   */
  static final int MAX_TOKENS = 512;

  private final CompletableFuture<OnnxEncoder> model = new CompletableFuture<>();
  private final AtomicBoolean loading = new AtomicBoolean();

  /** Starts loading the model on a background thread, once; returns at once. */
  public void loadInBackground() {
    loadInBackground(() -> {});
  }

  /**
   * {@link #loadInBackground()}, running {@code prepare} first on the loading thread (where the
   * service unpacks ONNX Runtime's native libraries: off the start's main thread).
   */
  public void loadInBackground(Runnable prepare) {
    if (!loading.compareAndSet(false, true)) {
      return;
    }
    Thread loader =
        new Thread(
            () -> {
              try {
                prepare.run();
                model.complete(new OnnxEncoder(MAX_TOKENS, 1, 2));
              } catch (RuntimeException | Error e) { // never leave waiting searches blocked
                LOG.error("the embedding model {} could not be loaded", MODEL, e);
                model.completeExceptionally(e);
              }
            },
            "embedding-model-loader");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * For a stop: no load starts from now on, and a load in progress is waited for, at most {@code
   * timeout}, so that the process never exits while ONNX Runtime creates its session (its native
   * state torn down under it is a SIGSEGV). Returns whether no load is running.
   */
  public boolean quiesce(java.time.Duration timeout) {
    if (loading.compareAndSet(false, true)) {
      model.completeExceptionally(new IllegalStateException("the service is stopping"));
      return true;
    }
    try {
      model.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.ExecutionException e) {
      return true; // the load failed: nothing runs
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether the model has loaded, so that embedding does not wait. */
  public boolean ready() {
    return model.isDone() && !model.isCompletedExceptionally();
  }

  /** The embedding of a search query. */
  public float[] query(String q) {
    return embed(QUERY_INSTRUCTION + q);
  }

  /** The embedding of a record's text ({@link #textOf}). */
  public float[] document(Standard s) {
    return embed(textOf(s));
  }

  /** The embedding of free text, e.g. a description of proposed new work. */
  public float[] embed(String text) {
    return model().embed(List.of(text))[0];
  }

  /**
   * The embeddings of many texts, in order: each tokenized once and run alone (so that its vector
   * does not depend on the others: see {@link OnnxEncoder}), two at a time.
   */
  public float[][] embedAll(List<String> texts) {
    return texts.isEmpty() ? new float[0][] : model().embed(texts);
  }

  /** The model, waiting for it to load if it has not yet. */
  private OnnxEncoder model() {
    loadInBackground();
    try {
      return model.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("the embedding model " + MODEL + " could not be loaded", e);
    }
  }

  /**
   * What is embedded for a record: its English title (or the first one), its English abstract and
   * keywords, cut at {@link #MAX_TEXT_CHARS}. Changing any of these invalidates the vector.
   */
  public static String textOf(Standard s) {
    StringBuilder text = new StringBuilder();
    String title = s.titleIn("en");
    if (title != null) {
      text.append(title);
    }
    String summary = Standard.pick(s.summary(), "en");
    // A record without a title (a feed may give none) starts with its abstract.
    if (summary != null && !summary.isBlank()) {
      text.append(text.isEmpty() ? "" : ". ").append(summary);
    }
    if (!s.keywords().isEmpty()) {
      text.append(text.isEmpty() ? "" : ". ").append(String.join(", ", s.keywords()));
    }
    return text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text.toString();
  }

  /** A short fingerprint of the embedded text. */
  public static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
