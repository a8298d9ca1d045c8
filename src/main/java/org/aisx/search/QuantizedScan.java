package org.aisx.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * The int8 copies of the segments' vectors ({@link QuantizedVectors}) that {@link CloseInMeaning}
 * scans first, one per segment core, made on first use (or when a merge makes the segment) and
 * dropped when the segment closes. Over the whole shared-feed catalogue (185,988 vectors of 384
 * dimensions) they hold 73 MB on the heap, beside the float vectors Lucene maps from disk.
 */
public final class QuantizedScan {
  private final String field;
  private final Int8Dot product;
  private final ConcurrentHashMap<IndexReader.CacheKey, Optional<QuantizedVectors>> segments =
      new ConcurrentHashMap<>();

  QuantizedScan(String field, Int8Dot product) {
    this.field = field;
    this.product = product;
  }

  /**
   * The scan over the JDK's vector API, or empty when the JVM lacks its module (then the int8 loop
   * would be slower than Lucene's float scan; {@link Int8Dot#fastest()}).
   */
  public static Optional<QuantizedScan> fastest(String field) {
    return Int8Dot.fastest().map(p -> new QuantizedScan(field, p));
  }

  Int8Dot product() {
    return product;
  }

  /**
   * The segment's int8 copy, made now if there is none yet; empty when the segment has no vectors
   * or its reader cannot say when it closes (then nothing is kept for it).
   */
  Optional<QuantizedVectors> of(LeafReader reader) {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return Optional.empty();
    }
    return segments.computeIfAbsent(
        helper.getKey(),
        key -> {
          try {
            helper.addClosedListener(segments::remove);
            return Optional.ofNullable(QuantizedVectors.of(reader, field));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vectors of a segment", e);
          }
        });
  }

  /** Bytes held by every segment's copy (benchmarks print it). */
  public long bytes() {
    return segments.values().stream()
        .flatMap(Optional::stream)
        .mapToLong(QuantizedVectors::bytes)
        .sum();
  }
}
