package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvFormulasTest {
  @Test
  void aValueASpreadsheetWouldRunGetsOneApostropheInFront() {
    assertThat(CsvFormulas.defuse("=HYPERLINK(\"http://x\")"))
        .isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(CsvFormulas.defuse("+1")).isEqualTo("'+1");
    assertThat(CsvFormulas.defuse("-2")).isEqualTo("'-2");
    assertThat(CsvFormulas.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvFormulas.defuse("\tx")).isEqualTo("'\tx");
    assertThat(CsvFormulas.defuse("'=1")).isEqualTo("''=1");
  }

  @Test
  void anyOtherValueIsWrittenAndReadAsItIs() {
    for (String v :
        Arrays.asList("plain", "'quoted", "''", "a=b", "", "'", null, "ISO/IEC 42001")) {
      assertThat(CsvFormulas.defuse(v)).isEqualTo(v);
      assertThat(CsvFormulas.restore(v)).isEqualTo(v);
    }
  }

  @Test
  void everyValueComesBackExactlyFromItsCell() {
    for (String v : Arrays.asList("=1+1", "'=1+1", "''=1+1", "- item", "'- item", "@", "-", "'")) {
      assertThat(CsvFormulas.restore(CsvFormulas.defuse(v))).as(v).isEqualTo(v);
    }
  }
}
