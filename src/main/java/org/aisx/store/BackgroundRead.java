package org.aisx.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A read of the store started on a thread of its own when the service opens, so that it overlaps
 * the rest of the start (the index opening, the web server starting); whoever needs its result
 * first waits for it. The suggestion states and the ids with a vector of every record were read on
 * the start's main thread: half of it before the port opened over 70,896 records (BENCHMARKS.md,
 * "Start to first answer").
 */
public final class BackgroundRead<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private BackgroundRead() {}

  /** Starts {@code read} on a daemon thread named {@code name}. */
  public static <T> BackgroundRead<T> start(String name, Supplier<T> read) {
    BackgroundRead<T> r = new BackgroundRead<>();
    Thread t =
        new Thread(
            () -> {
              try {
                r.result.complete(read.get());
              } catch (RuntimeException | Error e) { // never leave a waiting caller blocked
                r.result.completeExceptionally(e);
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return r;
  }

  /** The result, once read; what the read threw, if it failed. */
  public T get() {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
