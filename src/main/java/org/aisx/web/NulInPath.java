package org.aisx.web;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * Lets a request whose path holds {@code %00} reach the routes, marked, so that it is refused as
 * any other unreadable address is ({@link WebServer}): a 400 naming the path, the error page in the
 * request's language, or the API's JSON error under {@code /api/}. Jetty 11 refuses such a path
 * while it reads the request line ("Illegal character in path"), before the headers, so its answer
 * ({@link JettyErrors}) could not know the language or whether a page was asked for.
 *
 * <p>The escape is written {@code %2500} instead (the text "%00", never a NUL) in the path only,
 * and the request carries {@link #ATTRIBUTE}; the query is left as it is (Jetty does not refuse a
 * {@code %00} there, and {@link Params} reads it).
 */
final class NulInPath extends HttpConnectionFactory {
  /** The request attribute saying that the path held {@code %00}. */
  static final String ATTRIBUTE = "org.aisx.web.nulInPath";

  NulInPath(HttpConfiguration config) {
    super(config);
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    HttpConnection connection =
        new HttpConnection(
            getHttpConfiguration(), connector, endPoint, isRecordHttpComplianceViolations()) {
          @Override
          protected HttpChannelOverHttp newHttpChannel() {
            return new Channel(this, connector, getHttpConfiguration(), endPoint);
          }
        };
    connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
    connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
    return configure(connection, connector, endPoint);
  }

  /** The path of a request target with each {@code %00} written {@code %2500}; else as it is. */
  static String escaped(String target) {
    int end = target.length();
    int query = target.indexOf('?');
    if (query >= 0) {
      end = query;
    }
    String path = target.substring(0, end);
    if (!path.contains("%00")) {
      return target;
    }
    return path.replace("%00", "%2500") + target.substring(end);
  }

  private static final class Channel extends HttpChannelOverHttp {
    /** Whether the request being read had {@code %00} in its path. */
    private boolean nul;

    Channel(
        HttpConnection connection,
        Connector connector,
        HttpConfiguration config,
        EndPoint endPoint) {
      super(connection, connector, config, endPoint, connection);
    }

    @Override
    public void startRequest(String method, String uri, HttpVersion version) {
      String target = uri == null ? null : escaped(uri);
      nul = target != null && !target.equals(uri);
      super.startRequest(method, target, version);
    }

    @Override
    public boolean headerComplete() {
      boolean handle = super.headerComplete();
      if (nul) {
        getRequest().setAttribute(ATTRIBUTE, true);
      }
      return handle;
    }
  }
}
