package org.aisx.semantic;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The embeddings of recent search queries, least recently used dropped beyond {@link #capacity}.
 * Keyed by the normalised text ({@link #key}): the model is uncased and its tokenizer splits on
 * white space, so "Risk management" and "risk management" have the same vector and share an entry.
 */
final class QueryVectors {
  private final int capacity;
  private final Map<String, float[]> entries;

  QueryVectors(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(Math.min(capacity, 1_024), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > QueryVectors.this.capacity;
          }
        };
  }

  /** What two queries with the same vector have in common: lower case, single spaces, trimmed. */
  static String key(String q) {
    return q.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The cached vector of {@code q}, or null. */
  float[] get(String q) {
    String key = key(q);
    synchronized (entries) {
      return entries.get(key);
    }
  }

  boolean contains(String q) {
    return get(q) != null;
  }

  /**
   * The vector of {@code q}: cached, or computed by {@code embed} (outside the lock, so that other
   * queries are answered meanwhile) and cached.
   */
  float[] computeIfAbsent(String q, Function<String, float[]> embed) {
    String key = key(q);
    float[] v;
    synchronized (entries) {
      v = entries.get(key);
    }
    if (v == null) {
      v = embed.apply(key);
      synchronized (entries) {
        entries.put(key, v);
      }
    }
    return v;
  }

  /** Sets the vector of {@code q}, in place of what the model would give. */
  void put(String q, float[] v) {
    synchronized (entries) {
      entries.put(key(q), v.clone());
    }
  }

  /** Every cached vector, by its key ({@link #key}). */
  Map<String, float[]> snapshot() {
    synchronized (entries) {
      return new java.util.TreeMap<>(entries);
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
