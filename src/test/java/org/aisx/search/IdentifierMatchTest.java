package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How closely a query typed as an identifier names a record ({@link IdentifierMatch.Level}). */
class IdentifierMatchTest {

  @ParameterizedTest(name = "\"{0}\" names {1} ({2}): {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2830 | IEEE 2830-2021 | IEEE | PUBLICATION",
        "2830 | NBS IR 84-2830 | NIST | PART",
        "8183 | RFC 8183 | IETF | PUBLICATION",
        "8183 | NIST IR 8183 | NIST | NUMBER",
        "8183 | NIST IR 8183A-1 | NIST | PART",
        "SP 800-53 | NIST SP 800-53r5 | NIST | PUBLICATION",
        "SP 800-53 | NIST SP 800-53A | NIST | PART",
        "AI 100-2 | NIST AI 100-2e2023 | NIST | PUBLICATION",
        "P7001 | IEEE 7001-2021 | IEEE | PUBLICATION",
        "P7001 | IEEE P7001/D-4-2021-10 | IEEE | NUMBER",
        "P7001 | ISO 7001:2023 | ISO | OTHER",
        "y3172 | ITU-T Y.3172 (06/2019) | ITU-T | PUBLICATION",
        "y3172 | RFC 3172 | IETF | OTHER",
        "IEEE 7000 | ISO/IEC/IEEE 24748-7000:2022 | ISO/IEC/IEEE | PART",
        "iso iec 42001 2023 | ISO/IEC 42001:2023 | ISO/IEC | PUBLICATION",
        "22989 | JIS X 22989:2023 | JIS | NUMBER",
        "22989 | ISO/IEC 22989:2022 | ISO/IEC | PUBLICATION",
        "27001 | ISO/IEC 27001-HBK:2024 | ISO/IEC | NUMBER",
        "18286 | prEN 18286 | CEN-CENELEC | PUBLICATION",
        "IEEE 1232 | IEEE 1232.3-2014 | IEEE | PART",
        "WCAG 2.1 | W3C WCAG21 | W3C | PUBLICATION",
        "WCAG 2.1 | W3C REC-WCAG21-20250506 | W3C | NUMBER",
        "REC-speech-grammar | W3C REC-speech-grammar-20040316 | W3C | PUBLICATION",
      })
  void aQueryNamesARecordAsCloselyAsItsNumbersAndLettersSay(
      String q, String identifier, String sdo, IdentifierMatch.Level level) {
    assertThat(new IdentifierMatch(IndexFields.analyzer(), q).level(identifier, sdo))
        .isEqualTo(level);
  }

  @ParameterizedTest
  @CsvSource({"IEC 62243, IEC, true", "IEC 62243, IEEE, false", "RFC 9969, IETF, true"})
  void aQueryNamesTheBodyByAWordOfItsNameOrItsSeries(String q, String sdo, boolean named) {
    assertThat(new IdentifierMatch(IndexFields.analyzer(), q).namesBody(sdo)).isEqualTo(named);
  }
}
