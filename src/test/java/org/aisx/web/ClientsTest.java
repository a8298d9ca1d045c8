package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientsTest {
  @Test
  void theLastForwardedEntryIsTheAddressTheProxyAdded() {
    assertThat(Clients.lastHop("198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(Clients.lastHop("203.0.113.1, 198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(Clients.lastHop(" 2001:db8::1 ")).isEqualTo("2001:db8::1");
  }

  @Test
  void noUsableLastEntryMeansTheConnectionsAddress() {
    assertThat(Clients.lastHop(null)).isNull();
    assertThat(Clients.lastHop("")).isNull();
    assertThat(Clients.lastHop("   ")).isNull();
    // String.split(",") gives an empty array for these; they used to fail the request (500).
    assertThat(Clients.lastHop(",")).isNull();
    assertThat(Clients.lastHop(",,")).isNull();
    // A trailing comma: the last entry is empty, not the one before it (which a client can forge).
    assertThat(Clients.lastHop("203.0.113.1,")).isNull();
    assertThat(Clients.lastHop("x".repeat(101))).isNull();
  }
}
