package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {

  @Test
  void followsTheSpecExamples() {
    assertThat(Slug.of("ISO/IEC 42001:2023")).isEqualTo("iso-iec-42001-2023");
    assertThat(Slug.of("ITU-T Y.3172 (06/2019)")).isEqualTo("itu-t-y-3172-06-2019");
    assertThat(Slug.of("RFC 9110")).isEqualTo("rfc-9110");
    assertThat(Slug.of("IEEE 7000-2021")).isEqualTo("ieee-7000-2021");
  }

  @Test
  void replacesEveryOtherCharacterAsTheSpecSays() {
    assertThat(Slug.of("  NF Z 99-001 (Révision) ")).isEqualTo("nf-z-99-001-r-vision");
    assertThat(Slug.of("IEEE 7001™-2021")).isEqualTo("ieee-7001-2021");
    assertThat(Slug.of("///")).isEmpty();
  }
}
