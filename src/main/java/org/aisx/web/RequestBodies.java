package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies, received before any handler runs: a servlet filter in front of Javalin reads
 * every body (except multipart uploads, which Jetty spools to disk under its own multipart limits)
 * without blocking a thread, through the servlet API's non-blocking reads, into memory, and hands
 * Javalin the complete body. So:
 *
 * <ul>
 *   <li>a body larger than {@link Limits#maxBodyBytes} is refused with 413 as soon as its declared
 *       length or the bytes that arrived exceed it, whatever the transfer encoding (a chunked body
 *       has no declared length), and the rest of it is never read;
 *   <li>a client that sends its body slowly holds no request thread while it does, so slow clients
 *       cannot take the threads that {@code /healthz} and everyone else need; a body that has not
 *       arrived within {@link Limits#bodyMillis} is refused with 408;
 *   <li>all bodies being received at once hold at most {@link Limits#bufferedBytes} between them; a
 *       request that would go over answers 503 with Retry-After.
 * </ul>
 *
 * <p>A refusal is not written here: the request goes on to Javalin marked as refused, and {@link
 * #refuseMarked} (the first before-handler) throws the status, so that it gets the same JSON error
 * or page as every other failure.
 */
final class RequestBodies implements Filter {
  private static final byte[] NO_BODY = new byte[0];

  private static final String BODY = "aisx.body";
  private static final String REFUSED = "aisx.bodyRefused";

  private final Limits limits;
  private final AtomicLong buffered = new AtomicLong();

  RequestBodies(Limits limits) {
    this.limits = limits;
  }

  /** A refusal of the body, carried to {@link #refuseMarked}. */
  private record Refusal(HttpStatus status, String message) {}

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      Object body = request.getAttribute(BODY);
      if (body instanceof byte[] bytes) {
        try {
          chain.doFilter(new Buffered(http, bytes), response);
        } finally {
          buffered.addAndGet(-bytes.length);
        }
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    if (isMultipart(http)) {
      chain.doFilter(request, response);
      return;
    }
    if (!hasBody(http)) {
      // Read as empty here, not through Jetty: its minimum data rate counts an empty body read
      // more than a moment after the request arrived (a handler that waited for a thread, on a
      // loaded machine) as one that arrived too slowly, and fails the read with a 408.
      chain.doFilter(new Buffered(http, NO_BODY), response);
      return;
    }
    long declared = http.getContentLengthLong();
    if (declared > limits.maxBodyBytes()) {
      refuse(http, response, chain, tooLarge());
      return;
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(limits.bodyMillis());
    new Receiver(http, async, declared).start();
  }

  /** A request carries a body when it declares a length above 0 or a transfer encoding. */
  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private Refusal tooLarge() {
    return new Refusal(
        HttpStatus.CONTENT_TOO_LARGE,
        "The request body is larger than " + limits.maxBodyBytes() + " bytes.");
  }

  /** Sends a request whose body was refused on to Javalin, which answers with the refusal. */
  private static void refuse(
      HttpServletRequest request, ServletResponse response, FilterChain chain, Refusal refusal)
      throws IOException, ServletException {
    request.setAttribute(REFUSED, refusal);
    chain.doFilter(new Buffered(request, NO_BODY), response);
  }

  /**
   * The first before-handler: a request whose body this filter refused ends here, with that status;
   * the connection is closed after the answer, so the unread rest of the body is dropped.
   */
  static void refuseMarked(Context ctx) {
    if (ctx.attribute(REFUSED) instanceof Refusal r) {
      ctx.header("Connection", "close");
      if (r.status() == HttpStatus.SERVICE_UNAVAILABLE) {
        ctx.header("Retry-After", "5");
      }
      throw new HttpResponseException(r.status().getCode(), r.message());
    }
  }

  /** The body this filter received for the request, or null (none, or a multipart upload). */
  static byte[] received(Context ctx) {
    return ctx.attribute(BODY) instanceof byte[] bytes ? bytes : null;
  }

  /** Reads one body with non-blocking reads, then dispatches the request to Javalin. */
  private final class Receiver implements ReadListener, AsyncListener {
    private final HttpServletRequest request;
    private final AsyncContext async;
    private final ByteArrayOutputStream body;
    private final byte[] chunk = new byte[8192];
    private final AtomicBoolean finished = new AtomicBoolean();
    private long reserved;
    private ServletInputStream in;

    Receiver(HttpServletRequest request, AsyncContext async, long declared) {
      this.request = request;
      this.async = async;
      this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    }

    void start() throws IOException {
      async.addListener(this);
      in = request.getInputStream();
      in.setReadListener(this);
    }

    @Override
    public void onDataAvailable() {
      try {
        while (!finished.get() && in.isReady()) {
          int n = in.read(chunk);
          if (n < 0) {
            return; // onAllDataRead follows
          }
          if (body.size() + (long) n > limits.maxBodyBytes()) {
            finish(tooLarge());
            return;
          }
          if (buffered.addAndGet(n) > limits.bufferedBytes()) {
            buffered.addAndGet(-n);
            finish(
                new Refusal(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "The server is receiving too many request bodies at once; try again shortly."));
            return;
          }
          reserved += n;
          body.write(chunk, 0, n);
        }
      } catch (IOException | RuntimeException e) {
        onError(e);
      }
    }

    @Override
    public void onAllDataRead() {
      if (finished.compareAndSet(false, true)) {
        byte[] bytes = body.toByteArray();
        // The reservation passes to the dispatched request, which releases it when done.
        request.setAttribute(BODY, bytes);
        buffered.addAndGet(bytes.length - reserved);
        reserved = 0;
        async.dispatch();
      }
    }

    @Override
    public void onError(Throwable t) {
      finish(
          new Refusal(
              HttpStatus.REQUEST_TIMEOUT,
              "The request body could not be read: it arrived too slowly or was cut off."));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      finish(
          new Refusal(
              HttpStatus.REQUEST_TIMEOUT,
              "The request body did not arrive within "
                  + TimeUnit.MILLISECONDS.toSeconds(limits.bodyMillis())
                  + " seconds."));
    }

    private void finish(Refusal refusal) {
      if (finished.compareAndSet(false, true)) {
        buffered.addAndGet(-reserved);
        reserved = 0;
        request.setAttribute(REFUSED, refusal);
        request.setAttribute(BODY, NO_BODY);
        async.dispatch();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {
      onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }

  /** The request with its body already in memory. */
  private static final class Buffered extends HttpServletRequestWrapper {
    private final byte[] body;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return bytes.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("the body has already been read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  /**
   * The limits on what clients send and how long they take, with their defaults; each can be set
   * with a system property (e.g. {@code java -Daisx.http.maxBodyBytes=2000000 -jar aisx.jar
   * serve}).
   *
   * @param maxBodyBytes the largest request body, multipart uploads excepted
   * @param bodyMillis how long a request body may take to arrive
   * @param bufferedBytes the request bodies being received at once, all together
   * @param idleMillis how long a connection may send or take nothing before it is closed
   * @param minDataRate bytes per second a request body must keep up once it has started
   * @param maxThreads request threads
   * @param maxQueued requests waiting for a thread before new ones are turned away
   */
  record Limits(
      long maxBodyBytes,
      long bodyMillis,
      long bufferedBytes,
      long idleMillis,
      long minDataRate,
      int maxThreads,
      int maxQueued) {
    static Limits fromSystemProperties() {
      return new Limits(
          Long.getLong("aisx.http.maxBodyBytes", 1_000_000L),
          Long.getLong("aisx.http.bodyMillis", 30_000L),
          Long.getLong("aisx.http.bufferedBytes", 64L * 1024 * 1024),
          Long.getLong("aisx.http.idleMillis", 20_000L),
          Long.getLong("aisx.http.minDataRate", 128L),
          Integer.getInteger("aisx.http.maxThreads", 200),
          Integer.getInteger("aisx.http.maxQueued", 1000));
    }
  }
}
