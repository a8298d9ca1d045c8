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
    assertThat(Slug.of("\u212A\u0130X")).isEqualTo("kix"); // Kelvin sign, dotted capital I
  }

  @Test
  void agreesWithTheRuleWrittenAsRegexesOnRandomText() {
    java.util.Random random = new java.util.Random(7);
    String alphabet = "aZz09 -_/.:()éÉİ\u212A™人\uD83E\uDD16\u00A0";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        s.append(
            random.nextInt(8) == 0
                ? (char) random.nextInt(0x3000)
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      StringBuilder lower = new StringBuilder();
      text.chars().forEach(c -> lower.append(Character.toLowerCase((char) c)));
      String expected = lower.toString().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      assertThat(Slug.of(text)).as("%s", text).isEqualTo(expected);
    }
  }
}
