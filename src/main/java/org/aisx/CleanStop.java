package org.aisx;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.aisx.web.WebServer;

/**
 * How {@code serve} stops on SIGTERM, SIGINT (Ctrl-C) or SIGHUP, at any moment of start-up or work
 * (SPEC §11): the web server stops taking requests; the embedding model, if it is being loaded,
 * finishes loading first; the background jobs stop at a record boundary; the index and the store
 * are closed; and the process exits with status 0.
 *
 * <p>Why the signals are handled here rather than in a shutdown hook: ONNX Runtime registers a
 * shutdown hook of its own ({@code OrtEnvironment$OrtEnvCloser}) that frees its native environment,
 * and the JVM runs every hook at once. A signal that came while the model loaded in the background
 * freed that environment under {@code OrtSession.createSession}: the SIGSEGV and SIGBUS with {@code
 * hs_err_pid*.log} files of issue 17 (and, when it did not crash, "Attempt to use DefaultLogger but
 * none has been registered"). So the stop runs in the signal's handler, waits for the load, closes
 * what the application opened, and ends the process with {@link Runtime#halt}, which runs no hook:
 * native memory that may still be in use is never freed by hand; the process's end releases it.
 */
@SuppressForbidden // sun.misc.Signal: the JDK's only way to handle a signal instead of its hooks
final class CleanStop {
  /** How long the stop waits for the model to finish loading before it exits anyway. */
  static final Duration MODEL_LOAD_WAIT = Duration.ofSeconds(90);

  private final PrintStream out;
  private final CountDownLatch done = new CountDownLatch(1); // never counted down: see awaitEnd
  private boolean stopping;
  private App app;
  private WebServer web;

  CleanStop(PrintStream out) {
    this.out = out;
  }

  /** Handles the stop signals from now on (each stop runs once, on the first signal's thread). */
  void install() {
    for (String name : new String[] {"TERM", "INT", "HUP"}) {
      sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopOnce());
    }
  }

  private final java.util.concurrent.atomic.AtomicBoolean started =
      new java.util.concurrent.atomic.AtomicBoolean();

  private void stopOnce() {
    if (started.compareAndSet(false, true)) {
      stop();
    }
  }

  /** The catalogue is open; false when the stop has begun (it will not be used then). */
  synchronized boolean opened(App app) {
    if (stopping) {
      app.close();
      return false;
    }
    this.app = app;
    return true;
  }

  /** The web server is about to listen; false when the stop has begun. */
  synchronized boolean serving(WebServer web) {
    if (stopping) {
      return false;
    }
    this.web = web;
    return true;
  }

  /**
   * The start failed before the service was up (its port taken, say), and the process is about to
   * exit with the error: waits for a model load in progress, as a stop does, so that the exit does
   * not tear ONNX Runtime's native state down under the loading thread (a SIGSEGV and a crash log 3
   * times in 4 before), then closes what was opened.
   */
  void startFailed() {
    App a;
    synchronized (this) {
      stopping = true;
      a = app;
      app = null;
    }
    if (a != null) {
      try {
        a.embedder().quiesce(MODEL_LOAD_WAIT);
        a.close();
      } catch (RuntimeException e) {
        // The start's own error is the one to report; this one only follows from it.
        out.println("Closing after the failed start: " + e);
      }
    }
  }

  /** Whether a stop has begun: what the main thread was using may be closed under it. */
  boolean begun() {
    return started.get();
  }

  /**
   * Blocks the calling thread until the process ends: the stop ends it with {@link Runtime#halt}.
   * The main thread must never return into {@code System.exit}, which would run the shutdown hooks
   * (ONNX Runtime's among them) while the stop is still waiting for the model.
   */
  void awaitEnd() throws InterruptedException {
    done.await();
  }

  private void stop() {
    App a;
    WebServer w;
    synchronized (this) {
      stopping = true;
      a = app;
      w = web;
    }
    out.println("Stopping ...");
    int status = 0;
    try {
      if (w != null) {
        w.close();
      }
      if (a != null) {
        if (!a.embedder().quiesce(MODEL_LOAD_WAIT)) {
          out.println(
              "The embedding model is still loading after " + MODEL_LOAD_WAIT + "; exiting");
        }
        a.close();
      }
      out.println("Stopped cleanly");
    } catch (RuntimeException e) {
      out.println("Stopping failed: " + e);
      status = 1;
    }
    out.flush();
    // No shutdown hook runs (see the class comment); a clean stop is a success.
    Runtime.getRuntime().halt(status);
  }
}
