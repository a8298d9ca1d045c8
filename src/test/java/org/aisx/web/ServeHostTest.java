package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 12: {@code serve --host ADDRESS} listens on that interface only. On Linux every
 * address of 127.0.0.0/8 reaches the loopback interface, so a server bound to 127.0.0.1 is not
 * reached at 127.0.0.2, and one bound to every interface is.
 */
class ServeHostTest {
  @TempDir Path dir;

  private static void connect(String host, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 5_000);
    }
  }

  @Test
  void aServerBoundToOneAddressIsNotReachedAtAnother() throws Exception {
    try (App app = Fixtures.empty(dir);
        WebServer web = app.web().start("127.0.0.1", 0)) {
      connect("127.0.0.1", web.port());
      assertThatThrownBy(() -> connect("127.0.0.2", web.port()))
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void byDefaultEveryInterfaceIsServed() throws Exception {
    try (App app = Fixtures.empty(dir);
        WebServer web = app.web().start(0)) {
      connect("127.0.0.1", web.port());
      connect("127.0.0.2", web.port());
      assertThat(web.port()).isPositive();
    }
  }
}
