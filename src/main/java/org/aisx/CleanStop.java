package org.aisx;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.aisx.web.WebServer;

/**
 * How {@code serve} stops on SIGTERM (or Ctrl-C), at any moment of start-up or work (SPEC §11): the
 * web server stops taking requests; the embedding model, if it is being loaded, finishes loading
 * first (the JVM's exit must not tear ONNX Runtime down while {@code OrtSession.createSession} runs
 * on another thread: that was the SIGSEGV and SIGBUS with {@code hs_err_pid*.log} files); the
 * background jobs stop at a record boundary; the index and the store are closed; and the process
 * exits with status 0. Nothing native is freed by hand: the session stays open until the process
 * ends.
 */
final class CleanStop {
  /** How long the stop waits for the model to finish loading before it exits anyway. */
  static final Duration MODEL_LOAD_WAIT = Duration.ofSeconds(90);

  private final PrintStream out;
  private final CountDownLatch done = new CountDownLatch(1);
  private boolean stopping;
  private App app;
  private WebServer web;

  CleanStop(PrintStream out) {
    this.out = out;
  }

  /** Registers the shutdown hook. */
  void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "aisx-clean-stop"));
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

  /** Waits until a stop has run. */
  void await() throws InterruptedException {
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
    done.countDown();
    // The signal's own exit status is 143; a clean stop is a success.
    Runtime.getRuntime().halt(status);
  }
}
