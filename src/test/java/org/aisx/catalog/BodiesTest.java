package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

/** Issue 18 item 12: the same body in another case is the same {@code sdo}, not another facet. */
class BodiesTest {
  private final ObjectMapper json = Json.mapper();
  private final StandardReader reader = new StandardReader(Taxonomy.bundled(json));

  private String sdoOf(String sdo) {
    ObjectNode n = json.createObjectNode();
    n.put("identifier", "IEEE 9000-2026");
    n.put("sdo", sdo);
    n.put("type", "international-standard");
    n.put("status", "in-force");
    n.putObject("title").put("en", "A title");
    return reader.read(n).sdo();
  }

  @Test
  void aKnownBodyInAnotherCaseIsWrittenAsTheBodyWritesIt() {
    assertThat(sdoOf("ieee")).isEqualTo("IEEE");
    assertThat(sdoOf("Ieee")).isEqualTo("IEEE");
    assertThat(sdoOf("iso/iec")).isEqualTo("ISO/IEC");
    assertThat(sdoOf("iso / iec")).isEqualTo("ISO/IEC");
    assertThat(sdoOf("itu-t")).isEqualTo("ITU-T");
    assertThat(sdoOf("cen-cenelec")).isEqualTo("CEN-CENELEC");
  }

  @Test
  void anUnknownBodyIsKeptAsGiven() {
    assertThat(sdoOf("Acme Standards")).isEqualTo("Acme Standards");
    assertThat(sdoOf("iso/Acme")).isEqualTo("iso/Acme");
    assertThat(sdoOf("IEEE")).isEqualTo("IEEE");
  }

  @Test
  void aJointBodyIsEachOfItsBodies() {
    assertThat(Standard.bodiesOf("ISO/IEC")).containsExactly("ISO", "IEC");
    assertThat(Standard.bodiesOf("ISO/IEC/IEEE")).containsExactly("ISO", "IEC", "IEEE");
    assertThat(Standard.bodiesOf("ITU-T")).containsExactly("ITU-T");
    assertThat(Standard.bodiesOf(null)).isEmpty();
  }
}
